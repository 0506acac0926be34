/**
 * Noise schedules of the diffusion forward process q(x_t | x_{t−1}) = N(√(1−β_t) x_{t−1}, β_t I).
 *
 * - Linear: β_t rises linearly from β_1 = 1e-4 to β_T = 0.02 over T = 1000 steps (Ho, Jain & Abbeel 2020, "Denoising
 *   Diffusion Probabilistic Models", arXiv:2006.11239, §4). For other T the end points are scaled by 1000/T so the
 *   total noise stays comparable, as in the released code of Nichol & Dhariwal 2021 (`get_named_beta_schedule`).
 * - Cosine: ᾱ_t = f(t)/f(0), f(t) = cos²(((t/T + s)/(1 + s)) · π/2), s = 0.008, with β_t = 1 − ᾱ_t/ᾱ_{t−1} clipped
 *   to at most 0.999 (Nichol & Dhariwal 2021, "Improved Denoising Diffusion Probabilistic Models", arXiv:2102.09672,
 *   §3.2, eq. 17).
 *
 * α_t = 1 − β_t, ᾱ_t = ∏_{s ≤ t} α_s (DDPM eq. 4) and the signal-to-noise ratio SNR(t) = ᾱ_t / (1 − ᾱ_t)
 * (Kingma et al. 2021, "Variational Diffusion Models", arXiv:2107.00630, eq. 2). Timesteps run 1 … T; t = 0 is the
 * clean sample (ᾱ_0 = 1).
 */
import { InputError } from '../modelSpec';

export type ScheduleKind = 'linear' | 'cosine';
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['linear', 'cosine'];

/** The fewest and most steps a schedule accepts. */
export const MIN_T = 2;
export const MAX_T = 10_000;
/** The largest β any schedule produces (Nichol & Dhariwal clip the cosine schedule here). */
export const MAX_BETA = 0.999;

export interface NoiseSchedule {
  readonly kind: ScheduleKind;
  /** T: the number of noising steps. */
  readonly T: number;
  /** betas[t − 1] = β_t for t = 1 … T. */
  readonly betas: Float64Array;
  /** alphas[t − 1] = α_t = 1 − β_t. */
  readonly alphas: Float64Array;
  /** alphaBars[t] = ᾱ_t for t = 0 … T (alphaBars[0] = 1). */
  readonly alphaBars: Float64Array;
}

function checkT(T: number): void {
  if (!Number.isInteger(T) || T < MIN_T || T > MAX_T) {
    throw new InputError('T', `T must be an integer from ${MIN_T} to ${MAX_T.toLocaleString('en-US')}, got ${T}`);
  }
}

function fromBetas(kind: ScheduleKind, betas: Float64Array): NoiseSchedule {
  const T = betas.length;
  const alphas = new Float64Array(T);
  const alphaBars = new Float64Array(T + 1);
  alphaBars[0] = 1;
  let prod = 1;
  for (let i = 0; i < T; i++) {
    const a = 1 - (betas[i] ?? 0);
    alphas[i] = a;
    prod *= a;
    alphaBars[i + 1] = prod;
  }
  return { kind, T, betas, alphas, alphaBars };
}

/**
 * The DDPM linear schedule over T steps. Defaults: β from 1e-4 to 0.02 at T = 1000, scaled by 1000/T otherwise
 * (β clipped to MAX_BETA).
 */
export function linearSchedule(T = 1000, betaStart = 1e-4 * (1000 / T), betaEnd = 0.02 * (1000 / T)): NoiseSchedule {
  checkT(T);
  if (!(betaStart > 0 && betaStart <= betaEnd && Number.isFinite(betaEnd))) {
    throw new InputError('beta', `β must satisfy 0 < β_start ≤ β_end (finite), got ${betaStart} and ${betaEnd}`);
  }
  const betas = new Float64Array(T);
  for (let i = 0; i < T; i++) betas[i] = Math.min(MAX_BETA, betaStart + ((betaEnd - betaStart) * i) / (T - 1));
  return fromBetas('linear', betas);
}

/** The cosine schedule of Improved DDPM (s = 0.008, β clipped to 0.999). */
export function cosineSchedule(T = 1000, s = 0.008): NoiseSchedule {
  checkT(T);
  if (!(s >= 0 && s <= 1)) throw new InputError('s', `the cosine offset s must be from 0 to 1, got ${s}`);
  const f = (t: number) => Math.cos(((t / T + s) / (1 + s)) * (Math.PI / 2)) ** 2;
  const betas = new Float64Array(T);
  for (let t = 1; t <= T; t++) betas[t - 1] = Math.min(MAX_BETA, 1 - f(t) / f(t - 1));
  return fromBetas('cosine', betas);
}

/** A schedule by name. */
export function makeSchedule(kind: ScheduleKind, T = 1000): NoiseSchedule {
  return kind === 'cosine' ? cosineSchedule(T) : linearSchedule(T);
}

function checkStep(schedule: NoiseSchedule, t: number): void {
  if (!Number.isInteger(t) || t < 0 || t > schedule.T) {
    throw new InputError('t', `t must be an integer from 0 to ${schedule.T}, got ${t}`);
  }
}

/** ᾱ_t, for t = 0 … T. */
export function alphaBarAt(schedule: NoiseSchedule, t: number): number {
  checkStep(schedule, t);
  return schedule.alphaBars[t] ?? 1;
}

/** SNR(t) = ᾱ_t / (1 − ᾱ_t); Infinity at t = 0. */
export function snrAt(schedule: NoiseSchedule, t: number): number {
  const ab = alphaBarAt(schedule, t);
  return ab >= 1 ? Infinity : ab / (1 - ab);
}

/** SNR in decibels, 10·log10(SNR); Infinity at t = 0. */
export function snrDb(snr: number): number {
  return snr === Infinity ? Infinity : 10 * Math.log10(snr);
}
