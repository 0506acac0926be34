import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem } from './stemmer';

describe('stem (Porter 1980)', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['generalization', 'gener'],
    ['oscillators', 'oscil'],
    ['replacement', 'replac'],
    ['adjustment', 'adjust'],
    ['hopefulness', 'hope'],
  ])('stem(%s) is %s, as in the paper', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('maps the atlas vocabulary onto shared stems: attention/attend… caching/cached, experts/expert', () => {
    expect(stem('attention')).toBe('attent');
    expect(stem('caching')).toBe(stem('cached'));
    expect(stem('experts')).toBe(stem('expert'));
    expect(stem('queries')).toBe(stem('query'));
  });

  it('leaves short words, identifiers with digits and non-letters unchanged', () => {
    expect(stem('kv')).toBe('kv');
    expect(stem('fp8')).toBe('fp8');
    expect(stem('mamba-2')).toBe('mamba-2');
  });

  it('never lengthens a word and always returns lowercase letters for letter input', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,20}$/), (word) => {
        const out = stem(word);
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(word.length);
        expect(out).toMatch(/^[a-z]+$/);
      }),
    );
  });
});
