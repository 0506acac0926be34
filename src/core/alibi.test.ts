import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alibiAttention, alibiBias, alibiBiasMatrix, alibiSlopes } from './alibi';
import { randn } from './random';

const closeAll = (actual: ArrayLike<number>, expected: readonly number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 15));
};

describe('ALiBi slopes (Press et al. §3)', () => {
  it('H = 8: 1/2, 1/4, 1/8, 1/16, 1/32, 1/64, 1/128, 1/256', () => {
    closeAll(alibiSlopes(8), [0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625]);
  });

  it('H = 12: the 8 slopes for H = 8, then 2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5 (every other slope for H = 16)', () => {
    closeAll(
      alibiSlopes(12),
      [
        0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625, 0.7071067811865476, 0.35355339059327384,
        0.17677669529663692, 0.08838834764831849,
      ],
    );
  });

  it('H = 16 starts at 2^-0.5 with ratio 2^-0.5; H = 6 is 2^-2, 2^-4, 2^-6, 2^-8, 2^-1, 2^-3', () => {
    expect(alibiSlopes(16)[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(alibiSlopes(16)[15]).toBeCloseTo(1 / 256, 15);
    closeAll(alibiSlopes(6), [0.25, 0.0625, 0.015625, 0.00390625, 0.5, 0.125]);
  });

  it('any H gives H distinct slopes in (0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), (H) => {
        const s = alibiSlopes(H);
        return s.length === H && new Set(s).size === H && s.every((m) => m > 0 && m < 1);
      }),
    );
  });

  it('names a bad head count', () => {
    expect(() => alibiSlopes(0)).toThrow('heads must be an integer from 1 to 1,024, got 0');
  });
});

describe('ALiBi bias and attention', () => {
  it('the bias matrix is −m·(i − j) for j ≤ i and −∞ above the diagonal (m = 1/4, n = 4)', () => {
    expect([...alibiBiasMatrix(0.25, 4)]).toEqual([
      -0,
      -Infinity,
      -Infinity,
      -Infinity,
      -0.25,
      -0,
      -Infinity,
      -Infinity,
      -0.5,
      -0.25,
      -0,
      -Infinity,
      -0.75,
      -0.5,
      -0.25,
      -0,
    ]);
  });

  it('bias(i, j) depends only on the offset i − j', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(500), fc.nat(500), fc.nat(500), (m, i, j, t) =>
        Object.is(alibiBias(m, i, j), alibiBias(m, i + t, j + t)),
      ),
    );
  });

  it('adds the bias to the scores of a real attention: scores equal q·k/√d − m(i − j), rows sum to 1', () => {
    const n = 6;
    const d = 4;
    const [q, k, v] = [randn(n * d, 1), randn(n * d, 2), randn(n * d, 3)];
    const plain = alibiAttention(q, k, v, n, d, 0);
    const biased = alibiAttention(q, k, v, n, d, 0.5);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j <= i; j++) {
        expect(biased.scores[i * n + j]).toBeCloseTo(plain.scores[i * n + j]! - 0.5 * (i - j), 12);
        sum += biased.weights[i * n + j]!;
      }
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('a steeper slope moves weight toward recent keys: the last row puts more on its own key at m = 1 than at m = 0', () => {
    const n = 8;
    const [q, k, v] = [randn(n * 4, 4), randn(n * 4, 5), randn(n * 4, 6)];
    const own = (m: number) => alibiAttention(q, k, v, n, 4, m).weights[n * n - 1]!;
    expect(own(1)).toBeGreaterThan(own(0));
  });
});
