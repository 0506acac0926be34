/**
 * Reverse-process samplers over an abstract ε-predictor ε_θ(x_t, t, c):
 * - DDPM ancestral sampling (Ho, Jain & Abbeel 2020, arXiv:2006.11239, Algorithm 2, eq. 11):
 *   x_{t−1} = (1/√α_t)(x_t − β_t/√(1 − ᾱ_t) · ε_θ) + σ_t z, with σ_t² = β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t) · β_t (§3.2).
 *   With fewer steps than T it runs on the respaced schedule β_i = 1 − ᾱ_{τ_i}/ᾱ_{τ_{i−1}} (Nichol & Dhariwal 2021,
 *   arXiv:2102.09672, §4).
 * - DDIM with η = 0 (Song, Meng & Ermon 2020, arXiv:2010.02502, eq. 12): x̂_0 = (x_t − √(1 − ᾱ_t) ε_θ)/√ᾱ_t and
 *   x_{τ_{i−1}} = √ᾱ_{τ_{i−1}} x̂_0 + √(1 − ᾱ_{τ_{i−1}}) ε_θ, deterministic, on a uniform subsequence τ of 1 … T.
 * - Classifier-free guidance (Ho & Salimans 2022, arXiv:2207.12598, eq. 6, written with the scale w = 1 + w_paper):
 *   ε̃ = ε_θ(x, ∅) + w · (ε_θ(x, c) − ε_θ(x, ∅)); w = 0 is unconditional, w = 1 plain conditional.
 * Points are rows of a Float32Array (N × D, row-major); all noise is seeded.
 */
import { InputError } from '../modelSpec';
import { mulberry32, normal } from '../random';
import type { NoiseSchedule } from './schedule';

/** The class id meaning "no condition" (∅), the label dropped during classifier-free training. */
export const NO_CLASS = -1;

/**
 * Predicts ε for a batch: `x` holds N × D values, `t` is an integer timestep 1 … T, `cond` a class per row
 * (NO_CLASS for ∅) or null for an unconditional model. Returns N × D values.
 */
export type EpsPredictor = (x: Float32Array, t: number, cond: Int32Array | null) => Float32Array;

export type SamplerKind = 'ddpm' | 'ddim';
export const SAMPLER_KINDS: readonly SamplerKind[] = ['ddpm', 'ddim'];

export interface SamplerOptions {
  schedule: NoiseSchedule;
  kind: SamplerKind;
  /** Denoising steps S, 1 … T (a uniform subsequence of the T timesteps). */
  steps: number;
  /** N: points to draw. */
  n: number;
  /** D: dimensions per point. */
  dim: number;
  seed: number;
  /** One class per point (NO_CLASS for ∅), or null for an unconditional model. */
  cond?: Int32Array | null;
  /** Classifier-free guidance scale w (used when cond is given); default 1. */
  guidance?: number;
}

/** A sampler advanced one denoising step at a time (so a page can animate it between frames). */
export interface Sampler {
  /** The current points, N × D (x_T before the first step, x_0 after the last). */
  readonly x: Float32Array;
  /** The timesteps visited, descending: τ_S … τ_1, then 0. */
  readonly times: readonly number[];
  /** Steps taken so far, 0 … S. */
  readonly index: number;
  readonly done: boolean;
  /** Runs one denoising step; does nothing once done. */
  step(): void;
}

/** The uniform subsequence τ_1 < … < τ_S of 1 … T, τ_i = round(i·T/S), so τ_S = T. */
export function timesteps(T: number, steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 1 || steps > T) {
    throw new InputError('steps', `steps must be an integer from 1 to ${T}, got ${steps}`);
  }
  return Array.from({ length: steps }, (_, i) => Math.round(((i + 1) * T) / steps));
}

/** Classifier-free guidance: ε̃ = ε(x, ∅) + w · (ε(x, c) − ε(x, ∅)); rows with NO_CLASS stay unconditional. */
export function guided(eps: EpsPredictor, w: number): EpsPredictor {
  if (!Number.isFinite(w)) throw new InputError('guidance', `the guidance scale must be a finite number, got ${w}`);
  return (x, t, cond) => {
    if (!cond) return eps(x, t, null);
    const uncond = eps(x, t, new Int32Array(cond.length).fill(NO_CLASS));
    if (w === 0) return uncond;
    const conditional = eps(x, t, cond);
    if (w === 1) return conditional;
    const out = new Float32Array(uncond.length);
    for (let i = 0; i < out.length; i++) out[i] = (uncond[i] ?? 0) + w * ((conditional[i] ?? 0) - (uncond[i] ?? 0));
    return out;
  };
}

function checkOptions(o: SamplerOptions): void {
  const positive = (field: string, v: number, max: number) => {
    if (!Number.isInteger(v) || v < 1 || v > max) {
      throw new InputError(field, `${field} must be an integer from 1 to ${max.toLocaleString('en-US')}, got ${v}`);
    }
  };
  positive('n', o.n, 1_000_000);
  positive('dim', o.dim, 4096);
  if (o.cond && o.cond.length !== o.n) {
    throw new InputError('cond', `cond must hold one class per point (${o.n}), got ${o.cond.length}`);
  }
}

/** A step-by-step DDPM or DDIM sampler starting from seeded x_T ~ N(0, I). */
export function createSampler(eps: EpsPredictor, options: SamplerOptions): Sampler {
  checkOptions(options);
  const { schedule, kind, n, dim } = options;
  const taus = timesteps(schedule.T, options.steps);
  const times = [...taus.reverse(), 0];
  const noise = normal(mulberry32(options.seed));
  const x = new Float32Array(n * dim);
  for (let i = 0; i < x.length; i++) x[i] = noise();
  const cond = options.cond ?? null;
  const predict = cond ? guided(eps, options.guidance ?? 1) : eps;
  let index = 0;

  const step = () => {
    if (index >= times.length - 1) return;
    const t = times[index] ?? 0;
    const s = times[index + 1] ?? 0;
    const abT = schedule.alphaBars[t] ?? 1;
    const abS = schedule.alphaBars[s] ?? 1;
    const e = predict(x, t, cond);
    if (kind === 'ddim') {
      const sqT = Math.sqrt(abT);
      const nT = Math.sqrt(1 - abT);
      const sqS = Math.sqrt(abS);
      const nS = Math.sqrt(1 - abS);
      for (let i = 0; i < x.length; i++) {
        const ei = e[i] ?? 0;
        const x0 = ((x[i] ?? 0) - nT * ei) / sqT;
        x[i] = sqS * x0 + nS * ei;
      }
    } else {
      const beta = 1 - abT / abS;
      const coef = beta / Math.sqrt(1 - abT);
      const scale = 1 / Math.sqrt(1 - beta);
      const sigma = s > 0 ? Math.sqrt(((1 - abS) / (1 - abT)) * beta) : 0;
      for (let i = 0; i < x.length; i++) {
        const mean = scale * ((x[i] ?? 0) - coef * (e[i] ?? 0));
        x[i] = sigma > 0 ? mean + sigma * noise() : mean;
      }
    }
    index += 1;
  };

  return {
    x,
    times,
    get index() {
      return index;
    },
    get done() {
      return index >= times.length - 1;
    },
    step,
  };
}

/** Runs a sampler to the end; with `record`, also returns every intermediate x (S + 1 snapshots, x_T first). */
export function sample(
  eps: EpsPredictor,
  options: SamplerOptions,
  record = false,
): { x: Float32Array; path: Float32Array[] } {
  const sampler = createSampler(eps, options);
  const path: Float32Array[] = record ? [sampler.x.slice()] : [];
  while (!sampler.done) {
    sampler.step();
    if (record) path.push(sampler.x.slice());
  }
  return { x: sampler.x, path };
}
