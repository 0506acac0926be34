import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEntries } from '../atlas/load';
import { analyzeQuery, identifierTerms, proseTerms, words } from './analyze';
import { SYNONYM_GROUPS } from './synonyms';

describe('text analysis', () => {
  it('words() lowercases, splits on punctuation and drops single letters but keeps digits', () => {
    expect(words('Grouped-query attention (GQA) with G = 8 KV heads, Llama 3')).toEqual([
      'grouped',
      'query',
      'attention',
      'gqa',
      'with',
      '8',
      'kv',
      'heads',
      'llama',
      '3',
    ]);
  });

  it('proseTerms() drops stop words and stems: "How are the experts routing tokens?" → expert rout token', () => {
    expect(proseTerms('How are the experts routing tokens?')).toEqual(['expert', 'rout', 'token']);
  });

  it('identifierTerms() keeps acronyms and identifiers verbatim: gqa, rope, mamba-2, fp8, tools/call', () => {
    const ids = identifierTerms('GQA and RoPE in Mamba-2, stored in FP8; the client sends tools/call.');
    expect(ids).toEqual(expect.arrayContaining(['gqa', 'rope', 'mamba-2', 'fp8', 'tools/call']));
    expect(ids).not.toContain('and');
  });
});

describe('analyzeQuery', () => {
  it('expands an acronym into its phrase: "What is GQA?" adds grouped, query, attention as synonyms', () => {
    const a = analyzeQuery('What is GQA?');
    expect(a.stopWords).toEqual(['what', 'is']);
    expect(a.tokens.map((t) => [t.raw, t.from])).toEqual([
      ['gqa', 'query'],
      ['grouped', 'synonym'],
      ['query', 'synonym'],
      ['attention', 'synonym'],
    ]);
    expect(a.tokens[1]?.via).toBe('gqa');
  });

  it('matches phrases on stems across stop words: "keys and values" adds kv', () => {
    const a = analyzeQuery('How big are the keys and values?');
    expect(a.tokens.find((t) => t.raw === 'kv')).toMatchObject({ from: 'synonym', via: 'key value' });
  });

  it('maps "mixture of experts" to moe and "state space" models to ssm and mamba', () => {
    expect(analyzeQuery('mixture of experts').tokens.map((t) => t.stem)).toContain('moe');
    expect(analyzeQuery('state space model memory').tokens.map((t) => t.stem)).toEqual(
      expect.arrayContaining(['ssm', 'mamba']),
    );
  });

  it('never throws and never repeats a stem, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const stems = analyzeQuery(q).tokens.map((t) => t.stem);
        expect(new Set(stems).size).toBe(stems.length);
      }),
    );
  });
});

describe('the synonym table', () => {
  it('covers every entry acronym', () => {
    const forms = new Set(SYNONYM_GROUPS.flat());
    const missing = loadEntries()
      .map((e) => e.facts.acronym?.toLowerCase())
      .filter((a): a is string => a !== undefined && !forms.has(a));
    expect(missing).toEqual([]);
  });
});
