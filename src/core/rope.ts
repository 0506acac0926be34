/**
 * Rotary position embedding (Su et al. 2021, RoFormer, arXiv:2104.09864 §3.2–3.4): pair i of a head vector of width d
 * is rotated by m·θ_i at position m, θ_i = b^(−2i/d) (eq. 15), so ⟨R_m q, R_n k⟩ = ⟨R_{m−n} q, k⟩ (eq. 16) and the
 * score depends on the offset only; the bound on the score decays with distance (§3.4.3, eq. 35–37).
 * Pairs are adjacent dimensions (2i, 2i+1), Meta's Llama layout. Context extension rescales the frequencies:
 *   Position Interpolation, Chen et al. 2023, arXiv:2306.15595 eq. 4 (θ_i / s);
 *   NTK-aware scaling, bloc97 2023, https://www.reddit.com/r/LocalLLaMA/comments/14lz7j5/ (b' = b · s^(d/(d−2)));
 *   YaRN, Peng et al. 2023, arXiv:2309.00071 §3.2 Definition 2 ("NTK-by-parts", α = 1, β = 32) and §3.4 (attention
 *     temperature √(1/t) = 0.1 ln s + 1);
 *   Llama 3.1, meta-llama/llama-models `apply_scaling` (factor 8, low/high frequency factors 1 and 4, original
 *     context 8192): wavelengths below L/high keep θ, above L/low take θ/s, linear blend in between.
 * Everything is float64.
 */
import { InputError, positiveInt } from './modelSpec';

/** The largest head dimension accepted. */
export const MAX_ROPE_DIM = 4096;
/** The largest RoPE base accepted. */
export const MAX_ROPE_BASE = 1e12;
/** The largest context-extension factor accepted. */
export const MAX_SCALE_FACTOR = 1024;

export type ScalingMethod = 'none' | 'pi' | 'ntk' | 'yarn' | 'llama3';
export const SCALING_METHODS: readonly ScalingMethod[] = ['none', 'pi', 'ntk', 'yarn', 'llama3'];

export const SCALING_LABELS: Record<ScalingMethod, string> = {
  none: 'No scaling',
  pi: 'Position Interpolation',
  ntk: 'NTK-aware',
  yarn: 'YaRN',
  llama3: 'Llama 3.1',
};

export interface ScalingOptions {
  /** s: the extension factor L'/L (Llama 3.1: 8). */
  factor: number;
  /** L: the context length the model was trained at (Llama 3.1: 8192). */
  originalContext: number;
  /** Llama 3.1 low_freq_factor (default 1). */
  lowFreqFactor?: number;
  /** Llama 3.1 high_freq_factor (default 4). */
  highFreqFactor?: number;
  /** YaRN α (default 1) and β (default 32): bands with fewer than α turns in L are interpolated, more than β kept. */
  yarnAlpha?: number;
  yarnBeta?: number;
}

/** Llama 3.1's scaling parameters (llama-models `apply_scaling`). */
export const LLAMA31_SCALING: Required<
  Pick<ScalingOptions, 'factor' | 'originalContext' | 'lowFreqFactor' | 'highFreqFactor'>
> = { factor: 8, originalContext: 8192, lowFreqFactor: 1, highFreqFactor: 4 };

/** Checks a head dimension: an even integer from 2 to MAX_ROPE_DIM. */
export function validateDim(dim: number): number {
  positiveInt('dim', dim, MAX_ROPE_DIM);
  if (dim % 2 !== 0) throw new InputError('dim', `dim must be an even integer from 2 to ${MAX_ROPE_DIM}, got ${dim}`);
  return dim;
}

/** Checks a RoPE base: a finite number greater than 1 and at most MAX_ROPE_BASE. */
export function validateBase(base: number): number {
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 1 || base > MAX_ROPE_BASE)
    throw new InputError('base', `base must be a number greater than 1 and at most ${MAX_ROPE_BASE}, got ${base}`);
  return base;
}

/** θ_i = base^(−2i/dim) for i = 0 … dim/2 − 1 (eq. 15). */
export function ropeFrequencies(dim: number, base: number): Float64Array {
  validateDim(dim);
  validateBase(base);
  const out = new Float64Array(dim / 2);
  for (let i = 0; i < out.length; i++) out[i] = base ** ((-2 * i) / dim);
  return out;
}

/** λ_i = 2π/θ_i: tokens per full turn of each pair. */
export function wavelengths(freqs: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: freqs.length }, (_, i) => (2 * Math.PI) / (freqs[i] ?? 1));
}

function checkPair(x: ArrayLike<number>, freqs: ArrayLike<number>): void {
  if (x.length !== 2 * freqs.length)
    throw new InputError('x', `x must have 2 · ${freqs.length} = ${2 * freqs.length} elements, got ${x.length}`);
}

/** R_m x: pair (2i, 2i+1) rotated by m·θ_i (eq. 14–15, the real-matrix form). */
export function rotate(x: ArrayLike<number>, position: number, freqs: ArrayLike<number>): Float64Array {
  checkPair(x, freqs);
  const out = new Float64Array(x.length);
  for (let i = 0; i < freqs.length; i++) {
    const angle = position * (freqs[i] ?? 0);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const a = x[2 * i] ?? 0;
    const b = x[2 * i + 1] ?? 0;
    out[2 * i] = a * c - b * s;
    out[2 * i + 1] = a * s + b * c;
  }
  return out;
}

/** The same rotation as a complex product: (x_2i + i·x_2i+1) · e^(i·m·θ_i) (eq. 12–13). */
export function rotateComplex(x: ArrayLike<number>, position: number, freqs: ArrayLike<number>): Float64Array {
  checkPair(x, freqs);
  const out = new Float64Array(x.length);
  for (let i = 0; i < freqs.length; i++) {
    const [re, im] = cmul([x[2 * i] ?? 0, x[2 * i + 1] ?? 0], expi(position * (freqs[i] ?? 0)));
    out[2 * i] = re;
    out[2 * i + 1] = im;
  }
  return out;
}

type Complex = [number, number];
const expi = (angle: number): Complex => [Math.cos(angle), Math.sin(angle)];
const cmul = ([a, b]: Complex, [c, d]: Complex): Complex => [a * c - b * d, a * d + b * c];

/** ⟨a, b⟩. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** The attention logit (before 1/√d) between a query at position m and a key at position n: ⟨R_m q, R_n k⟩. */
export function ropeScore(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  m: number,
  n: number,
  freqs: ArrayLike<number>,
): number {
  return dot(rotate(q, m, freqs), rotate(k, n, freqs));
}

/**
 * Su et al.'s relative upper bound on the score at distance Δ (§3.4.3, eq. 37, Fig. 2): (1/(d/2)) Σ_{j=1}^{d/2} |S_j|
 * with S_j = Σ_{k<j} e^(iΔθ_k), divided by its value at Δ = 0 ((d/2 + 1)/2), so it is 1 at Δ = 0 and decays (with
 * ripples) as Δ grows.
 */
export function decayBound(freqs: ArrayLike<number>, distance: number): number {
  let re = 0;
  let im = 0;
  let total = 0;
  for (let k = 0; k < freqs.length; k++) {
    const angle = distance * (freqs[k] ?? 0);
    re += Math.cos(angle);
    im += Math.sin(angle);
    total += Math.hypot(re, im);
  }
  const n = freqs.length;
  return n === 0 ? 0 : total / ((n * (n + 1)) / 2);
}

function checkScaling(options: ScalingOptions): Required<ScalingOptions> {
  const { factor, originalContext } = options;
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 1 || factor > MAX_SCALE_FACTOR)
    throw new InputError('factor', `factor must be a number from 1 to ${MAX_SCALE_FACTOR}, got ${factor}`);
  positiveInt('originalContext', originalContext, 100_000_000);
  const low = options.lowFreqFactor ?? LLAMA31_SCALING.lowFreqFactor;
  const high = options.highFreqFactor ?? LLAMA31_SCALING.highFreqFactor;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low > 0 && high > low))
    throw new InputError('highFreqFactor', `need 0 < lowFreqFactor < highFreqFactor, got ${low} and ${high}`);
  const alpha = options.yarnAlpha ?? 1;
  const beta = options.yarnBeta ?? 32;
  if (!(Number.isFinite(alpha) && Number.isFinite(beta) && alpha > 0 && beta > alpha))
    throw new InputError('yarnBeta', `need 0 < yarnAlpha < yarnBeta, got ${alpha} and ${beta}`);
  return { factor, originalContext, lowFreqFactor: low, highFreqFactor: high, yarnAlpha: alpha, yarnBeta: beta };
}

/** The frequencies a context-extension method uses in place of θ_i (with the same dim and base). */
export function scaledFrequencies(
  dim: number,
  base: number,
  method: ScalingMethod,
  options: ScalingOptions,
): Float64Array {
  const theta = ropeFrequencies(dim, base);
  const o = checkScaling(options);
  const s = o.factor;
  const L = o.originalContext;
  switch (method) {
    case 'none':
      return theta;
    case 'pi':
      return theta.map((t) => t / s);
    case 'ntk':
      return ropeFrequencies(dim, base * s ** (dim / (dim - 2 || 1)));
    case 'yarn':
      return theta.map((t) => {
        const r = L / ((2 * Math.PI) / t);
        const gamma = r < o.yarnAlpha ? 0 : r > o.yarnBeta ? 1 : (r - o.yarnAlpha) / (o.yarnBeta - o.yarnAlpha);
        return (1 - gamma) * (t / s) + gamma * t;
      });
    case 'llama3':
      return theta.map((t) => {
        const wavelength = (2 * Math.PI) / t;
        if (wavelength < L / o.highFreqFactor) return t;
        if (wavelength > L / o.lowFreqFactor) return t / s;
        const smooth = (L / wavelength - o.lowFreqFactor) / (o.highFreqFactor - o.lowFreqFactor);
        return (1 - smooth) * (t / s) + smooth * t;
      });
  }
}

/** YaRN's attention temperature factor √(1/t) = 0.1·ln(s) + 1 (§3.4), applied to both q and k; 1 for s ≤ 1. */
export function yarnAttentionScale(factor: number): number {
  return factor <= 1 ? 1 : 0.1 * Math.log(factor) + 1;
}

/** How a band is treated by a scaling method, read off its scaled frequency. */
export type BandRegime = 'kept' | 'interpolated' | 'blended';

/** One frequency pair: its frequency and wavelength before and after scaling. */
export interface RopeBand {
  /** Pair index i (dimensions 2i and 2i+1). */
  index: number;
  theta: number;
  wavelength: number;
  scaledTheta: number;
  scaledWavelength: number;
  /** scaledTheta / theta: 1 when kept, 1/s when fully interpolated. */
  ratio: number;
  regime: BandRegime;
  /** Full turns the pair makes over `context` tokens at the scaled frequency. */
  turnsInContext: number;
}

/** Every band of a head with a scaling method applied, and how many turns it makes over `context` tokens. */
export function ropeBands(
  dim: number,
  base: number,
  method: ScalingMethod,
  options: ScalingOptions,
  context: number,
): RopeBand[] {
  positiveInt('context', context, 100_000_000);
  const theta = ropeFrequencies(dim, base);
  const scaled = scaledFrequencies(dim, base, method, options);
  return Array.from(theta, (t, index) => {
    const st = scaled[index] ?? t;
    const ratio = st / t;
    const tol = 1e-12;
    const regime: BandRegime =
      Math.abs(ratio - 1) < tol ? 'kept' : Math.abs(ratio - 1 / options.factor) < tol ? 'interpolated' : 'blended';
    return {
      index,
      theta: t,
      wavelength: (2 * Math.PI) / t,
      scaledTheta: st,
      scaledWavelength: (2 * Math.PI) / st,
      ratio,
      regime,
      turnsInContext: (context * st) / (2 * Math.PI),
    };
  });
}
