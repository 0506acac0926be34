import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, ROUNDS, formulaView, nextShown, readState, simulate, simulationView, toUrl } from './model';

describe('speculative decoding formula view', () => {
  it('γ 4, α 0.80, c 0.05: 3.36 tokens per pass, 2.80× faster, best γ 8 at 3.09×', () => {
    const f = formulaView(DEFAULT_STATE);
    expect(f.readout).toBe(
      'γ = 4, α = 0.80: each target pass yields 3.36 tokens on average; with c = 0.05 a round costs 1.20 target ' +
        'steps, so decoding is 2.80× faster. The best γ for this α and c is 8 (3.09×).',
    );
    expect(f.series.map((s) => s.points.length)).toEqual([16, 16]);
    expect(f.series[0]!.points[3]).toEqual({ x: 4, y: expect.closeTo(3.3616, 12) });
  });

  it('says when drafting does not pay: γ 8, α 0.40, c 0.50 is 0.33×', () => {
    expect(formulaView({ k: 8, alpha: 40, cost: 50 }).readout).toBe(
      'γ = 8, α = 0.40: each target pass yields 1.67 tokens on average; with c = 0.50 a round costs 5.00 target ' +
        'steps, so decoding is slower (0.33×): drafting costs more than it saves. No γ beats plain decoding at this α ' +
        'and c.',
    );
  });
});

describe('speculative decoding simulation view', () => {
  const sim = simulate(DEFAULT_STATE);

  it('lists the newest rounds first, each as drafts plus the target’s own token', () => {
    const v = simulationView(sim, 40);
    expect(v.rounds.map((r) => r.number)).toEqual([40, 39, 38, 37, 36]);
    for (const r of v.rounds) {
      expect(r.chips).toHaveLength(DEFAULT_STATE.k + 1);
      expect(['resampled', 'bonus']).toContain(r.chips.at(-1)!.kind);
      expect(r.tokens).toBe(r.chips.filter((c) => c.kind === 'accepted').length + 1);
    }
  });

  it(`converges: after all ${ROUNDS.toLocaleString('en-US')} rounds the mean is within 0.05 of 3.3616`, () => {
    const v = simulationView(sim, ROUNDS);
    expect(Math.abs(v.mean - 3.3616)).toBeLessThan(0.05);
    expect(v.sentence).toMatch(/^After 10,000 simulated rounds: 3\.\d\d tokens per target pass \(formula 3\.36, /);
    expect(v.series[1]!.points).toEqual([
      { x: 1, y: expect.closeTo(3.3616, 12) },
      { x: ROUNDS, y: expect.closeTo(3.3616, 12) },
    ]);
  });

  it('plays faster as it goes and stops at the last round', () => {
    expect(nextShown(1)).toBe(2);
    expect(nextShown(120)).toBe(130);
    expect(nextShown(ROUNDS - 1)).toBe(ROUNDS);
  });
});

describe('speculative decoding state', () => {
  it('bad link values fall back with notes', () => {
    const { state, notes } = readState(new URLSearchParams('spec.k=0&spec.alpha=abc'));
    expect(state).toEqual({ ...DEFAULT_STATE, k: 1 });
    expect(notes).toEqual([
      'From the link: spec.k "0" is not in the range 1–16; using 1.',
      'From the link: spec.alpha "abc" is not an integer from 5 to 99; using 80.',
    ]);
  });

  it('round-trips through the URL', () => {
    const changed = { k: 7, alpha: 65, cost: 12, shown: 500 };
    const query = new URLSearchParams(
      Object.entries(toUrl(changed)).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    expect(readState(query).state).toEqual(changed);
  });
});
