/**
 * Shared pieces of the lab's jax-js model code: the module and array types, and the constant matrices the forward
 * passes build (the rotate-half matrix of RoPE in the GPT-NeoX/Llama layout, Su et al. 2021, arXiv:2104.09864
 * §3.4.2; the additive causal sliding-window mask, Beltagy et al. 2020, arXiv:2004.05150).
 */
import type * as JaxModule from '@jax-js/jax';

/** The jax-js module. */
export type Jax = typeof JaxModule;
/** A jax-js array. */
export type JArray = JaxModule.Array;
/** The model's parameters by name. */
export type Params = Record<string, JArray>;

/** Core arrays are plain ArrayBuffer-backed; jax-js's DataArray type spells that out. */
export const own = (a: Float32Array) => a as Float32Array<ArrayBuffer>;

/** The rotate-half matrix R of size hd × hd: (x₁, x₂)·R = (−x₂, x₁) for the halves x₁, x₂ of a head vector. */
export function rotateHalfMatrix(hd: number): Float32Array {
  const half = hd / 2;
  const r = new Float32Array(hd * hd);
  for (let i = 0; i < half; i++) {
    r[(i + half) * hd + i] = -1;
    r[i * hd + i + half] = 1;
  }
  return r;
}

/** The additive mask [T, T]: 0 where key j may be seen by query i (j ≤ i, within the window), −1e9 elsewhere. */
export function maskValues(length: number, window: number | null): Float32Array {
  const w = window ?? length;
  const m = new Float32Array(length * length);
  for (let i = 0; i < length; i++) for (let j = 0; j < length; j++) m[i * length + j] = j <= i && i - j < w ? 0 : -1e9;
  return m;
}
