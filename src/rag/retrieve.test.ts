import { describe, expect, it } from 'vitest';
import { atlasRagFiles, atlasRagIndex } from './node';
import { retrieve } from './retrieve';
import { loadRagIndex } from './store';

const index = atlasRagIndex();
const top = (q: string, options = {}) => retrieve(index, q, options).hits.map((h) => h.id);
const slugs = (q: string, options = {}) => top(q, options).map((id) => id.split('#')[0]);

describe('retrieve over the atlas', () => {
  it('answers "what keeps Mamba\'s memory constant?" from state-space-models first', () => {
    expect(slugs("what keeps Mamba's memory constant?")[0]).toBe('state-space-models');
  });

  it("keeps both legs' ranks and the fused score on every hit", () => {
    const r = retrieve(index, 'How does the router balance load across experts?');
    const first = r.hits[0];
    expect(first?.slug).toBe('mixture-of-experts');
    expect(first?.lexical?.rank).toBeGreaterThan(0);
    expect(first?.dense?.rank).toBeGreaterThan(0);
    expect(first?.score).toBeCloseTo(1 / (60 + first!.lexical!.rank) + 1 / (60 + first!.dense!.rank), 12);
    expect(r.legs).toEqual(['lexical', 'dense']);
  });

  it('times each step with non-negative numbers', () => {
    const { timings } = retrieve(index, 'sliding window cache');
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('finds entries by acronym through the glossary: MoE, SSM, RoPE, MCP, ViT', () => {
    expect(slugs('MoE')[0]).toBe('mixture-of-experts');
    expect(slugs('SSM')[0]).toBe('state-space-models');
    expect(slugs('RoPE')[0]).toBe('rope');
    expect(slugs('MCP')[0]).toBe('mcp');
    expect(slugs('ViT')[0]).toBe('vision-transformer');
  });

  it('matches identifiers verbatim: "tools/call" ranks the MCP chunk that names it first in the lexical leg', () => {
    const r = retrieve(index, 'tools/call');
    expect(r.lexicalHits[0]?.id).toBe('mcp#roles-and-primitives');
    expect(r.lexicalHits[0]?.match['tools/call']).toEqual(['ids']);
    expect(r.hits.slice(0, 3).map((h) => h.id)).toContain('mcp#roles-and-primitives');
  });

  it('completes the last word in type-ahead mode: "specul" → speculative decoding', () => {
    expect(slugs('specul', { typeahead: true })[0]).toBe('speculative-decoding');
    expect(slugs('grouped qu', { typeahead: true })[0]).toBe('grouped-query-attention');
  });

  it('reports "not found" for a blank question and for one outside the atlas', () => {
    expect(retrieve(index, '   ')).toMatchObject({ hits: [], notFound: true });
    expect(retrieve(index, 'How do I bake sourdough bread?').notFound).toBe(true);
    expect(retrieve(index, 'How does paged attention store the cache?').notFound).toBe(false);
  });

  it('runs the lexical leg alone when the dense model is not loaded (header search)', () => {
    const files = atlasRagFiles();
    const lexicalOnly = loadRagIndex({ lexical: JSON.parse(JSON.stringify(files.lexical)) });
    const r = retrieve(lexicalOnly, 'grouped query');
    expect(r.legs).toEqual(['lexical']);
    expect(r.hits[0]?.slug).toBe('grouped-query-attention');
    expect(r.hits[0]?.dense).toBeNull();
  });

  it('gives the same results from the JSON files the site serves as from the in-memory build', () => {
    const files = atlasRagFiles();
    const restored = loadRagIndex(JSON.parse(JSON.stringify(files)));
    for (const q of ['kv cache memory', 'why is decoding bandwidth bound', 'classifier-free guidance']) {
      expect(retrieve(restored, q).hits.map((h) => h.id)).toEqual(top(q));
    }
  });
});

describe('loadRagIndex', () => {
  it('refuses files from different builds, naming the file', () => {
    const files = atlasRagFiles();
    expect(() => loadRagIndex({ lexical: files.lexical, dense: { ...files.dense, corpus: 'deadbeef' } })).toThrow(
      'dense.json: corpus deadbeef does not match',
    );
  });
});
