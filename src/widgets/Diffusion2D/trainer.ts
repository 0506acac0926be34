/**
 * The jax-js training loop of the toy denoiser, shared by the browser Web Worker and the Node pre-training script
 * (scripts/train-diffusion.ts), so both run the same code. The jax-js module is passed in rather than imported: the
 * page never loads the library until the user starts training, and Node initialises it with init('wasm').
 * Model: the MLP of src/core/diffusion/mlp.ts (affine + SiLU layers); loss: mean squared error on ε (DDPM eq. 14);
 * optimiser: Adam (Kingma & Ba 2015, Algorithm 1) written by hand because optax is not on npm.
 */
import type * as JaxModule from '@jax-js/jax';
import { batchSampler } from '../../core/diffusion/batch';
import type { Dataset2D } from '../../core/diffusion/data';
import { INPUT_DIM, mlpShapes, OUTPUT_DIM, initMlp, type MlpConfig } from '../../core/diffusion/mlp';
import type { NoiseSchedule } from '../../core/diffusion/schedule';
import { mulberry32 } from '../../core/random';

type Jax = typeof JaxModule;
type JArray = JaxModule.Array;

/** Core arrays are plain ArrayBuffer-backed; jax-js's DataArray type spells that out. */
const own = (a: Float32Array) => a as Float32Array<ArrayBuffer>;

export interface TrainOptions {
  readonly mlp: MlpConfig;
  readonly batch: number;
  /** Adam learning rate. */
  readonly lr: number;
  readonly seed: number;
  /** Probability of dropping the class label (classifier-free guidance training). */
  readonly pUncond: number;
  /** Planned steps: the learning rate follows a cosine from lr down to lr/10 over them (constant when absent). */
  readonly totalSteps?: number;
}

/** The learning rate at step `step` (1-based): cosine decay to a tenth over `totalSteps`, constant afterwards. */
export function learningRate(options: TrainOptions, step: number): number {
  const total = options.totalSteps;
  if (!total || total < 1) return options.lr;
  const progress = Math.min(1, (step - 1) / total);
  return options.lr * (0.1 + 0.45 * (1 + Math.cos(Math.PI * progress)));
}

/** The model, batch size and optimiser every shipped and live run uses. */
export const DEFAULT_TRAIN: TrainOptions = {
  mlp: { hidden: 64, depth: 3 },
  batch: 256,
  lr: 3e-3,
  seed: 1,
  pUncond: 0.2,
};

export interface Trainer {
  /** Steps taken so far. */
  readonly steps: number;
  /** Runs one Adam step and returns its loss (mean squared error of the predicted ε). */
  step(): Promise<number>;
  /** A copy of the current parameters, in mlpShapes order. */
  weights(): Promise<Float32Array[]>;
  dispose(): void;
}

/** Builds a trainer over `data`: seeded initial weights (core initMlp) and seeded batches (core batchSampler). */
export function createTrainer(jax: Jax, data: Dataset2D, schedule: NoiseSchedule, options: TrainOptions): Trainer {
  const { numpy: np, nn, jit, valueAndGrad, tree } = jax;
  const shapes = mlpShapes(options.mlp);
  const init = initMlp(options.mlp, options.seed);
  let params: JArray[] = init.layers.flatMap((l) => [
    np.array(own(l.w), { shape: [l.inDim, l.outDim] }),
    np.array(own(l.b), { shape: [l.outDim] }),
  ]);
  let m: JArray[] = shapes.map((s) => np.zeros(s.shape));
  let v: JArray[] = shapes.map((s) => np.zeros(s.shape));
  const nextBatch = batchSampler(data, schedule, options.batch, mulberry32(options.seed + 1), options.pUncond);
  const layers = shapes.length / 2;

  const loss = (p: JArray[], x: JArray, target: JArray): JArray => {
    let h = x;
    for (let i = 0; i < layers; i++) {
      h = np.matmul(h, p[2 * i] as JArray).add(p[2 * i + 1] as JArray);
      if (i < layers - 1) h = nn.silu(h);
    }
    return np.square(h.sub(target)).mean();
  };
  const valueGrad = jit(valueAndGrad(loss));
  const adam = jit((p: JArray[], g: JArray[], m1: JArray[], v1: JArray[], c1: JArray, c2: JArray) => {
    const m2 = tree.map((mi: JArray, gi: JArray) => mi.mul(0.9).add(gi.mul(0.1)), m1, tree.ref(g));
    const v2 = tree.map((vi: JArray, gi: JArray) => vi.mul(0.999).add(np.square(gi).mul(0.001)), v1, g);
    const p2 = tree.map(
      (pi: JArray, mi: JArray, vi: JArray) => pi.sub(mi.mul(c1.ref).div(np.sqrt(vi.mul(c2.ref)).add(1e-8))),
      p,
      tree.ref(m2),
      tree.ref(v2),
    );
    c1.dispose();
    c2.dispose();
    return [p2, m2, v2];
  });

  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    async step() {
      const batch = nextBatch();
      const x = np.array(own(batch.input), { shape: [options.batch, INPUT_DIM] });
      const target = np.array(own(batch.target), { shape: [options.batch, OUTPUT_DIM] });
      const [lossValue, grads] = valueGrad(tree.ref(params), x, target) as [JArray, JArray[]];
      const value = (await lossValue.data())[0] ?? NaN;
      steps += 1;
      const c1 = learningRate(options, steps) / (1 - 0.9 ** steps);
      const c2 = 1 / (1 - 0.999 ** steps);
      [params, m, v] = adam(params, grads, m, v, np.array(c1), np.array(c2)) as [JArray[], JArray[], JArray[]];
      return value;
    },
    async weights() {
      const out: Float32Array[] = [];
      for (const p of params) out.push(Float32Array.from(await p.ref.data()));
      return out;
    },
    dispose() {
      tree.dispose(params);
      tree.dispose(m);
      tree.dispose(v);
      valueGrad.dispose();
      adam.dispose();
    },
  };
}
