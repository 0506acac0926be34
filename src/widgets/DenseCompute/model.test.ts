import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_IDS, presetSpec } from '../../models/presets';
import { CONTEXTS, DEFAULT_STATE, crossover, denseView, readState, toUrl } from './model';

describe('DenseCompute view', () => {
  it('Llama-3.1-8B at 8,192: C_forward 16.1 GFLOP = 2N 14 GFLOP + context 2.15 GFLOP; training 41.9 GFLOP', () => {
    const v = denseView(DEFAULT_STATE);
    expect(v.sentence).toBe(
      'Llama-3.1-8B at n_ctx 8,192: C_forward = 16.1 GFLOP per token (2N = 14 GFLOP, context 2.15 GFLOP, 13.3%); ' +
        'with the output head 17.2 GFLOP; training ≈ 6N = 41.9 GFLOP per token.',
    );
    expect(v.formula).toBe('2 × 6,979,588,096 + 2 × 32 × 8,192 × 4,096 = 16,106,659,840 FLOPs per token');
    expect(v.rows.map((r) => [r.id, r.params, r.flops])).toEqual([
      ['embeddings', '525M', 'lookup'],
      ['attention', '1.34B', '2.68 GFLOP'],
      ['mlp', '5.64B', '11.3 GFLOP'],
      ['norms', '266k', '532 kFLOP'],
      ['head', '525M', '1.05 GFLOP'],
      ['context', '–', '2.15 GFLOP'],
    ]);
  });

  it('the context term overtakes 2N at N / (n_layer · d_attn) = 53,251 tokens for Llama-3.1-8B', () => {
    expect(crossover(presetSpec('llama-3.1-8b'), false)).toBe(53_251);
    expect(denseView(DEFAULT_STATE).crossover).toBe('The context term overtakes 2N at n_ctx = 53,251 tokens.');
  });

  it('never for a sliding-window-only model or a pure SSM', () => {
    expect(crossover(presetSpec('mistral-7b-v0.1'), false)).toBeNull();
    expect(crossover(presetSpec('mamba-2.8b'), false)).toBeNull();
  });

  it('MoE presets say N is active and name the total', () => {
    const v = denseView({ ...DEFAULT_STATE, preset: 'mixtral-8x7b' });
    expect(v.caveats[0]).toBe('N counts active parameters (12.6B); memory still holds all 46.7B.');
    expect(v.rows.find((r) => r.id === 'experts')!.params).toBe('11.3B of 45.1B');
  });

  it('every preset at every context renders without NaN, and the chart has three series', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_IDS),
        fc.integer({ min: 0, max: CONTEXTS.length - 1 }),
        fc.boolean(),
        (preset, ctx, av) => {
          const v = denseView({ preset, ctx, av });
          const text = [v.sentence, v.crossover, ...v.rows.flatMap((r) => [r.params, r.flops, r.share])].join(' ');
          expect(text).not.toContain('NaN');
          expect(v.chart).toHaveLength(3);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('DenseCompute URL state', () => {
  it('reads a preset and a context in tokens; a context that is not a power of two falls back with a note', () => {
    expect(readState(new URLSearchParams('dense.preset=gpt2-small&dense.ctx=1024')).state).toEqual({
      preset: 'gpt2-small',
      ctx: 3,
      av: false,
    });
    const bad = readState(new URLSearchParams('dense.ctx=1000&dense.preset=gpt-5'));
    expect(bad.state).toEqual(DEFAULT_STATE);
    expect(bad.notes).toHaveLength(2);
    expect(toUrl({ preset: 'gpt2-small', ctx: 3, av: true })).toEqual({
      'dense.preset': 'gpt2-small',
      'dense.ctx': 1024,
      'dense.av': 1,
    });
  });
});
