import { describe, expect, it } from 'vitest';
import { atlasRagIndex } from './node';
import { buildPrompt, selectContext, SYSTEM_PROMPT, type ContextChunk } from './prompt';
import { retrieve } from './retrieve';

const context: ContextChunk[] = [
  {
    id: 'kv-cache#complexity',
    slug: 'kv-cache',
    label: 'KV Cache › Complexity',
    url: '/architectures/kv-cache/#complexity',
    text: 'The cache grows linearly with context.',
  },
  {
    id: 'grouped-query-attention#how-it-works',
    slug: 'grouped-query-attention',
    label: 'Grouped Query Attention › How it works',
    url: '/architectures/grouped-query-attention/#how-it-works',
    text: 'Groups of query heads share "one" key/value head.',
  },
];

describe('buildPrompt', () => {
  it('pins the exact augmented prompt: system rules, delimited passages, question last', () => {
    const prompt = buildPrompt('  Why is the cache smaller with GQA? ', context);
    expect(prompt.system).toBe(
      'You answer questions about AI architectures using only the context passages from the AI Architectures atlas. ' +
        'After each claim, cite the id of the passage it comes from in square brackets, exactly as given, for example ' +
        '[kv-cache#how-it-works]. Use only ids that appear in the context. ' +
        'If the context does not contain the answer, say that the atlas does not cover it; do not use outside knowledge. ' +
        'Answer in at most 150 words of plain text or simple Markdown (no HTML).',
    );
    expect(prompt.user).toBe(
      [
        'Context passages:',
        '',
        '<passage id="kv-cache#complexity" title="KV Cache › Complexity">',
        'The cache grows linearly with context.',
        '</passage>',
        '',
        '<passage id="grouped-query-attention#how-it-works" title="Grouped Query Attention › How it works">',
        'Groups of query heads share "one" key/value head.',
        '</passage>',
        '',
        'Question: Why is the cache smaller with GQA?',
      ].join('\n'),
    );
    expect(prompt.messages).toEqual([
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: prompt.user },
    ]);
  });

  it('says so when no passage was retrieved', () => {
    expect(buildPrompt('q', []).user).toContain('(no passages were retrieved)');
  });
});

describe('selectContext', () => {
  it('keeps at most 5 chunks, at most 2 per entry, within 8,000 characters, best first', () => {
    const index = atlasRagIndex();
    const result = retrieve(index, 'How does the KV cache grow with context length?', { k: 20 });
    const chosen = selectContext(result, index.texts!);
    expect(chosen.length).toBeLessThanOrEqual(5);
    expect(chosen[0]?.id).toBe(result.hits[0]?.id);
    const perEntry = new Map<string, number>();
    for (const c of chosen) perEntry.set(c.slug, (perEntry.get(c.slug) ?? 0) + 1);
    expect(Math.max(...perEntry.values())).toBeLessThanOrEqual(2);
    expect(chosen.reduce((n, c) => n + c.text.length, 0)).toBeLessThanOrEqual(8000);
    expect(chosen[0]?.label).toBe('KV Cache › How it works');
  });
});
