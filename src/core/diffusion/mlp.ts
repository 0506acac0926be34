/**
 * The small MLP denoiser ε_θ(x_t, t, c) of the 2-D toy, as a hand-written forward pass over Float32Array (so weights
 * trained with jax-js run anywhere without the library), and the sample-quality figure.
 *
 * Input per point: x_t (2 values), a sinusoidal embedding of t/T (sin and cos of 2^k·π·t/T for k = 0 … 7, the
 * Fourier features of Vaswani et al. 2017 §3.5 / Tancik et al. 2020 used by DDPM's timestep embedding, Ho et al. 2020
 * Appendix B) and a one-hot class (all zeros for ∅, the dropped label of classifier-free guidance, Ho & Salimans 2022,
 * arXiv:2207.12598, Algorithm 1). Hidden layers: affine + SiLU (Hendrycks & Gimpel 2016; Elfwing et al. 2018); output:
 * affine, the predicted ε (2 values). Weights are row-major (in × out), so a layer is X·W + b as in the trainer.
 * Quality: the mean distance from each sample to its nearest data point (lower is better; 0 = on the data).
 */
import { InputError } from '../modelSpec';
import { mulberry32 } from '../random';
import { NO_CLASS, type EpsPredictor } from './sample';

/** sin/cos pairs of the timestep embedding. */
export const TIME_FREQUENCIES = 8;
/** Classes the denoiser can be conditioned on. */
export const NUM_CLASSES = 2;
/** Input width: x (2) + time features (16) + class one-hot (2). */
export const INPUT_DIM = 2 + 2 * TIME_FREQUENCIES + NUM_CLASSES;
export const OUTPUT_DIM = 2;

export interface MlpConfig {
  /** Width of every hidden layer. */
  readonly hidden: number;
  /** Number of hidden layers. */
  readonly depth: number;
}

export interface MlpLayer {
  readonly inDim: number;
  readonly outDim: number;
  /** inDim × outDim, row-major. */
  readonly w: Float32Array;
  readonly b: Float32Array;
}

export interface Mlp {
  readonly config: MlpConfig;
  readonly layers: readonly MlpLayer[];
}

/** The parameter tensors in order: w0, b0, w1, b1, … with their shapes. */
export function mlpShapes(config: MlpConfig): { name: string; shape: number[] }[] {
  if (!Number.isInteger(config.hidden) || config.hidden < 1 || config.hidden > 1024) {
    throw new InputError('hidden', `hidden must be an integer from 1 to 1,024, got ${config.hidden}`);
  }
  if (!Number.isInteger(config.depth) || config.depth < 1 || config.depth > 8) {
    throw new InputError('depth', `depth must be an integer from 1 to 8, got ${config.depth}`);
  }
  const dims = [INPUT_DIM, ...Array.from({ length: config.depth }, () => config.hidden), OUTPUT_DIM];
  return dims.slice(1).flatMap((out, i) => [
    { name: `w${i}`, shape: [dims[i] ?? 0, out] },
    { name: `b${i}`, shape: [out] },
  ]);
}

/** Total parameters of an MLP with this config. */
export function mlpParamCount(config: MlpConfig): number {
  return mlpShapes(config).reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0);
}

/** Builds an Mlp from flat tensors in mlpShapes order (shapes checked). */
export function mlpFromTensors(config: MlpConfig, tensors: readonly Float32Array[]): Mlp {
  const shapes = mlpShapes(config);
  if (tensors.length !== shapes.length) {
    throw new InputError('tensors', `expected ${shapes.length} tensors, got ${tensors.length}`);
  }
  const layers: MlpLayer[] = [];
  for (let i = 0; i < shapes.length; i += 2) {
    const [inDim = 0, outDim = 0] = shapes[i]?.shape ?? [];
    const w = tensors[i] ?? new Float32Array();
    const b = tensors[i + 1] ?? new Float32Array();
    if (w.length !== inDim * outDim || b.length !== outDim) {
      throw new InputError('tensors', `layer ${i / 2} must be ${inDim}×${outDim} plus ${outDim} biases`);
    }
    layers.push({ inDim, outDim, w, b });
  }
  return { config, layers };
}

/** Seeded initialisation: uniform in ±1/√fan_in (PyTorch's nn.Linear default), biases 0. */
export function initMlp(config: MlpConfig, seed: number): Mlp {
  const rng = mulberry32(seed);
  const tensors = mlpShapes(config).map(({ name, shape }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const out = new Float32Array(size);
    if (name.startsWith('w')) {
      const bound = 1 / Math.sqrt(shape[0] ?? 1);
      for (let i = 0; i < size; i++) out[i] = (2 * rng() - 1) * bound;
    }
    return out;
  });
  return mlpFromTensors(config, tensors);
}

/** The 16 time features of step t out of T. */
export function timeFeatures(t: number, T: number): Float32Array {
  const out = new Float32Array(2 * TIME_FREQUENCIES);
  const tau = t / T;
  for (let k = 0; k < TIME_FREQUENCIES; k++) {
    const angle = 2 ** k * Math.PI * tau;
    out[2 * k] = Math.sin(angle);
    out[2 * k + 1] = Math.cos(angle);
  }
  return out;
}

/**
 * The N × INPUT_DIM network input for points `x` (N × 2) at step t with one class per point (NO_CLASS = ∅) or null.
 * `ts` may give a step per point instead (training draws t per example).
 */
export function buildInput(x: Float32Array, t: number | Int32Array, T: number, cond: Int32Array | null): Float32Array {
  const n = x.length / 2;
  const out = new Float32Array(n * INPUT_DIM);
  const shared = typeof t === 'number' ? timeFeatures(t, T) : null;
  for (let i = 0; i < n; i++) {
    const row = i * INPUT_DIM;
    out[row] = x[2 * i] ?? 0;
    out[row + 1] = x[2 * i + 1] ?? 0;
    const tf = shared ?? timeFeatures(typeof t === 'number' ? t : (t[i] ?? 0), T);
    out.set(tf, row + 2);
    const c = cond ? (cond[i] ?? NO_CLASS) : NO_CLASS;
    if (c >= 0 && c < NUM_CLASSES) out[row + 2 + 2 * TIME_FREQUENCIES + c] = 1;
  }
  return out;
}

/** The forward pass for N input rows (N × INPUT_DIM) → N × 2. */
export function mlpForward(mlp: Mlp, input: Float32Array, n: number): Float32Array {
  let h = input;
  mlp.layers.forEach((layer, li) => {
    const { inDim, outDim, w, b } = layer;
    const out = new Float32Array(n * outDim);
    for (let i = 0; i < n; i++) {
      const o = i * outDim;
      out.set(b, o);
      for (let k = 0; k < inDim; k++) {
        const a = h[i * inDim + k] ?? 0;
        if (a === 0) continue;
        const wk = k * outDim;
        for (let j = 0; j < outDim; j++) out[o + j] = (out[o + j] ?? 0) + a * (w[wk + j] ?? 0);
      }
    }
    if (li < mlp.layers.length - 1) {
      for (let j = 0; j < out.length; j++) {
        const v = out[j] ?? 0;
        out[j] = v / (1 + Math.exp(-v));
      }
    }
    h = out;
  });
  return h;
}

/** The MLP as an ε-predictor for the samplers of ./sample (T = the schedule length it was trained with). */
export function mlpEpsPredictor(mlp: Mlp, T: number): EpsPredictor {
  return (x, t, cond) => mlpForward(mlp, buildInput(x, t, T, cond), x.length / 2);
}

/** Mean over `samples` (N × 2) of the distance to the nearest point of `data` (M × 2). */
export function meanNearestDistance(samples: Float32Array, data: Float32Array): number {
  const n = samples.length / 2;
  const m = data.length / 2;
  if (n < 1 || m < 1) throw new InputError('samples', 'need at least one sample and one data point');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sx = samples[2 * i] ?? 0;
    const sy = samples[2 * i + 1] ?? 0;
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      const dx = sx - (data[2 * j] ?? 0);
      const dy = sy - (data[2 * j + 1] ?? 0);
      const d = dx * dx + dy * dy;
      if (d < best) best = d;
    }
    total += Math.sqrt(best);
  }
  return total / n;
}
