import { describe, expect, it } from 'vitest';
import { kvCache } from '../../core/kvCache';
import { countParams } from '../../core/params';
import { presetSpec } from '../../models/presets';
import {
  DEFAULT_STATE,
  PARAMS_PER_LAYER,
  STEPS,
  V3_MLA_SPEC,
  cacheView,
  nextSeed,
  readState,
  readout,
  runCheck,
  toUrl,
} from './model';

describe('MlaStepThrough steps', () => {
  it('five steps; the matrices of steps 1–4 add up to 187,107,328 attention parameters per layer', () => {
    expect(STEPS).toHaveLength(5);
    expect(PARAMS_PER_LAYER).toBe(187_107_328);
  });

  it('the shapes are those of the deepseek-v3 preset: its MLA spec, 61 MLA layers and 8.58 GiB at 131,072 tokens', () => {
    const spec = presetSpec('deepseek-v3');
    expect(spec.mla).toEqual(V3_MLA_SPEC);
    expect(spec.layers.filter((l) => l.mixer === 'mla')).toHaveLength(61);
    expect(cacheView(131_072).bars[0]!.bytes).toBe('8.58 GiB');
    expect(kvCache(spec, { tokens: 131_072 }).bytes).toBe(9_210_691_584);
  });

  it("that equals countParams's attention total for DeepSeek-V3 divided by its 61 layers", () => {
    const attention = countParams(presetSpec('deepseek-v3')).breakdown.find((b) => b.component === 'attention');
    expect(attention!.total).toBe(61 * PARAMS_PER_LAYER);
  });

  it('W_DKV is 7,168 × 512 = 3,670,016 parameters; the readout names what is cached', () => {
    expect(STEPS[0]!.matrices[0]).toEqual({ name: 'W_DKV', shape: '7,168 × 512', note: '', params: 3_670_016 });
    expect(STEPS[2]!.matrices[2]!.note).toBe('128 heads × 192');
    expect(readout({ ...DEFAULT_STATE, step: 5 })).toBe(
      'Step 5 of 5: Absorb the up-projections at inference. Cached: c_KV (512) and k_R (64).',
    );
    expect(readout({ ...DEFAULT_STATE, step: 3 })).toContain('Nothing from this step is cached.');
  });
});

describe('MlaStepThrough cache and FLOPs', () => {
  it('576 vs 32,768 vs 40,960 numbers per token and layer; 8.58 GiB vs 488 GiB at 131,072 tokens', () => {
    const view = cacheView(131_072);
    expect(view.bars.map((b) => [b.elements, b.bytes])).toEqual([
      [576, '8.58 GiB'],
      [32_768, '488 GiB'],
      [40_960, '610 GiB'],
    ]);
    expect(view.bars[0]!.width).toBe('1.41%');
    expect(view.sentence).toBe(
      'Per token and layer MLA caches 576 numbers against 32,768 for MHA (56.9× less). At 131,072 tokens, all 61 ' +
        'layers in bf16: 8.58 GiB against 488 GiB.',
    );
    expect([view.flops.absorbed, view.flops.decompressed]).toEqual(['278,528', '81,920']);
  });
});

describe('MlaStepThrough live check', () => {
  it('decompressed and absorbed attention agree to 1e-5 on the seeded tensors', () => {
    const check = runCheck(1);
    expect(check.output).toBeLessThan(1e-5);
    expect(check.weights).toBeLessThan(1e-5);
    expect(check.sentence).toMatch(/^Seed 1: 8 tokens through 4 heads with d_c 512, d_h 128, d_h\^R 64/);
  });

  it('seeds wrap after 999', () => {
    expect([nextSeed(1), nextSeed(999)]).toEqual([2, 1]);
  });
});

describe('MlaStepThrough URL state', () => {
  it('round-trips and falls back with notes', () => {
    const { state, notes } = readState(new URLSearchParams('mla.step=4&mla.tokens=4096&mla.seed=abc'));
    expect(state).toEqual({ step: 4, tokens: 4096, seed: 1 });
    expect(notes).toEqual(['From the link: mla.seed "abc" is not an integer from 1 to 999; using 1.']);
    expect(toUrl(state)).toEqual({ 'mla.step': 4, 'mla.tokens': 4096, 'mla.seed': undefined });
  });
});
