import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES } from '../../core/dtypes';
import { buildView, DEFAULT_STATE, formatInUnit, normalizeState, sharedUnit, TOKEN_SLIDER } from './model';

describe('KvCacheCompare seed default (Llama-2-7B geometry, fp16, 6,400 tokens)', () => {
  const view = buildView(DEFAULT_STATE);
  const by = (id: string) => view.bars.find((b) => b.id === id);

  it('MHA (32 KV heads) is 3200 MiB, 1.0×', () => {
    expect(by('mha')?.value).toBe('3200 MiB');
    expect(by('mha')?.factor).toBe('1.0×');
    expect(by('mha')?.detail).toBe('32 KV heads');
  });
  it('GQA (8 KV heads) is 800 MiB, 4.0×', () => {
    expect(by('gqa')?.value).toBe('800 MiB');
    expect(by('gqa')?.factor).toBe('4.0×');
    expect(by('gqa')?.detail).toBe('8 KV heads');
  });
  it('MQA (1 KV head) is 100 MiB, 32.0×', () => {
    expect(by('mqa')?.value).toBe('100 MiB');
    expect(by('mqa')?.factor).toBe('32.0×');
  });
  it('MLA (512 + 64 latent at the same 32 layers) is 225 MiB, 14.2×', () => {
    expect(by('mla')?.value).toBe('225 MiB');
    expect(by('mla')?.bytes).toBe(235_929_600);
    expect(by('mla')?.factor).toBe('14.2×');
    expect(view.mlaNote).toContain('same 32 layers');
  });
  it('states its inputs and its unit', () => {
    expect(view.inputs).toBe(
      'Llama-2-7B geometry: 32 layers, head_dim 128, 32 query heads; fp16 (2 B per element); 6,400 cached tokens (batch × sequence length).',
    );
    expect(view.unit).toBe('MiB');
    expect(view.unitNote).toBe('1 MiB = 2^20 bytes');
  });
  it('reads out every bar and links the same view into the calculator', () => {
    expect(view.readout).toBe(
      '6,400 cached tokens in fp16: MHA 3200 MiB; GQA (8 KV heads) 800 MiB, 4.0× smaller; MQA (1 KV head) 100 MiB, 32.0× smaller; MLA (512 + 64 latent) 225 MiB, 14.2× smaller.',
    );
    expect(view.calculatorHref).toBe('/explore/kv-cache/?model=llama-2-7b&tokens=6400&dtype=fp16');
  });
});

describe('KvCacheCompare controls', () => {
  it('decimal units label MB (10^6 bytes): MHA at 6,400 fp16 tokens is 3355.4 MB', () => {
    const view = buildView({ ...DEFAULT_STATE, units: 'decimal' });
    expect(view.bars.map((b) => b.value)).toEqual(['3355.4 MB', '838.9 MB', '104.9 MB', '235.9 MB']);
    expect(view.unitNote).toBe('1 MB = 10^6 bytes');
  });
  it('GQA with 16 KV heads halves MHA (2.0×); q4_0 includes its block scales', () => {
    const view = buildView({ ...DEFAULT_STATE, gqaKvHeads: 16, dtype: 'q4_0' });
    expect(view.bars[1]?.factor).toBe('2.0×');
    expect(view.bars[0]?.bytes).toBe((3200 * 2 ** 20 * 18) / 32 / 2);
    expect(view.bars[0]?.formula).toContain('× 18/32 B');
  });
  it('one shared unit: the smallest bar decides (100 MiB keeps all bars in MiB)', () => {
    expect(sharedUnit([3200 * 2 ** 20, 100 * 2 ** 20], 'binary')).toBe(2);
    expect(sharedUnit([2 ** 30, 2 ** 30], 'binary')).toBe(3);
    expect(formatInUnit(12_800 * 2 ** 20, 2, 'binary')).toBe('12,800 MiB');
    expect(formatInUnit(1536, 1, 'binary')).toBe('1.5 KiB');
  });
  it('the token slider spans 1 … 10,000,000 and its ends are exact', () => {
    expect(TOKEN_SLIDER.toValue(0)).toBe(1);
    expect(TOKEN_SLIDER.toValue(TOKEN_SLIDER.positions)).toBe(10_000_000);
    expect(TOKEN_SLIDER.toValue(TOKEN_SLIDER.toPosition(6400))).toBe(6300);
  });
});

describe('KvCacheCompare bad input', () => {
  it('bad props fall back to the default with a note naming the field and range', () => {
    const { state, notes } = normalizeState({ tokens: 0, dtype: 'fp7', gqaKvHeads: 3, units: 'si' });
    expect(state).toEqual(DEFAULT_STATE);
    expect(notes).toEqual([
      'tokens must be a whole number from 1 to 10,000,000; showing 6,400.',
      'dtype must be one of fp32, fp16, bf16, fp8, int8, int4, q8_0, q4_0; showing fp16.',
      'GQA KV heads must be one of 2, 4, 8, 16; showing 8.',
      'units must be binary or decimal; showing binary (MiB).',
    ]);
  });
  it('never shows NaN, whatever the tokens, dtype and group count', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.string()),
        fc.constantFrom(...DTYPE_NAMES, 'nope'),
        fc.constantFrom(1, 2, 4, 8, 16, 32, -1),
        fc.constantFrom('binary', 'decimal'),
        (tokens, dtype, gqaKvHeads, units) => {
          const { state } = normalizeState({ tokens, dtype, gqaKvHeads, units });
          const view = buildView(state);
          const text = JSON.stringify(view);
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
          for (const bar of view.bars) expect(bar.fraction).toBeGreaterThan(0);
        },
      ),
    );
  });
  it('the MHA bar is never smaller than the others (factor ≥ 1.0×) for any valid state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(...DTYPE_NAMES), (tokens, dtype) => {
        const view = buildView({ ...DEFAULT_STATE, tokens, dtype });
        for (const bar of view.bars) expect(bar.bytes).toBeLessThanOrEqual(view.bars[0]!.bytes);
      }),
    );
  });
});
