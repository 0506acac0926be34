import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, EXPERTS, MAX_STEPS, WORDS, balancingRun, readState, routingView, toUrl } from './model';
import { presetRows } from './presets';

describe('MoeRouting URL state', () => {
  it('round-trips and falls back with notes', () => {
    const { state, notes } = readState(new URLSearchParams('moe.scoring=sigmoid&moe.k=3&moe.shared=1&moe.step=500'));
    expect(readState(new URLSearchParams('moe.scoring=softmax')).state.scoring).toBe('softmax');
    expect(state).toEqual({ scoring: 'sigmoid', topK: 3, shared: true, step: 100, gamma: 0.01 });
    expect(notes).toEqual(['From the link: moe.step "500" is not in the range 0–100; using 100.']);
    expect(toUrl(state)).toEqual({
      'moe.scoring': undefined,
      'moe.k': 3,
      'moe.shared': 1,
      'moe.step': 100,
      'moe.gamma': undefined,
    });
  });
});

describe('MoeRouting view', () => {
  it('16 words, top-2 of 8: loads sum to 32 and start unbalanced (9, 0, 2, 7, 8, 6, 0, 0)', () => {
    const view = routingView(DEFAULT_STATE, balancingRun(DEFAULT_STATE));
    expect(WORDS).toHaveLength(16);
    expect(view.loads.map((l) => l.load)).toEqual([9, 0, 2, 7, 8, 6, 0, 0]);
    expect(view.ideal).toBe('4');
    expect(view.sentence).toBe(
      'After 0 bias updates (γ = 0.01): loads 9, 0, 2, 7, 8, 6, 0, 0 for an ideal 4 each; 14 of 32 assignments off ' +
        'balance (14 before balancing); Switch balance loss 1.269 (exactly 1 at perfect balance).',
    );
    expect(view.rows[0]!.cells.filter((c) => c.rank > 0)).toHaveLength(2);
  });

  it('bias balancing evens the load: 14 assignments off balance before, 2 after 40 updates, max/mean 2.25 → 1.50', () => {
    const run = balancingRun(DEFAULT_STATE);
    expect(run).toHaveLength(MAX_STEPS + 1);
    const after = routingView({ ...DEFAULT_STATE, step: 40 }, run);
    expect([after.offBalance, after.imbalance]).toEqual([2, '1.50']);
  });

  it('loads always sum to words × k and nothing reads NaN, for any settings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('softmax' as const, 'sigmoid' as const),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: MAX_STEPS }),
        fc.constantFrom(0.001 as const, 0.01 as const, 0.05 as const),
        fc.boolean(),
        (scoring, topK, step, gamma, shared) => {
          const s = { scoring, topK, step, gamma, shared };
          const view = routingView(s, balancingRun(s));
          expect(view.loads.reduce((a, l) => a + l.load, 0)).toBe(WORDS.length * topK);
          expect(view.loads).toHaveLength(EXPERTS);
          expect(view.sentence).not.toContain('NaN');
          expect(view.rows.every((r) => r.cells.every((c) => Number.isFinite(c.opacity)))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the shared expert is named in the readout', () => {
    const s = { ...DEFAULT_STATE, shared: true };
    expect(routingView(s, balancingRun(s)).sentence).toContain('shared expert (gate 1)');
  });
});

describe('real MoE presets', () => {
  it('Mixtral 46.7B / 12.9B, DeepSeek-V3 671.0B / 37.6B, Qwen3 235.1B / 22.2B, gpt-oss 116.8B / 5.7B', () => {
    const rows = presetRows();
    expect(rows.map((r) => [r.id, r.routing, r.total, r.active])).toEqual([
      ['mixtral-8x7b', '2 of 8', '46.7B', '12.9B'],
      ['deepseek-v3', '8 of 256 + 1 shared', '671.0B', '37.6B'],
      ['qwen3-235b-a22b', '8 of 128', '235.1B', '22.2B'],
      ['gpt-oss-120b', '4 of 128', '116.8B', '5.7B'],
    ]);
  });

  it('running every expert would cost 3.5× the FLOPs for Mixtral and 12.5× for DeepSeek-V3', () => {
    const rows = presetRows();
    expect(rows.map((r) => r.saving)).toEqual(['3.5×', '12.5×', '9.6×', '21.4×']);
  });
});
