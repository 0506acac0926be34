import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES } from './dtypes';
import { kvCache } from './kvCache';
import type { KvSpec, LayerSpec, SsmSpec } from './modelSpec';

const layer: fc.Arbitrary<LayerSpec> = fc.oneof(
  fc.record({
    mixer: fc.constant('attention' as const),
    window: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: null }),
    ffn: fc.constant('none' as const),
  }),
  fc.constant<LayerSpec>({ mixer: 'mla', window: null, ffn: 'none' }),
  fc.constant<LayerSpec>({ mixer: 'ssm', window: null, ffn: 'none' }),
);

const ssm: fc.Arbitrary<SsmSpec> = fc.oneof(
  fc.record({
    version: fc.constant(1 as const),
    dInner: fc.integer({ min: 1, max: 16_384 }),
    dState: fc.integer({ min: 1, max: 256 }),
    dConv: fc.integer({ min: 1, max: 8 }),
    dtRank: fc.integer({ min: 1, max: 512 }),
    convBias: fc.boolean(),
    projBias: fc.boolean(),
    innerNorms: fc.boolean(),
  }),
  fc
    .record({
      nHeads: fc.integer({ min: 1, max: 256 }),
      headDim: fc.integer({ min: 1, max: 128 }),
      dState: fc.integer({ min: 1, max: 256 }),
      dConv: fc.integer({ min: 1, max: 8 }),
      nGroups: fc.integer({ min: 1, max: 16 }),
    })
    .map((s) => ({ version: 2 as const, dInner: s.nHeads * s.headDim, convBias: true, projBias: false, ...s })),
);

const spec: fc.Arbitrary<KvSpec> = fc.record({
  layers: fc.array(layer, { minLength: 1, maxLength: 48 }),
  attention: fc.record({
    heads: fc.integer({ min: 1, max: 128 }),
    kvHeads: fc.integer({ min: 1, max: 128 }),
    headDim: fc.integer({ min: 1, max: 512 }),
    qkvBias: fc.boolean(),
    outputBias: fc.boolean(),
    qkNorm: fc.boolean(),
    sinks: fc.boolean(),
  }),
  mla: fc.record({
    heads: fc.integer({ min: 1, max: 128 }),
    kvLoraRank: fc.integer({ min: 1, max: 1024 }),
    qLoraRank: fc.constant(null),
    qkRopeHeadDim: fc.integer({ min: 1, max: 128 }),
    qkNopeHeadDim: fc.integer({ min: 1, max: 128 }),
    vHeadDim: fc.integer({ min: 1, max: 128 }),
    bias: fc.constant(false),
  }),
  ssm,
});

const tokens = fc.integer({ min: 1, max: 10_000_000 });
const dtype = fc.constantFrom(...DTYPE_NAMES);

describe('kvCache properties', () => {
  it('is monotone in tokens', () => {
    fc.assert(
      fc.property(spec, tokens, tokens, dtype, (s, a, b, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(kvCache(s, { tokens: lo, dtype: d }).bytes).toBeLessThanOrEqual(
          kvCache(s, { tokens: hi, dtype: d }).bytes,
        );
      }),
    );
  });

  it('is monotone in batch, and linear for whole-byte dtypes', () => {
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 64 }),
        dtype,
        (s, t, batch, d) => {
          const one = kvCache(s, { tokens: t, dtype: d, stateDtype: 'fp32' }).bytes;
          const many = kvCache(s, { tokens: t, batch, dtype: d, stateDtype: 'fp32' }).bytes;
          expect(many).toBeGreaterThanOrEqual(one);
          if (d !== 'int4' && d !== 'q8_0' && d !== 'q4_0') expect(many).toBe(batch * one);
        },
      ),
    );
  });

  it('a windowed layer never exceeds the same layer at full attention', () => {
    fc.assert(
      fc.property(spec, tokens, (s, t) => {
        const full: KvSpec = { ...s, layers: s.layers.map((l) => ({ ...l, window: null })) };
        expect(kvCache(s, { tokens: t }).bytes).toBeLessThanOrEqual(kvCache(full, { tokens: t }).bytes);
        expect(kvCache(s, { tokens: t, windows: 'ignore' }).bytes).toBe(kvCache(full, { tokens: t }).bytes);
      }),
    );
  });

  it('MLA layers ignore the attention KV heads and head_dim', () => {
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 1, max: 1024 }),
        fc.integer({ min: 1, max: 1024 }),
        tokens,
        (s, kv, hd, t) => {
          const mlaOnly: KvSpec = { ...s, layers: s.layers.map(() => ({ mixer: 'mla', window: null, ffn: 'none' })) };
          const other: KvSpec = { ...mlaOnly, attention: { ...s.attention!, kvHeads: kv, headDim: hd } };
          expect(kvCache(other, { tokens: t }).bytes).toBe(kvCache(mlaOnly, { tokens: t }).bytes);
        },
      ),
    );
  });

  it('returns exact, safe integers that add up, and a formula ending in the total', () => {
    fc.assert(
      fc.property(spec, tokens, fc.integer({ min: 1, max: 16 }), dtype, dtype, (s, t, batch, d, sd) => {
        const r = kvCache(s, { tokens: t, batch, dtype: d, stateDtype: sd });
        for (const n of [r.bytes, r.kvBytes, r.stateBytes, ...r.breakdown.map((b) => b.bytes)])
          expect(Number.isSafeInteger(n)).toBe(true);
        expect(r.kvBytes + r.stateBytes).toBe(r.bytes);
        expect(r.breakdown.reduce((sum, b) => sum + b.bytes, 0)).toBe(r.bytes);
        expect(r.breakdown.reduce((sum, b) => sum + b.layers, 0)).toBe(s.layers.length);
        expect(r.formula).toContain(`= ${r.bytes.toLocaleString('en-US')} B`);
        expect(r.formula).not.toContain('NaN');
      }),
    );
  });
});
