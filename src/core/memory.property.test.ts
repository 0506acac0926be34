import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kvCache } from './kvCache';
import { maxBatchForBudget, maxContextForBudget, memoryEstimate } from './memory';
import type { LayerSpec, ModelSpec } from './modelSpec';

const spec = (layers: number, kvHeads: number, window: number | null): ModelSpec => ({
  name: 'random',
  hiddenSize: 1024,
  vocabSize: 32_000,
  tieWordEmbeddings: false,
  learnedPositions: 0,
  maxPositions: null,
  norm: { kind: 'rms', bias: false, perLayer: 2 },
  layers: Array.from({ length: layers }, (_, i): LayerSpec => ({
    mixer: 'attention',
    window: i % 2 ? window : null,
    ffn: 'dense',
  })),
  attention: { heads: 16, kvHeads, headDim: 64, qkvBias: false, outputBias: false, qkNorm: false, sinks: false },
  mla: null,
  ssm: null,
  mlp: { gated: true, intermediateSize: 4096, bias: false },
  moe: null,
});

const model = fc.tuple(
  fc.integer({ min: 1, max: 48 }),
  fc.constantFrom(1, 2, 4, 8, 16),
  fc.option(fc.integer({ min: 1, max: 8192 }), { nil: null }),
);

describe('reverse-solve properties', () => {
  it('the longest context fits the budget and one more token does not', () => {
    fc.assert(
      fc.property(model, fc.integer({ min: 1, max: 200 }), ([L, kv, w], gib) => {
        const s = spec(L, kv, w);
        const budget = gib * 2 ** 28;
        const r = maxContextForBudget(s, budget, { maxTokens: 2_000_000 });
        if (r.limitedBy === 'nothing-fits') {
          expect(memoryEstimate(s, { tokens: 1 }).totalBytes).toBeGreaterThan(budget);
          return;
        }
        expect(memoryEstimate(s, { tokens: r.value }).totalBytes).toBeLessThanOrEqual(budget);
        if (r.limitedBy === 'budget')
          expect(memoryEstimate(s, { tokens: r.value + 1 }).totalBytes).toBeGreaterThan(budget);
      }),
    );
  });

  it('the largest batch fits the budget and one more sequence does not', () => {
    fc.assert(
      fc.property(
        model,
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 200 }),
        ([L, kv, w], t, gib) => {
          const s = spec(L, kv, w);
          const budget = gib * 2 ** 28;
          const r = maxBatchForBudget(s, budget, { tokens: t, maxBatch: 100_000 });
          if (r.limitedBy !== 'budget') return;
          const perSequence = kvCache(s, { tokens: t }).bytes;
          const weights = memoryEstimate(s, { tokens: t }).weightsBytes;
          expect(weights + r.value * perSequence).toBeLessThanOrEqual(budget);
          expect(weights + (r.value + 1) * perSequence).toBeGreaterThan(budget);
        },
      ),
    );
  });
});
