import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fuse';

describe('reciprocalRankFusion', () => {
  it("scores 1/61 + 1/62 for ranks 1 and 2, and keeps each leg's rank", () => {
    const fused = reciprocalRankFusion([
      { name: 'lexical', ids: ['a', 'b'] },
      { name: 'dense', ids: ['b', 'c'] },
    ]);
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'c']);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 15);
    expect(fused[0]?.ranks).toEqual({ lexical: 2, dense: 1 });
    expect(fused[2]?.ranks).toEqual({ lexical: null, dense: 2 });
  });

  it('breaks equal scores by best rank, then by id', () => {
    const fused = reciprocalRankFusion([
      { name: 'x', ids: ['b', 'a'] },
      { name: 'y', ids: ['a', 'b'] },
    ]);
    expect(fused.map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('returns every id once, sorted by non-increasing score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e')),
        fc.array(fc.constantFrom('c', 'd', 'e', 'f')),
        (l, d) => {
          const fused = reciprocalRankFusion([
            { name: 'lexical', ids: l },
            { name: 'dense', ids: d },
          ]);
          expect(new Set(fused.map((f) => f.id))).toEqual(new Set([...l, ...d]));
          for (let i = 1; i < fused.length; i += 1) expect(fused[i - 1]!.score).toBeGreaterThanOrEqual(fused[i]!.score);
        },
      ),
    );
  });
});
