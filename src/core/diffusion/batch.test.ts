import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { batchSampler } from './batch';
import { drawnDataset, twoMoons } from './data';
import { INPUT_DIM } from './mlp';
import { linearSchedule } from './schedule';

describe('training batches', () => {
  const schedule = linearSchedule(100);
  it('hold B × 20 inputs and B × 2 targets, and a seed fixes them', () => {
    const data = twoMoons(50, 1);
    const a = batchSampler(data, schedule, 32, mulberry32(3))();
    const b = batchSampler(data, schedule, 32, mulberry32(3))();
    expect(a.input.length).toBe(32 * INPUT_DIM);
    expect(a.target.length).toBe(64);
    expect(Array.from(a.input)).toEqual(Array.from(b.input));
  });

  it('x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε for the t encoded in each row (data = the single point (1, −1))', () => {
    const data = drawnDataset([{ x: 1, y: -1 }]);
    const { input, target } = batchSampler(data, schedule, 64, mulberry32(9))();
    for (let i = 0; i < 64; i++) {
      const row = input.subarray(i * INPUT_DIM, (i + 1) * INPUT_DIM);
      // Feature 3 is cos(π t / T), which is one-to-one on 0 … T.
      const t = Math.round((Math.acos(Math.max(-1, Math.min(1, row[3] ?? 0))) * 100) / Math.PI);
      const ab = schedule.alphaBars[t] ?? NaN;
      expect(row[0]).toBeCloseTo(Math.sqrt(ab) * 1 + Math.sqrt(1 - ab) * (target[2 * i] ?? NaN), 4);
      expect(row[1]).toBeCloseTo(Math.sqrt(ab) * -1 + Math.sqrt(1 - ab) * (target[2 * i + 1] ?? NaN), 4);
      expect(t).toBeGreaterThanOrEqual(1);
    }
  });

  it('drops every label with pUncond = 1, keeps every label with pUncond = 0, and drawn data is always ∅', () => {
    const classSum = (input: Float32Array) => {
      let s = 0;
      for (let i = 0; i < input.length / INPUT_DIM; i++)
        s += (input[i * INPUT_DIM + 18] ?? 0) + (input[i * INPUT_DIM + 19] ?? 0);
      return s;
    };
    const data = twoMoons(100, 2);
    expect(classSum(batchSampler(data, schedule, 50, mulberry32(1), 1)().input)).toBe(0);
    expect(classSum(batchSampler(data, schedule, 50, mulberry32(1), 0)().input)).toBe(50);
    expect(classSum(batchSampler(drawnDataset([{ x: 0, y: 0 }]), schedule, 50, mulberry32(1), 0)().input)).toBe(0);
  });

  it('refuses an empty dataset and a bad batch size or pUncond', () => {
    expect(() => batchSampler(drawnDataset([]), schedule, 8, mulberry32(1))).toThrow(/no points/);
    expect(() => batchSampler(twoMoons(5, 1), schedule, 0, mulberry32(1))).toThrow(/batch must be an integer/);
    expect(() => batchSampler(twoMoons(5, 1), schedule, 8, mulberry32(1), 2)).toThrow(/pUncond must be from 0 to 1/);
  });
});
