import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../modelSpec';
import { alphaBarAt, cosineSchedule, linearSchedule, makeSchedule, snrAt, snrDb } from './schedule';

// Golden values computed independently with numpy (float64): np.cumprod(1 − np.linspace(1e-4, 0.02, 1000)) and the
// Improved-DDPM cosine formula with β clipped at 0.999.
describe('linear schedule (DDPM, T = 1000)', () => {
  const s = linearSchedule(1000);
  it('β runs from 1e-4 to 0.02', () => {
    expect(s.betas[0]).toBeCloseTo(1e-4, 15);
    expect(s.betas[999]).toBeCloseTo(0.02, 15);
    expect(s.betas[499]).toBeCloseTo(0.010040040040040039, 15);
  });
  it('ᾱ at t = 1, 100, 250, 500, 750, 1000 matches numpy', () => {
    expect(alphaBarAt(s, 0)).toBe(1);
    expect(alphaBarAt(s, 1)).toBeCloseTo(0.9999, 12);
    expect(alphaBarAt(s, 100)).toBeCloseTo(0.89701814567496, 10);
    expect(alphaBarAt(s, 250)).toBeCloseTo(0.5240853738253606, 10);
    expect(alphaBarAt(s, 500)).toBeCloseTo(0.07858724288177824, 10);
    expect(alphaBarAt(s, 750)).toBeCloseTo(0.0033505504389367744, 12);
    expect(alphaBarAt(s, 1000) / 4.035829765375676e-5).toBeCloseTo(1, 8);
  });
  it('SNR(500) = 0.08529 (−10.69 dB) and SNR(0) is infinite', () => {
    expect(snrAt(s, 500)).toBeCloseTo(0.08528994446263685, 10);
    expect(snrDb(snrAt(s, 500))).toBeCloseTo(-10.6909, 3);
    expect(snrAt(s, 0)).toBe(Infinity);
    expect(snrDb(Infinity)).toBe(Infinity);
  });
  it('scales β by 1000/T for shorter schedules: T = 100 runs from 1e-3 to 0.2, ᾱ_100 = 2.039e-5', () => {
    const short = linearSchedule(100);
    expect(short.betas[0]).toBeCloseTo(1e-3, 15);
    expect(short.betas[99]).toBeCloseTo(0.2, 15);
    expect(alphaBarAt(short, 50)).toBeCloseTo(0.07419699671742, 10);
    expect(alphaBarAt(short, 100) / 2.039008975564078e-5).toBeCloseTo(1, 8);
  });
});

describe('cosine schedule (Improved DDPM, T = 1000, s = 0.008)', () => {
  const s = cosineSchedule(1000);
  it('ᾱ at t = 1, 100, 250, 500, 750, 999 matches numpy', () => {
    expect(alphaBarAt(s, 1)).toBeCloseTo(0.999958715775178, 12);
    expect(alphaBarAt(s, 100)).toBeCloseTo(0.9720927371139696, 10);
    expect(alphaBarAt(s, 250)).toBeCloseTo(0.847012161326905, 10);
    expect(alphaBarAt(s, 500)).toBeCloseTo(0.4938435904406382, 10);
    expect(alphaBarAt(s, 750)).toBeCloseTo(0.14427210238573596, 10);
    expect(alphaBarAt(s, 999) / 2.4287669070348544e-6).toBeCloseTo(1, 6);
  });
  it('clips the last β at 0.999', () => {
    expect(s.betas[999]).toBe(0.999);
    expect(s.betas[998]).toBeCloseTo(0.7499993929011166, 9);
  });
  it('SNR(500) = 0.9757: the cosine schedule keeps far more signal mid-way than the linear one', () => {
    expect(snrAt(s, 500)).toBeCloseTo(0.975673884818642, 9);
    expect(snrAt(s, 500)).toBeGreaterThan(snrAt(linearSchedule(1000), 500) * 10);
  });
});

describe('every schedule', () => {
  it('has β in (0, 0.999], ᾱ strictly decreasing in (0, 1] and α = 1 − β (any T)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('linear' as const, 'cosine' as const),
        fc.integer({ min: 2, max: 3000 }),
        (kind, T) => {
          const s = makeSchedule(kind, T);
          expect(s.betas.length).toBe(T);
          expect(s.alphaBars.length).toBe(T + 1);
          const bad: number[] = [];
          for (let t = 1; t <= T; t++) {
            const b = s.betas[t - 1] ?? NaN;
            const ab = s.alphaBars[t] ?? NaN;
            const ok =
              b > 0 &&
              b <= 0.999 &&
              Math.abs((s.alphas[t - 1] ?? NaN) - (1 - b)) < 1e-15 &&
              ab > 0 &&
              ab < (s.alphaBars[t - 1] ?? NaN);
            if (!ok) bad.push(t);
          }
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
  it('refuses T and t outside their ranges, naming the field', () => {
    expect(() => linearSchedule(1)).toThrow(InputError);
    expect(() => cosineSchedule(10_001)).toThrow(/T must be an integer from 2 to 10,000/);
    expect(() => linearSchedule(2.5)).toThrow(/T must be/);
    expect(() => alphaBarAt(linearSchedule(10), 11)).toThrow(/t must be an integer from 0 to 10/);
    expect(() => snrAt(linearSchedule(10), -1)).toThrow(InputError);
  });
});
