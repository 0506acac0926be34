import { describe, expect, it } from 'vitest';
import { analyzeQuery } from './analyze';
import { EXTRACTIVE_LABEL, extractiveAnswer, NOT_COVERED, sentences } from './extractive';
import type { ContextChunk } from './prompt';

const chunk = (id: string, text: string): ContextChunk => ({
  id,
  slug: id.split('#')[0] ?? id,
  label: id,
  url: `/architectures/${id.replace('#', '/#')}`,
  text,
});

describe('sentences', () => {
  it('splits on sentence ends but not after "et al." or "e.g."', () => {
    expect(sentences('Ainslie et al. show it. It works, e.g. for T5. Done!')).toEqual([
      'Ainslie et al. show it.',
      'It works, e.g. for T5.',
      'Done!',
    ]);
  });
});

describe('extractiveAnswer', () => {
  const context = [
    chunk(
      'state-space-models#complexity',
      'During decoding each token updates a fixed-size state, so memory stays constant. Projections cost the same.',
    ),
    chunk(
      'kv-cache#how-it-works',
      'The cache grows with every token and lives until the request ends.\n\n$$ M = 2LGd $$',
    ),
  ];

  it('picks the sentences that share the question words, cites them [n] and labels itself', () => {
    const answer = extractiveAnswer(analyzeQuery('Why does the state keep memory constant?'), context);
    expect(answer.label).toBe(EXTRACTIVE_LABEL);
    expect(answer.label).toBe('no language model configured — extractive answer');
    expect(answer.sentences[0]).toEqual({
      text: 'During decoding each token updates a fixed-size state, so memory stays constant.',
      citation: 1,
    });
    expect(answer.citations[0]).toMatchObject({ n: 1, id: 'state-space-models#complexity' });
    expect(
      answer.text.startsWith('During decoding each token updates a fixed-size state, so memory stays constant. [1]'),
    ).toBe(true);
  });

  it('never quotes a formula paragraph', () => {
    const answer = extractiveAnswer(analyzeQuery('cache M formula 2LGd'), context);
    expect(answer.text).not.toContain('$$');
  });

  it('says the atlas does not cover the question when retrieval found nothing', () => {
    const answer = extractiveAnswer(analyzeQuery('sourdough bread'), context, { notFound: true });
    expect(answer).toMatchObject({ text: NOT_COVERED, citations: [], sentences: [] });
  });
});
