import { describe, expect, it } from 'vitest';
import {
  GPU_MEMORY_SIZES_GB,
  gpuFit,
  maxBatchForBudget,
  maxContextForBudget,
  memoryCurve,
  memoryEstimate,
  weightBytes,
} from './memory';
import type { LayerSpec, ModelSpec } from './modelSpec';

const GiB = 2 ** 30;

/** Llama-3.1-8B as a hand-built spec: 32 layers, d 4096, GQA 32/8 × 128, gated MLP 14336, vocab 128256, untied. */
const llama31_8b: ModelSpec = {
  name: 'Llama-3.1-8B',
  hiddenSize: 4096,
  vocabSize: 128_256,
  tieWordEmbeddings: false,
  learnedPositions: 0,
  maxPositions: 131_072,
  norm: { kind: 'rms', bias: false, perLayer: 2 },
  layers: Array.from({ length: 32 }, (): LayerSpec => ({ mixer: 'attention', window: null, ffn: 'dense' })),
  attention: { heads: 32, kvHeads: 8, headDim: 128, qkvBias: false, outputBias: false, qkNorm: false, sinks: false },
  mla: null,
  ssm: null,
  mlp: { gated: true, intermediateSize: 14_336, bias: false },
  moe: null,
};

const mambaLike: ModelSpec = {
  ...llama31_8b,
  name: 'pure SSM',
  layers: llama31_8b.layers.map(() => ({ mixer: 'ssm', window: null, ffn: 'none' })),
  attention: null,
  mlp: null,
  norm: { kind: 'rms', bias: false, perLayer: 1 },
  ssm: {
    version: 1,
    dInner: 8192,
    dState: 16,
    dConv: 4,
    dtRank: 256,
    convBias: true,
    projBias: false,
    innerNorms: false,
  },
};

describe('weights + KV totals', () => {
  it('weightBytes(8,030,261,248 params, bf16) is 16,060,522,496 B; q4_0 is 18/32 of a byte each', () => {
    expect(weightBytes(8_030_261_248, 'bf16')).toBe(16_060_522_496);
    expect(weightBytes(8_030_261_248, 'q4_0')).toBe(4_517_021_952);
  });

  it('memoryEstimate(Llama-3.1-8B, 131072 tokens, bf16) is 16.06 GB of weights + 16 GiB of KV, fitting 40 GB and up', () => {
    const m = memoryEstimate(llama31_8b, { tokens: 131_072 });
    expect(m.params).toBe(8_030_261_248);
    expect([m.weightsBytes, m.kvBytes, m.stateBytes, m.totalBytes]).toEqual([
      16_060_522_496,
      16 * GiB,
      0,
      33_240_391_680,
    ]);
    expect(m.fits.map((f) => [f.sizeGB, f.fits])).toEqual([
      [24, false],
      [40, true],
      [48, true],
      [80, true],
      [141, true],
      [192, true],
    ]);
    expect(m.caveats.at(-1)).toMatch(/CUDA context/);
  });

  it('weightDtype null leaves the weights out', () => {
    expect(memoryEstimate(llama31_8b, { tokens: 131_072, weightDtype: null }).totalBytes).toBe(16 * GiB);
  });
});

describe('gpuFit', () => {
  it('lists the six common sizes, read as GiB by default and GB on request', () => {
    expect(GPU_MEMORY_SIZES_GB).toEqual([24, 40, 48, 80, 141, 192]);
    const binary = gpuFit(80 * GiB);
    expect(binary.find((f) => f.sizeGB === 80)).toMatchObject({
      fits: true,
      headroomBytes: 0,
      usedFraction: 1,
      label: '80 GB',
    });
    expect(gpuFit(80 * GiB, [80], 'decimal')[0]).toMatchObject({ fits: false, capacityBytes: 80e9 });
  });

  it('rejects a negative or non-finite requirement', () => {
    expect(() => gpuFit(Number.NaN)).toThrow(/requiredBytes must be a finite/);
    expect(() => gpuFit(-1)).toThrow(/requiredBytes/);
  });
});

describe('reverse solve', () => {
  it('maxContextForBudget(Llama-3.1-8B, 24 GiB, bf16) is 74,075 tokens', () => {
    const r = maxContextForBudget(llama31_8b, 24 * GiB, {});
    expect(r).toEqual({ value: 74_075, totalBytes: 25_769_680_896, limitedBy: 'budget' });
  });

  it('maxBatchForBudget(Llama-3.1-8B, 24 GiB, 4096 tokens) is 18 sequences', () => {
    expect(maxBatchForBudget(llama31_8b, 24 * GiB, { tokens: 4096 }).value).toBe(18);
  });

  it('reports nothing-fits when the weights alone exceed the budget', () => {
    expect(maxContextForBudget(llama31_8b, 8 * GiB, {})).toMatchObject({ value: 0, limitedBy: 'nothing-fits' });
  });

  it('a pure SSM never runs out of context: the search stops at its limit', () => {
    expect(maxContextForBudget(mambaLike, 80 * GiB, { maxTokens: 1_000_000 })).toMatchObject({
      value: 1_000_000,
      limitedBy: 'limit',
    });
  });

  it('rejects a budget that is not a positive whole number of bytes', () => {
    expect(() => maxContextForBudget(llama31_8b, 0, {})).toThrow(/budgetBytes must be a whole number of bytes/);
    expect(() => maxBatchForBudget(llama31_8b, 1.5, { tokens: 1 })).toThrow(/budgetBytes/);
  });
});

describe('memoryCurve', () => {
  it('samples log-spaced contexts from fromTokens to toTokens, growing with T', () => {
    const curve = memoryCurve(llama31_8b, { fromTokens: 1, toTokens: 131_072, points: 18 });
    expect(curve.map((p) => p.tokens)).toEqual([
      1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16_384, 32_768, 65_536, 131_072,
    ]);
    expect(curve.at(-1)?.totalBytes).toBe(33_240_391_680);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.totalBytes).toBeGreaterThan(curve[i - 1]!.totalBytes);
  });

  it('names a reversed range', () => {
    expect(() => memoryCurve(llama31_8b, { fromTokens: 10, toTokens: 5 })).toThrow(
      /toTokens \(5\) must be at least fromTokens \(10\)/,
    );
  });
});
