import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEEPSEEK_V3_MLA,
  mlaAbsorbed,
  mlaAgreement,
  mlaCache,
  mlaCacheComparison,
  mlaDecompressed,
  mlaWeights,
  type MlaDims,
} from './mla';
import { randn } from './random';

const hidden = (T: number, d: number, seed: number) => Float64Array.from(randn(T * d, seed));

describe('MLA: decompressed and absorbed attention agree', () => {
  it("DeepSeek-V3's per-head shapes (d_c 512, d_h^R 64, d_h 128, d_v 128), 2 heads, d 64, 6 tokens: max |Δ| < 1e-5", () => {
    const dims: MlaDims = { ...DEEPSEEK_V3_MLA, dModel: 64, heads: 2 };
    const w = mlaWeights(dims, 42);
    const h = hidden(6, 64, 7);
    const agreement = mlaAgreement(w, h);
    expect(agreement.output).toBeLessThan(1e-5);
    expect(agreement.weights).toBeLessThan(1e-5);
    const out = mlaDecompressed(w, h).output;
    expect(out.every(Number.isFinite)).toBe(true);
    expect(Math.max(...out.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it('they agree to 1e-5 for any small shape and seed', () => {
    fc.assert(
      fc.property(
        fc.record({
          dModel: fc.integer({ min: 1, max: 12 }),
          heads: fc.integer({ min: 1, max: 3 }),
          kvLoraRank: fc.integer({ min: 1, max: 10 }),
          qkNopeHeadDim: fc.integer({ min: 1, max: 6 }),
          qkRopeHeadDim: fc.integer({ min: 1, max: 3 }).map((x) => 2 * x),
          vHeadDim: fc.integer({ min: 1, max: 6 }),
        }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 1e6 }),
        (dims, T, seed) => {
          const w = mlaWeights(dims, seed);
          const { output, weights } = mlaAgreement(w, hidden(T, dims.dModel, seed + 1));
          expect(output).toBeLessThan(1e-5);
          expect(weights).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('attention is causal: every row of weights sums to 1 over keys 0…t and is 0 after t', () => {
    const dims: MlaDims = { dModel: 8, heads: 2, kvLoraRank: 4, qkNopeHeadDim: 4, qkRopeHeadDim: 2, vHeadDim: 4 };
    const w = mlaWeights(dims, 3);
    const { weights } = mlaAbsorbed(w, hidden(5, 8, 4));
    for (let head = 0; head < 2; head++)
      for (let t = 0; t < 5; t++) {
        const row = weights.subarray((head * 5 + t) * 5, (head * 5 + t + 1) * 5);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(Array.from(row.subarray(t + 1))).toEqual(new Array(4 - t).fill(0));
      }
  });

  it('the cache holds a unit-RMS latent of d_c and a rotated key of d_h^R per token', () => {
    const dims: MlaDims = { dModel: 16, heads: 1, kvLoraRank: 8, qkNopeHeadDim: 4, qkRopeHeadDim: 4, vHeadDim: 4 };
    const cache = mlaCache(mlaWeights(dims, 9), hidden(3, 16, 2));
    expect(cache.latent.length).toBe(24);
    expect(cache.ropeKey.length).toBe(12);
    const first = cache.latent.subarray(0, 8);
    expect(Math.sqrt(first.reduce((s, v) => s + v * v, 0) / 8)).toBeCloseTo(1, 5);
  });

  it('bad shapes are input errors naming the field', () => {
    const dims: MlaDims = { dModel: 4, heads: 1, kvLoraRank: 2, qkNopeHeadDim: 2, qkRopeHeadDim: 3, vHeadDim: 2 };
    expect(() => mlaWeights(dims, 1)).toThrow(/qkRopeHeadDim must be even/);
    const ok = mlaWeights({ ...dims, qkRopeHeadDim: 2 }, 1);
    expect(() => mlaDecompressed(ok, new Float64Array(5))).toThrow(/hidden must hold T × 4 elements/);
  });
});

describe('MLA cache per token (DeepSeek-V2 Table 1)', () => {
  it('DeepSeek-V3 caches 512 + 64 = 576 elements per token and layer, against 2·128·128 = 32,768 for MHA', () => {
    expect(mlaCacheComparison(DEEPSEEK_V3_MLA)).toEqual({ mla: 576, mha: 32_768, decompressed: 40_960 });
  });
});
