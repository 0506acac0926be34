import { describe, expect, it } from 'vitest';
import { InputError } from './modelSpec';
import { randn } from './random';
import { naiveAttention } from './sdpa';

const tensor = (rows: number, cols: number, seed: number) => Float64Array.from(randn(rows * cols, seed));

describe('naiveAttention (the reference)', () => {
  it('q = (1, 0) over keys (1, 0), (0, 1), d = 2: weights 0.66976…, 0.33024…; output (1.66048, 2.66048)', () => {
    const r = naiveAttention([1, 0], [1, 0, 0, 1], [1, 2, 3, 4], { queries: 1, keys: 2, dim: 2 });
    expect(r.weights[0]).toBeCloseTo(0.6697615493266569, 12);
    expect(r.weights[1]).toBeCloseTo(0.3302384506733431, 12);
    expect(r.output[0]).toBeCloseTo(1.6604769013466862, 12);
    expect(r.output[1]).toBeCloseTo(2.6604769013466862, 12);
  });

  it('causal rows put zero weight on later keys and every row sums to 1', () => {
    const r = naiveAttention(
      tensor(5, 4, 1),
      tensor(5, 4, 2),
      tensor(5, 4, 3),
      { queries: 5, keys: 5, dim: 4 },
      {
        causal: true,
      },
    );
    for (let i = 0; i < 5; i++) {
      let sum = 0;
      for (let j = 0; j < 5; j++) {
        sum += r.weights[i * 5 + j]!;
        if (j > i) {
          expect(r.weights[i * 5 + j]).toBe(0);
          expect(r.scores[i * 5 + j]).toBe(-Infinity);
        }
      }
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('names the array that does not fit the shape', () => {
    expect(() => naiveAttention([1, 2], [1, 2], [1], { queries: 1, keys: 1, dim: 2 })).toThrow(
      'v must hold 1 × 2 = 2 numbers, got 1',
    );
    expect(() => naiveAttention([], [], [], { queries: 0, keys: 1, dim: 2 })).toThrow(InputError);
  });
});
