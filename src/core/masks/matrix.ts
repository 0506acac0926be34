/**
 * The mask matrix M (n×n, row = query, column = key) of scaled dot-product attention (Vaswani et al. 2017, §3.2.1
 * eq. 1, masking as in §3.2.3), built row by row from the closed forms of each pattern in patterns.ts (Longformer
 * §3.1, Sparse Transformers §4, Llama 4 chunked attention, T5 §3.2.1). Each row is written as a few contiguous
 * runs or strided positions, so a matrix costs O(pairs) writes instead of n² predicate calls: this is the hot path
 * of the N = 1024 heatmap. The property tests check it cell by cell against the predicates.
 */
import { assertMaskParams } from './validate';
import type { MaskParams, PatternName } from './types';

/** Sets the keys of `query` to 1 in `out[offset … offset + n − 1]` (which must be zero). */
type RowWriter = (query: number, out: Uint8Array, offset: number) => void;

function compileRow(pattern: PatternName, p: MaskParams): RowWriter {
  const { n, window: w, dilation: d, group: g, chunk: c, prefix } = p;
  const causal = p.direction === 'causal';
  const half = w >> 1;
  /** Keys lo…hi (1-based, inclusive, clipped to 1…n). */
  const run = (out: Uint8Array, offset: number, lo: number, hi: number) => {
    const start = Math.max(1, lo);
    const end = Math.min(n, hi);
    if (start <= end) out.fill(1, offset + start - 1, offset + end);
  };
  const slidingRow: RowWriter = (q, out, o) => (causal ? run(out, o, q - w + 1, q) : run(out, o, q - half, q + half));

  switch (pattern) {
    case 'full':
      return (_q, out, o) => run(out, o, 1, n);
    case 'causal':
      return (q, out, o) => run(out, o, 1, q);
    case 'sliding':
      return slidingRow;
    case 'dilated':
      return (q, out, o) => {
        const lo = causal ? q - (w - 1) * d : q - half * d;
        const hi = causal ? q : q + half * d;
        for (let k = q; k >= Math.max(1, lo); k -= d) out[o + k - 1] = 1;
        for (let k = q + d; k <= Math.min(n, hi); k += d) out[o + k - 1] = 1;
      };
    case 'local-global': {
      const isGlobal = new Uint8Array(n + 1);
      for (const position of p.global) isGlobal[position] = 1;
      return (q, out, o) => {
        if (isGlobal[q]) return run(out, o, 1, causal ? q : n);
        slidingRow(q, out, o);
        for (const position of p.global) if (!causal || position <= q) out[o + position - 1] = 1;
      };
    }
    case 'grouped-window':
      return (q, out, o) => {
        const first = Math.floor((q - 1) / g) * g + 1;
        run(out, o, first, causal ? q : first + g - 1);
        const last = causal ? q : n;
        for (let k = 1; k <= last; k += g) out[o + k - 1] = 1;
      };
    case 'chunked':
      return (q, out, o) => run(out, o, Math.floor((q - 1) / c) * c + 1, q);
    case 'prefix-lm':
      return (q, out, o) => run(out, o, 1, q <= prefix ? prefix : q);
  }
}

/**
 * The n×n mask as bytes (1 = may attend), row-major with the query as the row: cell (query, key), both 1-based,
 * is at `(query − 1)·n + (key − 1)`. Pass `out` (length ≥ n²) to reuse a buffer between repaints.
 */
export function maskMatrix(pattern: PatternName, params: MaskParams, out?: Uint8Array): Uint8Array {
  assertMaskParams(params);
  const { n } = params;
  if (out !== undefined && out.length < n * n) {
    throw new RangeError(`maskMatrix: out must hold n² = ${n * n} cells, got ${out.length}`);
  }
  const matrix = out ?? new Uint8Array(n * n);
  matrix.fill(0, 0, n * n);
  const writeRow = compileRow(pattern, params);
  for (let query = 1; query <= n; query++) writeRow(query, matrix, (query - 1) * n);
  return matrix;
}

/** The number of attended (query, key) pairs of one pattern, without keeping the matrix. */
export function countPairs(pattern: PatternName, params: MaskParams): number {
  assertMaskParams(params);
  const { n } = params;
  const row = new Uint8Array(n);
  const writeRow = compileRow(pattern, params);
  let pairs = 0;
  for (let query = 1; query <= n; query++) {
    row.fill(0);
    writeRow(query, row, 0);
    for (let k = 0; k < n; k++) pairs += row[k] ?? 0;
  }
  return pairs;
}
