import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../modelSpec';
import { createSampler, guided, NO_CLASS, sample, timesteps, type EpsPredictor } from './sample';
import { linearSchedule, type NoiseSchedule } from './schedule';

/**
 * The exact ε-predictor for 1-D data x_0 ~ N(μ, s²): x_t ~ N(√ᾱ μ, ᾱ s² + 1 − ᾱ) and
 * E[ε | x_t] = √(1 − ᾱ) (x_t − √ᾱ μ) / (ᾱ s² + 1 − ᾱ). With s = 0 the data is the single point μ.
 */
function gaussianEps(schedule: NoiseSchedule, mu: number, s: number): EpsPredictor {
  return (x, t) => {
    const ab = schedule.alphaBars[t] ?? NaN;
    const out = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      out[i] = (Math.sqrt(1 - ab) * ((x[i] ?? 0) - Math.sqrt(ab) * mu)) / (ab * s * s + 1 - ab);
    }
    return out;
  };
}

function moments(values: Float32Array): { mean: number; std: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, std: Math.sqrt(sq / (values.length - 1)) };
}

describe('timesteps', () => {
  it('timesteps(1000, 4) is [250, 500, 750, 1000] and timesteps(100, 100) is 1 … 100', () => {
    expect(timesteps(1000, 4)).toEqual([250, 500, 750, 1000]);
    expect(timesteps(100, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(timesteps(100, 3)).toEqual([33, 67, 100]);
  });
  it('is strictly increasing, ends at T and starts at ≥ 1 for every steps ≤ T', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), (T, s) => {
        const steps = Math.min(s, T);
        const taus = timesteps(T, steps);
        expect(taus.length).toBe(steps);
        expect(taus[steps - 1]).toBe(T);
        expect(taus[0]).toBeGreaterThanOrEqual(1);
        expect(taus.every((v, i) => i === 0 || v > (taus[i - 1] ?? Infinity))).toBe(true);
      }),
    );
  });
  it('refuses steps outside 1 … T', () => {
    expect(() => timesteps(100, 0)).toThrow(/steps must be an integer from 1 to 100/);
    expect(() => timesteps(100, 101)).toThrow(InputError);
  });
});

describe('samplers with the exact ε-predictor', () => {
  it('DDIM returns a point mass μ = 0.7 exactly, in one step or fifty (η = 0 is deterministic)', () => {
    const schedule = linearSchedule(1000);
    for (const steps of [1, 50]) {
      const { x } = sample(gaussianEps(schedule, 0.7, 0), { schedule, kind: 'ddim', steps, n: 64, dim: 1, seed: 3 });
      for (const v of x) expect(v).toBeCloseTo(0.7, 4);
    }
  });

  // 20,000 samples: the standard error of the mean is 0.5/√20000 = 0.0035 and of the std ≈ 0.0025. With few steps
  // both samplers shrink the spread (a discretisation error: each DDIM jump scales deviations by less than the exact
  // flow's σ_s/σ_t, by Cauchy–Schwarz), so the check is convergence: within 2 % at 1000 steps, shrinking with steps.
  const stdError = (kind: 'ddpm' | 'ddim', steps: number) => {
    const schedule = linearSchedule(1000);
    const { x } = sample(gaussianEps(schedule, 1.5, 0.5), { schedule, kind, steps, n: 20_000, dim: 1, seed: 9 });
    const m = moments(x);
    expect(Math.abs(m.mean - 1.5)).toBeLessThan(0.03);
    return Math.abs(m.std / 0.5 - 1);
  };
  for (const kind of ['ddpm', 'ddim'] as const) {
    it(`${kind.toUpperCase()} turns N(0, 1) into the data N(1.5, 0.5²): mean ±0.03 always, std within 2 % at 1000 steps and converging`, () => {
      const errors = [10, 50, 200, 1000].map((steps) => stdError(kind, steps));
      expect(errors[3]).toBeLessThan(0.02);
      expect(errors.every((e, i) => i === 0 || e < (errors[i - 1] ?? 0))).toBe(true);
    });
  }

  it('a Sampler advances one step at a time, visiting τ_S … τ_1 then 0, and is seeded', () => {
    const schedule = linearSchedule(100);
    const opts = { schedule, kind: 'ddpm' as const, steps: 4, n: 8, dim: 2, seed: 5 };
    const a = createSampler(gaussianEps(schedule, 0, 1), opts);
    expect(a.times).toEqual([100, 75, 50, 25, 0]);
    expect(a.index).toBe(0);
    const start = a.x.slice();
    a.step();
    expect(a.index).toBe(1);
    expect(Array.from(a.x)).not.toEqual(Array.from(start));
    while (!a.done) a.step();
    a.step();
    expect(a.index).toBe(4);
    const b = sample(gaussianEps(schedule, 0, 1), opts, true);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(b.path.length).toBe(5);
    expect(Array.from(b.path[0] ?? [])).toEqual(Array.from(start));
  });
});

describe('classifier-free guidance', () => {
  // A predictor that returns 1 for class 0, 3 for class 1 and 0 for ∅, so ε̃ = 0 + w · (ε_c − 0).
  const eps: EpsPredictor = (x, _t, cond) =>
    Float32Array.from({ length: x.length }, (_, i) => {
      const c = cond?.[i] ?? NO_CLASS;
      return c === 0 ? 1 : c === 1 ? 3 : 0;
    });
  it('ε̃ = ε(∅) + w·(ε(c) − ε(∅)): w = 0 → 0, w = 1 → ε(c), w = 3 → 3·ε(c)', () => {
    const x = new Float32Array(2);
    const cond = Int32Array.from([0, 1]);
    expect(Array.from(guided(eps, 0)(x, 5, cond))).toEqual([0, 0]);
    expect(Array.from(guided(eps, 1)(x, 5, cond))).toEqual([1, 3]);
    expect(Array.from(guided(eps, 3)(x, 5, cond))).toEqual([3, 9]);
    expect(Array.from(guided(eps, 3)(x, 5, Int32Array.from([NO_CLASS, 1])))).toEqual([0, 9]);
    expect(Array.from(guided(eps, 3)(x, 5, null))).toEqual([0, 0]);
  });
  it('refuses a non-finite guidance scale and a cond of the wrong length', () => {
    expect(() => guided(eps, NaN)).toThrow(/guidance scale must be a finite number/);
    const schedule = linearSchedule(10);
    expect(() =>
      createSampler(eps, { schedule, kind: 'ddim', steps: 2, n: 3, dim: 1, seed: 1, cond: new Int32Array(2) }),
    ).toThrow(/cond must hold one class per point/);
    expect(() => createSampler(eps, { schedule, kind: 'ddim', steps: 2, n: 0, dim: 1, seed: 1 })).toThrow(InputError);
  });
});
