/**
 * The diffusion forward process (Ho, Jain & Abbeel 2020, arXiv:2006.11239, §2):
 *   one step   q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I)            (eq. 2)
 *   closed form q(x_t | x_0)    = N(√ᾱ_t x_0, (1 − ᾱ_t) I)                 (eq. 4)
 * so x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε with ε ~ N(0, I), the reparameterisation used for training (Algorithm 1).
 * Noise comes from the seeded generator of ../random, so the same seed always gives the same noise.
 */
import { InputError } from '../modelSpec';
import { mulberry32, normal, randn } from '../random';
import { alphaBarAt, type NoiseSchedule } from './schedule';

/** x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε for a given noise sample ε (same length as x_0). */
export function qSampleWith(
  x0: ArrayLike<number>,
  t: number,
  schedule: NoiseSchedule,
  eps: ArrayLike<number>,
): Float32Array {
  if (eps.length !== x0.length) {
    throw new InputError('eps', `ε must have as many elements as x_0 (${x0.length}), got ${eps.length}`);
  }
  const ab = alphaBarAt(schedule, t);
  const a = Math.sqrt(ab);
  const s = Math.sqrt(1 - ab);
  const out = new Float32Array(x0.length);
  for (let i = 0; i < x0.length; i++) out[i] = a * (x0[i] ?? 0) + s * (eps[i] ?? 0);
  return out;
}

/** One draw from q(x_t | x_0) in closed form, with ε from `seed`. */
export function qSample(x0: ArrayLike<number>, t: number, schedule: NoiseSchedule, seed: number): Float32Array {
  return qSampleWith(x0, t, schedule, randn(x0.length, seed));
}

/**
 * One draw of x_t by running the chain step by step from x_0: x_s = √(1 − β_s) x_{s−1} + √β_s ε_s for s = 1 … t.
 * Equal in distribution to qSample (the point of eq. 4), though not sample by sample.
 */
export function forwardChain(x0: ArrayLike<number>, t: number, schedule: NoiseSchedule, seed: number): Float32Array {
  alphaBarAt(schedule, t);
  const next = normal(mulberry32(seed));
  const x = Float64Array.from(x0);
  for (let s = 1; s <= t; s++) {
    const beta = schedule.betas[s - 1] ?? 0;
    const keep = Math.sqrt(1 - beta);
    const add = Math.sqrt(beta);
    for (let i = 0; i < x.length; i++) x[i] = keep * (x[i] ?? 0) + add * next();
  }
  return Float32Array.from(x);
}
