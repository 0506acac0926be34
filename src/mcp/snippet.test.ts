import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTerms, snippet } from './snippet';

const TEXT =
  'Attention is costly. Grouped query attention shares each key head among a group of query heads. ' +
  'It cuts the KV cache by the group size.';

describe('snippet', () => {
  it('picks the sentence with the most distinct query terms', () => {
    expect(snippet(TEXT, 'grouped query', 'fallback')).toBe(
      'Grouped query attention shares each key head among a group of query heads.',
    );
  });

  it('matches query terms as word prefixes, like the type-ahead search', () => {
    expect(snippet(TEXT, 'cach', 'fallback')).toBe('It cuts the KV cache by the group size.');
  });

  it('falls back when no sentence matches', () => {
    expect(snippet(TEXT, 'zzqx', 'The summary.')).toBe('The summary.');
  });

  it('trims a long sentence around the first match with ellipses on word boundaries', () => {
    const long = `${'alpha '.repeat(80)}target ${'omega '.repeat(80)}`.trim();
    const s = snippet(long, 'target', 'f', 120);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('target');
    expect(s.length).toBeLessThanOrEqual(122);
  });

  it('ignores one-letter terms and duplicates', () => {
    expect(queryTerms('A kv KV cache, a')).toEqual(['kv', 'cache']);
  });

  it('never throws and stays within max + 2 characters for any text and query', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ maxLength: 300 }), (text, query, fallback) => {
        const s = snippet(text, query, fallback, 100);
        expect(typeof s).toBe('string');
        expect(s.length).toBeLessThanOrEqual(102);
      }),
    );
  });
});
