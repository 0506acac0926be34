import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flashAttention, hbmAccesses, MAX_SRAM } from './flashAttention';
import { randn } from './random';
import { naiveAttention } from './sdpa';

const tensor = (rows: number, cols: number, seed: number) => Float64Array.from(randn(rows * cols, seed));
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
};

describe('flashAttention (Algorithm 1)', () => {
  it('equals naive attention to 1e-6 on seeded 16 × 8 tensors with 4 × 4 tiles, causal or not', () => {
    const shape = { queries: 16, keys: 16, dim: 8 };
    const [q, k, v] = [tensor(16, 8, 11), tensor(16, 8, 12), tensor(16, 8, 13)];
    for (const causal of [false, true]) {
      const flash = flashAttention(q, k, v, shape, { blockRows: 4, blockCols: 4, causal });
      const naive = naiveAttention(q, k, v, shape, { causal });
      expect(maxDiff(flash.output, naive.output)).toBeLessThan(1e-6);
    }
  });

  it('equals naive attention to 1e-6 for any shape, block sizes, mask and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (Tq, extraKeys, d, br, bc, causal, seed) => {
          const Tk = Tq + extraKeys;
          const shape = { queries: Tq, keys: Tk, dim: d };
          const [q, k, v] = [tensor(Tq, d, seed), tensor(Tk, d, seed + 1), tensor(Tk, d, seed + 2)];
          const flash = flashAttention(q, k, v, shape, {
            blockRows: Math.min(br, Tq),
            blockCols: Math.min(bc, Tk),
            causal,
          });
          return maxDiff(flash.output, naiveAttention(q, k, v, shape, { causal }).output) < 1e-6;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('records T_r · T_c tiles in loop order (outer j, inner i); ℓ ends as the softmax denominator', () => {
    const shape = { queries: 8, keys: 8, dim: 4 };
    const [q, k, v] = [tensor(8, 4, 5), tensor(8, 4, 6), tensor(8, 4, 7)];
    const flash = flashAttention(q, k, v, shape, { blockRows: 4, blockCols: 2 });
    expect([flash.rowBlocks, flash.colBlocks]).toEqual([2, 4]);
    expect(flash.steps.map((s) => [s.j, s.i])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
      [3, 0],
      [3, 1],
    ]);
    const naive = naiveAttention(q, k, v, shape);
    for (let r = 0; r < 8; r++) {
      let max = -Infinity;
      for (let j = 0; j < 8; j++) max = Math.max(max, naive.scores[r * 8 + j]!);
      let sum = 0;
      for (let j = 0; j < 8; j++) sum += Math.exp(naive.scores[r * 8 + j]! - max);
      expect(flash.m[r]).toBeCloseTo(max, 12);
      expect(flash.l[r]).toBeCloseTo(sum, 12);
      expect(flash.logSumExp[r]).toBeCloseTo(max + Math.log(sum), 12);
    }
  });

  it('each tile rescales the old ℓ by e^(m_before − m_after): ℓ_after = rescale·ℓ_before + e^(m̃ − m_after)·rowsum', () => {
    const shape = { queries: 6, keys: 6, dim: 3 };
    const flash = flashAttention(tensor(6, 3, 21), tensor(6, 3, 22), tensor(6, 3, 23), shape, {
      blockRows: 3,
      blockCols: 2,
    });
    for (const step of flash.steps) {
      for (let r = 0; r < step.mAfter.length; r++) {
        expect(step.mAfter[r]).toBe(Math.max(step.mBefore[r]!, step.tileMax[r]!));
        if (step.j === 0) expect(step.rescale[r]).toBe(0);
        else expect(step.rescale[r]).toBeCloseTo(Math.exp(step.mBefore[r]! - step.mAfter[r]!), 14);
        expect(step.lAfter[r]).toBeGreaterThanOrEqual(step.rescale[r]! * step.lBefore[r]!);
      }
    }
  });

  it('causal 8 × 8 with 2 × 2 tiles skips the 6 tiles above the diagonal', () => {
    const shape = { queries: 8, keys: 8, dim: 2 };
    const flash = flashAttention(tensor(8, 2, 1), tensor(8, 2, 2), tensor(8, 2, 3), shape, {
      blockRows: 2,
      blockCols: 2,
      causal: true,
    });
    expect(flash.steps.filter((s) => s.skipped).map((s) => [s.i, s.j])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it('names a block size out of range', () => {
    const shape = { queries: 4, keys: 4, dim: 2 };
    expect(() =>
      flashAttention(tensor(4, 2, 1), tensor(4, 2, 2), tensor(4, 2, 3), shape, { blockRows: 5, blockCols: 2 }),
    ).toThrow('blockRows must be an integer from 1 to 4, got 5');
  });
});

describe('hbmAccesses (model of HBM accesses)', () => {
  it('N = 1024, d = 64, M = 98,304: standard 4,456,448 elements, tiled 800,768 (B_c 384, B_r 64, T_c 3)', () => {
    const h = hbmAccesses(1024, 64, 98_304);
    expect([h.blockCols, h.blockRows, h.colBlocks, h.rowBlocks]).toEqual([384, 64, 3, 16]);
    expect(h.standard).toEqual({ reads: 2_293_760, writes: 2_162_688, total: 4_456_448 });
    expect(h.flash).toEqual({ reads: 530_432, writes: 270_336, total: 800_768 });
    expect(h.ratio).toBeCloseTo(5.5652, 4);
    expect(h.asymptotic).toEqual({ standard: 1_114_112, flash: 43_690.666666666664 });
  });

  it('standard grows as N², tiled as N²d²/M: doubling N quadruples both once T_c is large', () => {
    const a = hbmAccesses(65_536, 64, 16_384);
    const b = hbmAccesses(131_072, 64, 16_384);
    expect(b.standard.total / a.standard.total).toBeCloseTo(4, 2);
    expect(b.flash.total / a.flash.total).toBeCloseTo(4, 1);
  });

  it('totals are positive integers; tiled traffic never grows with M, and is below standard once M ≥ 4d² (B_c ≥ d)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(32, 64, 128, 256),
        fc.integer({ min: 4, max: 1 << 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, multiple, share) => {
          const n = d * multiple;
          const sram = Math.min(MAX_SRAM, Math.round(4 * d * d + share * (n * d - 4 * d * d)));
          const h = hbmAccesses(n, d, sram);
          const smaller = hbmAccesses(n, d, Math.max(d, sram - 4 * d));
          return (
            Number.isSafeInteger(h.flash.total) &&
            h.flash.total > 0 &&
            h.flash.total <= h.standard.total &&
            smaller.flash.total >= h.flash.total
          );
        },
      ),
    );
  });

  it('with tiny on-chip memory (M = 4d, one key per tile) the tiled kernel moves more than standard attention', () => {
    const h = hbmAccesses(64, 32, 128);
    expect(h.blockCols).toBe(1);
    expect(h.flash.total).toBeGreaterThan(h.standard.total);
  });

  it('names an on-chip memory below d', () => {
    expect(() => hbmAccesses(1024, 64, 32)).toThrow('sram must be at least d = 64 elements (d ≤ M), got 32');
  });
});
