import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allVariants, labCatalogue, variantMetrics } from './metrics';
import { defaultVariant, LAB_FAMILIES, parseVariantId, variantId, variantLabel } from './variants';

describe('lab variant ids', () => {
  it('every variant round-trips through its id', () => {
    for (const v of allVariants()) expect(parseVariantId(variantId(v))).toEqual(v);
  });

  it('the defaults are mha, gqa2, mqa, mla16, swa16, ssm16, moe4x2', () => {
    expect(LAB_FAMILIES.map((f) => variantId(defaultVariant(f.kind)))).toEqual([
      'mha',
      'gqa2',
      'mqa',
      'mla16',
      'swa16',
      'ssm16',
      'moe4x2',
    ]);
  });

  it('rejects unknown families, knob values outside the list, and knobs on knob-less families', () => {
    for (const bad of ['', 'gqa', 'gqa3', 'mha4', 'mla', 'swa5', 'moe4', 'moe4x3', 'rnn', 'mqa1', 'ssm16x2'])
      expect(parseVariantId(bad), bad).toBeNull();
  });

  it('property: parsing never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => void parseVariantId(s)));
  });

  it('labels name the knob', () => {
    expect(variantLabel({ kind: 'gqa', knob: 4, topK: null })).toBe('GQA (4 KV heads)');
    expect(variantLabel({ kind: 'moe', knob: 8, topK: 1 })).toBe('MoE FFN (8 experts, top-1)');
  });
});

describe('lab variant figures (params, KV cache and FLOPs cores)', () => {
  it('fp32 KV bytes per token over both layers: MHA 1,024, GQA-2 256, MQA 128, MLA-16 160, SSM 0', () => {
    const kv = (id: string) => labCatalogue(59).find((m) => m.id === id)?.kvBytesPerToken;
    expect(kv('mha')).toBe(2 * 2 * 8 * 8 * 4);
    expect(kv('gqa2')).toBe(2 * 2 * 2 * 8 * 4);
    expect(kv('mqa')).toBe(2 * 2 * 1 * 8 * 4);
    expect(kv('mla16')).toBe(2 * (16 + 4) * 4);
    expect(kv('ssm16')).toBe(0);
  });

  it('a sliding window of 16 caches 16 of the 64 tokens: 16 KiB at full context instead of 64 KiB', () => {
    expect(variantMetrics({ kind: 'swa', knob: 16, topK: null }, 59).cacheBytes).toBe(16 * 1024);
    expect(variantMetrics({ kind: 'mha', knob: null, topK: null }, 59).cacheBytes).toBe(64 * 1024);
  });

  it('MoE 4 experts top-2: 174,080 parameters stored, 107,776 active per token', () => {
    const m = variantMetrics({ kind: 'moe', knob: 4, topK: 2 }, 59);
    expect(m.params).toBe(174_080);
    expect(m.activeParams).toBe(107_776);
  });

  it('forward FLOPs per token at 64 tokens of context: MHA 2·99,584 + 2·2·64·64 + 2·64·59 = 223,104', () => {
    expect(variantMetrics({ kind: 'mha', knob: null, topK: null }, 59).flopsPerToken).toBe(223_104);
  });
});
