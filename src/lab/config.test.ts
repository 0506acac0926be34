import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kvCache } from '../core/kvCache';
import { InputError } from '../core/modelSpec';
import { countParams } from '../core/params';
import { sizeOf, tinyGptShapes } from '../core/tinyGpt';
import { labModelSpec, labShapes, validateLabConfig, type LabConfig } from './config';
import { allVariants } from './metrics';
import { labConfigFor, tinyConfig, variantId } from './variants';

const V = 59;
const tensors = (c: LabConfig) => labShapes(c).reduce((n, s) => n + sizeOf(s.shape), 0);

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.field;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('lab configs as tensors and as core ModelSpecs', () => {
  it('an attention + dense config has exactly the shipped tiny GPT tensors (names, shapes, order)', () => {
    const shipped = tinyConfig(V, { kind: 'attention', kvHeads: 2, window: null });
    expect(labShapes(shipped)).toEqual(tinyGptShapes(shipped));
  });

  it.each([
    ['mha', 107_136],
    ['gqa2', 94_848],
    ['mqa', 92_800],
    ['mla16', 101_536],
    ['swa16', 107_136],
    ['ssm16', 104_664],
    ['moe4x2', 174_080],
  ])('%s has %i parameters in its tensors, and countParams of its ModelSpec agrees', (id, expected) => {
    const variant = allVariants().find((v) => variantId(v) === id);
    if (!variant) throw new Error(id);
    const config = labConfigFor(variant, V);
    expect(tensors(config)).toBe(expected);
    expect(countParams(labModelSpec(config)).total).toBe(expected);
  });

  it('for every lab variant the tensors and the params core count the same parameters', () => {
    for (const v of allVariants()) {
      const config = labConfigFor(v, V);
      expect(countParams(labModelSpec(config)).total, variantId(v)).toBe(tensors(config));
    }
  });

  it('MLA (latent 16, RoPE key 4) caches 16 + 4 elements per token per layer: the latent and the shared RoPE key', () => {
    const v = allVariants().find((x) => variantId(x) === 'mla16');
    if (!v) throw new Error('mla16');
    const config = labConfigFor(v, V);
    const [row] = kvCache(labModelSpec(config), { tokens: 1, dtype: 'fp32' }).breakdown;
    expect(row?.type).toBe('mla');
    expect(row?.elementsPerToken).toBe(20);
    // The tensors that write the cache: W^DKV (d → latent) and W^KR (d → RoPE key); nothing else is per token.
    const shapes = labShapes(config);
    expect(shapes.find((s) => s.name === 'layers.0.attn.wdkv')?.shape).toEqual([64, 16]);
    expect(shapes.find((s) => s.name === 'layers.0.attn.wkr')?.shape).toEqual([64, 4]);
  });

  it('the Mamba-2 variant (N = 16, 4 heads, conv 4) keeps a fixed state of 4·16·16 + 3·(64 + 2·16) = 1,312 values per layer', () => {
    const v = allVariants().find((x) => variantId(x) === 'ssm16');
    if (!v) throw new Error('ssm16');
    const result = kvCache(labModelSpec(labConfigFor(v, V)), { tokens: 64, dtype: 'fp32' });
    expect(result.kvBytes).toBe(0);
    expect(result.breakdown[0]?.stateElementsPerLayer).toBe(1312);
    expect(result.stateBytes).toBe(2 * 1312 * 4);
  });

  it('rejects bad fields by name', () => {
    const base = labConfigFor({ kind: 'mha', knob: null, topK: null }, V);
    expect(fieldOf(() => validateLabConfig({ ...base, mixer: { kind: 'mla', latent: 0, ropeDim: 4 } }))).toBe(
      'mixer.latent',
    );
    expect(fieldOf(() => validateLabConfig({ ...base, mixer: { kind: 'mla', latent: 8, ropeDim: 3 } }))).toBe(
      'mixer.ropeDim',
    );
    expect(fieldOf(() => validateLabConfig({ ...base, mixer: { kind: 'ssm', stateSize: 8, heads: 3, conv: 4 } }))).toBe(
      'mixer.heads',
    );
    expect(
      fieldOf(() =>
        validateLabConfig({ ...base, ffn: { kind: 'moe', experts: 4, topK: 5, hidden: 8, balance: 0.01 } }),
      ),
    ).toBe('ffn.topK');
    expect(
      fieldOf(() => validateLabConfig({ ...base, mixer: { kind: 'conv' } as unknown as LabConfig['mixer'] })),
    ).toBe('mixer.kind');
    expect(fieldOf(() => validateLabConfig({ ...base, ffn: null as unknown as LabConfig['ffn'] }))).toBe('ffn');
  });

  it('property: any MoE shape counts the same in tensors and in the params core, active ≤ total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 64 }), (experts, hidden) => {
        const base = labConfigFor({ kind: 'mha', knob: null, topK: null }, V);
        const config: LabConfig = { ...base, ffn: { kind: 'moe', experts, topK: 1, hidden, balance: 0 } };
        const count = countParams(labModelSpec(config));
        expect(count.total).toBe(tensors(config));
        expect(count.active).toBeLessThanOrEqual(count.total);
      }),
      { numRuns: 40 },
    );
  });
});
