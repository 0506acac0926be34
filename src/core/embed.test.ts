import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedSequence, embedSymbol, fnv1a } from './embed';

describe('seeded embedding tables', () => {
  it('fnv1a("") is the offset basis 2166136261 and fnv1a("a") is 3826002220', () => {
    expect(fnv1a('')).toBe(2_166_136_261);
    expect(fnv1a('a')).toBe(3_826_002_220);
  });

  it('the same symbol and seed give the same row; another symbol or seed gives another', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1e6 }), (symbol, seed) => {
        expect(embedSymbol(symbol, 6, seed)).toEqual(embedSymbol(symbol, 6, seed));
        expect(embedSymbol(symbol, 6, seed)).not.toEqual(embedSymbol(`${symbol}x`, 6, seed));
      }),
    );
  });

  it('embedSequence stacks rows and adds the mean to each', () => {
    const rows = embedSequence(['a', 'b', 'a'], 3, 5, { mean: [1, 2, 3] });
    expect(rows.length).toBe(9);
    expect(rows.slice(0, 3)).toEqual(rows.slice(6, 9));
    const plain = embedSymbol('a', 3, 5);
    expect(rows[1]).toBeCloseTo((plain[1] ?? 0) + 2, 12);
  });

  it('an empty sequence or a mean of the wrong width is an input error naming the field', () => {
    expect(() => embedSequence([], 3, 1)).toThrow(/symbols must hold at least one symbol/);
    expect(() => embedSequence(['a'], 3, 1, { mean: [1] })).toThrow(/mean must have 3 elements/);
  });
});
