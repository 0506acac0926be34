import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './eigen';

describe('symmetricEigen (cyclic Jacobi)', () => {
  it('[[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, −1)/√2 up to sign', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(Math.abs(vectors[2] ?? 0)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('reconstructs random symmetric matrices as V Λ Vᵀ with orthonormal V, eigenvalues sorted', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n * n, maxLength: n * n }),
            ),
          ),
        ([n, raw]) => {
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i += 1)
            for (let j = 0; j < n; j += 1) a[i * n + j] = ((raw[i * n + j] ?? 0) + (raw[j * n + i] ?? 0)) / 2;
          const { values, vectors } = symmetricEigen(a, n);
          for (let i = 1; i < n; i += 1) expect(values[i - 1]).toBeGreaterThanOrEqual((values[i] ?? 0) - 1e-9);
          for (let i = 0; i < n; i += 1) {
            for (let j = 0; j < n; j += 1) {
              let rec = 0;
              let dot = 0;
              for (let c = 0; c < n; c += 1) {
                rec += (vectors[c * n + i] ?? 0) * (values[c] ?? 0) * (vectors[c * n + j] ?? 0);
                dot += (vectors[i * n + c] ?? 0) * (vectors[j * n + c] ?? 0);
              }
              expect(rec).toBeCloseTo(a[i * n + j] ?? 0, 8);
              expect(dot).toBeCloseTo(i === j ? 1 : 0, 8);
            }
          }
        },
      ),
    );
  });

  it('rejects a matrix whose length is not n²', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow('n² = 4');
  });
});
