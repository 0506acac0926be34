/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan, Matrix
 * Computations, 4th ed., §8.5: "Jacobi Methods"). The LSA leg needs the top singular vectors of a chunks × terms
 * matrix A; with ~150 chunks it is cheaper and dependency-free to diagonalise the Gram matrix A·Aᵀ (n × n) here than to
 * run a general SVD on the ~150 × 2,000 matrix. Deterministic: eigenvectors are sign-normalised so that their
 * largest-magnitude component is positive.
 */

export interface EigenResult {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as rows: vector i occupies vectors[i·n … i·n + n − 1]. */
  vectors: Float64Array;
}

/** Eigenvalues and eigenvectors of the symmetric n × n matrix `a` (row-major; not modified). */
export function symmetricEigen(a: Float64Array, n: number, maxSweeps = 60): EigenResult {
  if (a.length !== n * n) throw new RangeError(`matrix must have n² = ${n * n} entries, got ${a.length}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) v[i * n + i] = 1;
  let total = 0;
  for (const x of m) total += x * x;
  const tolerance = 1e-22 * Math.max(total, Number.MIN_VALUE);

  for (let sweep = 0; sweep < maxSweeps; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += (m[p * n + q] ?? 0) ** 2;
    if (off <= tolerance) break;
    for (let p = 0; p < n - 1; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = m[p * n + q] ?? 0;
        if (apq === 0) continue;
        const app = m[p * n + p] ?? 0;
        const aqq = m[q * n + q] ?? 0;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          if (k === p || k === q) continue;
          const akp = m[k * n + p] ?? 0;
          const akq = m[k * n + q] ?? 0;
          const kp = c * akp - s * akq;
          const kq = s * akp + c * akq;
          m[k * n + p] = kp;
          m[p * n + k] = kp;
          m[k * n + q] = kq;
          m[q * n + k] = kq;
        }
        m[p * n + p] = app - t * apq;
        m[q * n + q] = aqq + t * apq;
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k * n + p] ?? 0;
          const vkq = v[k * n + q] ?? 0;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (m[j * n + j] ?? 0) - (m[i * n + i] ?? 0));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((col, row) => {
    values[row] = m[col * n + col] ?? 0;
    let largest = 0;
    for (let k = 0; k < n; k += 1) {
      const x = v[k * n + col] ?? 0;
      if (Math.abs(x) > Math.abs(largest)) largest = x;
    }
    const sign = largest < 0 ? -1 : 1;
    for (let k = 0; k < n; k += 1) vectors[row * n + k] = sign * (v[k * n + col] ?? 0);
  });
  return { values, vectors };
}
