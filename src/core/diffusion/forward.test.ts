import { describe, expect, it } from 'vitest';
import { InputError } from '../modelSpec';
import { forwardChain, qSample, qSampleWith } from './forward';
import { cosineSchedule, linearSchedule } from './schedule';

function moments(values: Float32Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, variance: sq / (values.length - 1) };
}

describe('forward process q(x_t | x_0)', () => {
  it('qSampleWith is √ᾱ_t x_0 + √(1 − ᾱ_t) ε exactly (linear T = 1000, t = 500: ᾱ = 0.07858724)', () => {
    const x = qSampleWith([1, -0.5], 500, linearSchedule(1000), [0, 2]);
    expect(x[0]).toBeCloseTo(Math.sqrt(0.07858724288177824), 6);
    expect(x[1]).toBeCloseTo(-0.5 * Math.sqrt(0.07858724288177824) + 2 * Math.sqrt(1 - 0.07858724288177824), 6);
  });

  it('is the identity at t = 0 and is seeded (same seed, same draw)', () => {
    const s = linearSchedule(100);
    expect(Array.from(qSample([0.25, -1], 0, s, 3))).toEqual([0.25, -1]);
    expect(Array.from(qSample([0.25, -1], 40, s, 3))).toEqual(Array.from(qSample([0.25, -1], 40, s, 3)));
    expect(Array.from(forwardChain([0.25], 40, s, 3))).toEqual(Array.from(forwardChain([0.25], 40, s, 3)));
  });

  // 40,000 draws of a scalar x_0 = 1.5: the standard error of the mean is ≤ 0.005 and of the variance ≤ 0.0071,
  // so a tolerance of 0.02 on both is about 3–4 standard errors.
  for (const [name, schedule, t] of [
    ['linear T = 1000, t = 250', linearSchedule(1000), 250],
    ['cosine T = 1000, t = 500', cosineSchedule(1000), 500],
    ['linear T = 100, t = 30', linearSchedule(100), 30],
  ] as const) {
    it(`closed form and the step-by-step chain agree in distribution (${name}; mean and variance within 0.02)`, () => {
      const n = 40_000;
      const x0 = new Float32Array(n).fill(1.5);
      const closed = moments(qSample(x0, t, schedule, 11));
      const chain = moments(forwardChain(x0, t, schedule, 12));
      const ab = schedule.alphaBars[t] ?? NaN;
      expect(Math.abs(closed.mean - Math.sqrt(ab) * 1.5)).toBeLessThan(0.02);
      expect(Math.abs(chain.mean - Math.sqrt(ab) * 1.5)).toBeLessThan(0.02);
      expect(Math.abs(closed.variance - (1 - ab))).toBeLessThan(0.02);
      expect(Math.abs(chain.variance - (1 - ab))).toBeLessThan(0.02);
      expect(Math.abs(closed.mean - chain.mean)).toBeLessThan(0.02);
      expect(Math.abs(closed.variance - chain.variance)).toBeLessThan(0.02);
    });
  }

  it('refuses a noise sample of the wrong length and an out-of-range t', () => {
    expect(() => qSampleWith([1, 2], 1, linearSchedule(10), [0])).toThrow(InputError);
    expect(() => forwardChain([1], 11, linearSchedule(10), 1)).toThrow(/t must be an integer from 0 to 10/);
  });
});
