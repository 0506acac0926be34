/**
 * Scaled dot-product attention computed the textbook way (Vaswani et al. 2017, "Attention Is All You Need",
 * arXiv:1706.03762 §3.2.1, eq. 1): S = Q·Kᵀ/√d + B, P = softmax(S) row by row (the row maximum subtracted first),
 * O = P·V. The full [Tq, Tk] score and weight matrices are formed and returned: this is the reference that the tiled
 * kernel (flashAttention.ts) and the biased variant (alibi.ts) are checked against. An optional additive bias B
 * carries position terms such as ALiBi's; the causal mask sets S to −∞ for keys after the query (aligned at the end
 * when Tk > Tq, as in decoding). Float64, row-major.
 */
import { InputError, positiveInt } from './modelSpec';

/** The largest sequence length accepted (queries or keys). */
export const MAX_SDPA_TOKENS = 4096;
/** The largest head dimension accepted. */
export const MAX_SDPA_DIM = 1024;

/** Shapes: Q is [queries, dim], K is [keys, dim], V is [keys, valueDim]. */
export interface AttentionShape {
  queries: number;
  keys: number;
  dim: number;
  /** Defaults to dim. */
  valueDim?: number;
}

export interface AttentionOptions {
  /** Keys after the query are masked (key j is visible to query i when j ≤ i + keys − queries). */
  causal?: boolean;
  /** An additive term on the scaled score of (query i, key j), e.g. ALiBi's −m·(i − j). */
  bias?: (i: number, j: number) => number;
  /** The score scale; defaults to 1/√dim. */
  scale?: number;
}

export interface AttentionResult {
  /** [queries, keys] scaled scores plus bias; −∞ where masked. */
  scores: Float64Array;
  /** [queries, keys] softmax weights; every row sums to 1, 0 where masked. */
  weights: Float64Array;
  /** [queries, valueDim] the weighted sums of value rows. */
  output: Float64Array;
}

/** Checks a shape and the three arrays against it; returns the value width. */
export function checkAttentionInputs(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  shape: AttentionShape,
): number {
  positiveInt('queries', shape.queries, MAX_SDPA_TOKENS);
  positiveInt('keys', shape.keys, MAX_SDPA_TOKENS);
  positiveInt('dim', shape.dim, MAX_SDPA_DIM);
  const dv = positiveInt('valueDim', shape.valueDim ?? shape.dim, MAX_SDPA_DIM);
  const expect = (field: string, array: ArrayLike<number>, rows: number, cols: number) => {
    if (array.length !== rows * cols)
      throw new InputError(field, `${field} must hold ${rows} × ${cols} = ${rows * cols} numbers, got ${array.length}`);
  };
  expect('q', q, shape.queries, shape.dim);
  expect('k', k, shape.keys, shape.dim);
  expect('v', v, shape.keys, dv);
  return dv;
}

/** Whether key j is visible to query i under the options' mask. */
export function visible(i: number, j: number, shape: AttentionShape, causal: boolean): boolean {
  return !causal || j <= i + shape.keys - shape.queries;
}

/** softmax(Q·Kᵀ·scale + B)·V with every intermediate kept. Throws an InputError naming a bad shape or array. */
export function naiveAttention(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  shape: AttentionShape,
  options: AttentionOptions = {},
): AttentionResult {
  const dv = checkAttentionInputs(q, k, v, shape);
  const { queries: Tq, keys: Tk, dim: d } = shape;
  const scale = options.scale ?? 1 / Math.sqrt(d);
  const causal = options.causal ?? false;
  const scores = new Float64Array(Tq * Tk);
  const weights = new Float64Array(Tq * Tk);
  const output = new Float64Array(Tq * dv);
  for (let i = 0; i < Tq; i++) {
    let max = -Infinity;
    for (let j = 0; j < Tk; j++) {
      let s = -Infinity;
      if (visible(i, j, shape, causal)) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += (q[i * d + c] ?? 0) * (k[j * d + c] ?? 0);
        s = dot * scale + (options.bias ? options.bias(i, j) : 0);
      }
      scores[i * Tk + j] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let j = 0; j < Tk; j++) {
      const s = scores[i * Tk + j] ?? -Infinity;
      const e = s === -Infinity ? 0 : Math.exp(s - max);
      weights[i * Tk + j] = e;
      sum += e;
    }
    // A row with every key masked (possible only through the bias) keeps zero weights and a zero output.
    if (sum === 0) continue;
    for (let j = 0; j < Tk; j++) {
      const w = (weights[i * Tk + j] ?? 0) / sum;
      weights[i * Tk + j] = w;
      if (w === 0) continue;
      for (let c = 0; c < dv; c++) output[i * dv + c] = (output[i * dv + c] ?? 0) + w * (v[j * dv + c] ?? 0);
    }
  }
  return { scores, weights, output };
}
