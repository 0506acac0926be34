import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from './modelSpec';
import { countParams } from './params';

const small = (max: number) => fc.integer({ min: 1, max });

const model: fc.Arbitrary<ModelSpec> = fc
  .record({
    hiddenSize: small(4096),
    vocabSize: small(200_000),
    tie: fc.boolean(),
    positions: fc.integer({ min: 0, max: 4096 }),
    norm: fc.record({
      kind: fc.constantFrom('rms' as const, 'layer' as const),
      bias: fc.boolean(),
      perLayer: small(4),
    }),
    layers: fc.array(
      fc.record({
        mixer: fc.constantFrom('attention' as const, 'mla' as const, 'ssm' as const),
        ffn: fc.constantFrom('dense' as const, 'moe' as const, 'none' as const),
      }),
      { minLength: 1, maxLength: 24 },
    ),
    heads: small(64),
    kvHeads: small(64),
    headDim: small(256),
    flags: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    intermediate: small(16_384),
    experts: fc.integer({ min: 2, max: 64 }),
    topK: small(8),
    shared: fc.integer({ min: 0, max: 2 }),
    qLora: fc.option(small(2048), { nil: null }),
    dState: small(128),
  })
  .map((r) => {
    const [qkvBias, outputBias, qkNorm, sinks, gated, bias, routerBias, v2] = r.flags as boolean[];
    const layers: LayerSpec[] = r.layers.map((l) => ({ ...l, window: null }));
    return {
      name: 'random',
      hiddenSize: r.hiddenSize,
      vocabSize: r.vocabSize,
      tieWordEmbeddings: r.tie,
      learnedPositions: r.positions,
      maxPositions: null,
      norm: r.norm,
      layers,
      attention: {
        heads: r.heads,
        kvHeads: r.kvHeads,
        headDim: r.headDim,
        qkvBias: !!qkvBias,
        outputBias: !!outputBias,
        qkNorm: !!qkNorm,
        sinks: !!sinks,
      },
      mla: {
        heads: r.heads,
        kvLoraRank: 512,
        qLoraRank: r.qLora,
        qkRopeHeadDim: 64,
        qkNopeHeadDim: 128,
        vHeadDim: 128,
        bias: !!bias,
      },
      ssm: v2
        ? {
            version: 2,
            dInner: 2 * r.hiddenSize,
            dState: r.dState,
            dConv: 4,
            nHeads: r.hiddenSize,
            headDim: 2,
            nGroups: 1,
            convBias: true,
            projBias: !!bias,
          }
        : {
            version: 1,
            dInner: 2 * r.hiddenSize,
            dState: r.dState,
            dConv: 4,
            dtRank: Math.ceil(r.hiddenSize / 16),
            convBias: true,
            projBias: !!bias,
            innerNorms: !!qkNorm,
          },
      mlp: { gated: !!gated, intermediateSize: r.intermediate, bias: !!bias },
      moe: {
        routedExperts: r.experts,
        expertsPerToken: Math.min(r.topK, r.experts),
        expertIntermediateSize: r.intermediate,
        gated: !!gated,
        expertBias: !!bias,
        sharedExperts: r.shared,
        sharedIntermediateSize: r.intermediate,
        sharedExpertGate: !!routerBias,
        routerBias: !!routerBias,
      },
    } satisfies ModelSpec;
  });

describe('countParams properties', () => {
  it('total ≥ active ≥ activeExclInputEmbedding, and the breakdown adds up exactly', () => {
    fc.assert(
      fc.property(model, (spec) => {
        const c = countParams(spec);
        for (const n of [c.total, c.active, c.activeExclInputEmbedding, c.nonEmbedding])
          expect(Number.isSafeInteger(n)).toBe(true);
        expect(c.active).toBeLessThanOrEqual(c.total);
        expect(c.activeExclInputEmbedding).toBeLessThanOrEqual(c.active);
        expect(c.nonEmbedding).toBeLessThan(c.total);
        expect(c.breakdown.reduce((s, b) => s + b.total, 0)).toBe(c.total);
        expect(c.breakdown.reduce((s, b) => s + b.active, 0)).toBe(c.active);
      }),
    );
  });

  it('a model without MoE layers is fully active', () => {
    fc.assert(
      fc.property(model, (spec) => {
        const dense = {
          ...spec,
          layers: spec.layers.map((l) => ({ ...l, ffn: l.ffn === 'moe' ? ('dense' as const) : l.ffn })),
        };
        const c = countParams(dense);
        expect(c.active).toBe(c.total);
      }),
    );
  });

  it('more routed experts raise the total; the active count grows only by the wider router', () => {
    fc.assert(
      fc.property(model, small(8), (spec, more) => {
        const moe = spec.moe!;
        const bigger = { ...spec, moe: { ...moe, routedExperts: moe.routedExperts + more } };
        const [a, b] = [countParams(spec), countParams(bigger)];
        const moeLayers = spec.layers.filter((l) => l.ffn === 'moe').length;
        const routerGrowth = moeLayers * more * (spec.hiddenSize + (moe.routerBias ? 1 : 0));
        expect(b.active).toBe(a.active + routerGrowth);
        if (moeLayers > 0) expect(b.total).toBeGreaterThan(a.total);
        else expect(b.total).toBe(a.total);
      }),
    );
  });
});
