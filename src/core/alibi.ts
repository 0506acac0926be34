/**
 * Attention with Linear Biases (Press, Smith & Lewis 2021, "Train Short, Test Long", arXiv:2108.12409 §3): no position
 * embeddings; head h adds −m_h·(i − j) to the score of query i and key j ≤ i, softmax(q_iᵀk_j/√d − m_h(i − j)).
 * The slopes are the geometric sequence that starts at 2^(−8/H) with that same ratio, m_h = 2^(−8h/H), h = 1…H
 * (1/2 … 1/256 for H = 8). For H not a power of two the reference implementation (ofirpress/attention_with_linear_biases,
 * get_slopes) takes the slopes for the nearest lower power of two P and appends every other slope of the sequence for
 * 2P, the first H − P of them. The attention itself is src/core/sdpa.ts with this bias.
 */
import { InputError, positiveInt } from './modelSpec';
import { naiveAttention, type AttentionResult } from './sdpa';

/** The most heads accepted. */
export const MAX_ALIBI_HEADS = 1024;

function powerOfTwoSlopes(n: number): number[] {
  return Array.from({ length: n }, (_, h) => 2 ** ((-8 * (h + 1)) / n));
}

/** m_1 … m_H for H heads: 2^(−8h/H) when H is a power of two, the reference code's interleaving otherwise. */
export function alibiSlopes(heads: number): Float64Array {
  positiveInt('heads', heads, MAX_ALIBI_HEADS);
  const P = 2 ** Math.floor(Math.log2(heads));
  if (P === heads) return Float64Array.from(powerOfTwoSlopes(heads));
  const extra = powerOfTwoSlopes(2 * P).filter((_, i) => i % 2 === 0);
  return Float64Array.from([...powerOfTwoSlopes(P), ...extra.slice(0, heads - P)]);
}

/** ALiBi's term for query i and key j: −m·(i − j) for j ≤ i, −∞ for j > i (the causal mask folded in). */
export function alibiBias(slope: number, i: number, j: number): number {
  return j > i ? -Infinity : -slope * (i - j);
}

/** The [n, n] bias matrix of one head (row = query, column = key). */
export function alibiBiasMatrix(slope: number, n: number): Float64Array {
  if (typeof slope !== 'number' || !Number.isFinite(slope) || slope < 0)
    throw new InputError('slope', `slope must be a finite number ≥ 0, got ${slope}`);
  positiveInt('n', n, 4096);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = alibiBias(slope, i, j);
  return out;
}

/** Causal attention of one head over q, k, v ([n, d] each) with ALiBi's bias for `slope`. */
export function alibiAttention(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  d: number,
  slope: number,
): AttentionResult {
  return naiveAttention(q, k, v, { queries: n, keys: n, dim: d }, { causal: true, bias: (i, j) => -slope * (i - j) });
}
