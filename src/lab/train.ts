/**
 * Training the tiny GPT with jax-js: seeded batches of character windows, the loss and its gradient under jit, and
 * Adam (Kingma & Ba 2015, arXiv:1412.6980, Algorithm 1) written by hand because optax is not on npm, with a linear
 * warm-up and a cosine decay of the learning rate. Runs the same in Node (scripts/train-tiny.ts) and in a browser
 * worker (the lab). Deterministic: the same config, seed and text give the same losses and weights.
 */
import { mulberry32 } from '../core/random';
import { labShapes, type LabConfig } from './config';
import { crossEntropy, forwardLab, initWeights, toParams, type JArray, type Jax, type Params } from './model';

export interface TrainOptions {
  /** B: windows per batch. */
  readonly batch: number;
  /** Peak Adam learning rate. */
  readonly lr: number;
  /** Steps of linear warm-up from 0 to `lr`. */
  readonly warmup: number;
  /** Steps of the whole run: the cosine decay reaches `lr · minLrFraction` here. */
  readonly totalSteps: number;
  readonly minLrFraction: number;
  /** Seeds the initial weights (seed) and the batch sampler (seed + 1). */
  readonly seed: number;
}

/** The settings of the shipped models. */
export const DEFAULT_TRAIN: TrainOptions = {
  batch: 16,
  lr: 3e-3,
  warmup: 50,
  totalSteps: 1500,
  minLrFraction: 0.1,
  seed: 1,
};

/** The learning rate at step t (1-based): linear warm-up, then cosine decay to lr · minLrFraction. */
export function learningRate(o: TrainOptions, t: number): number {
  if (t <= o.warmup) return (o.lr * t) / Math.max(1, o.warmup);
  const progress = Math.min(1, (t - o.warmup) / Math.max(1, o.totalSteps - o.warmup));
  return o.lr * (o.minLrFraction + (1 - o.minLrFraction) * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

export interface Trainer {
  /** Steps taken so far. */
  readonly steps: number;
  /**
   * Runs one Adam step on the next seeded batch and returns its cross-entropy (nats per character; an MoE's balance
   * loss is added to what is differentiated, not to this figure).
   */
  step(): Promise<number>;
  /** Tokens each expert received in the last step's batch, per layer (empty without MoE or before a step). */
  readonly routerLoads: readonly (readonly number[])[];
  /** Mean loss over consecutive non-overlapping windows of `ids` (no gradient). */
  evaluate(ids: readonly number[]): Promise<number>;
  /** Next-character logits [V] after `ids` (the last contextLength of them; at least one id). */
  nextLogits(ids: readonly number[]): Promise<Float32Array>;
  /** Attention weights per layer, [H, n, n] row-major for the n ids (at most contextLength); null for an SSM. */
  attention(ids: readonly number[]): Promise<Float32Array[] | null>;
  /** A copy of the current weights by parameter name. */
  weights(): Promise<Record<string, Float32Array>>;
  dispose(): void;
}

const int32 = (values: number[]) => Int32Array.from(values);

/**
 * A trainer for `config` on the character ids `train`: seeded initial weights (or `start`), batches of
 * `options.batch` windows of contextLength characters at seeded offsets.
 */
export function createTrainer(
  jax: Jax,
  config: LabConfig,
  train: readonly number[],
  options: TrainOptions = DEFAULT_TRAIN,
  start?: Record<string, Float32Array>,
): Trainer {
  const { numpy: np, nn, jit, valueAndGrad, tree } = jax;
  const { batch: B, seed } = options;
  const T = config.contextLength;
  const V = config.vocabSize;
  if (train.length < T + 2) throw new RangeError(`the training text needs at least ${T + 2} characters`);
  let params: Params = toParams(jax, config, start ?? initWeights(config, seed));
  let m: Params = Object.fromEntries(labShapes(config).map((s) => [s.name, np.zeros([...s.shape])]));
  let v: Params = Object.fromEntries(labShapes(config).map((s) => [s.name, np.zeros([...s.shape])]));
  const rng = mulberry32(seed + 1);
  const balanceWeight = config.ffn.kind === 'moe' ? config.ffn.balance : 0;
  let steps = 0;
  let routerLoads: number[][] = [];

  const lossOf = (p: Params, idx: JArray, targets: JArray) => {
    const out = forwardLab(jax, config, p, idx, B, T);
    const ce = crossEntropy(jax, out.logits, targets);
    const total = out.balance ? ce.ref.add(out.balance.mul(balanceWeight)) : ce.ref;
    return [total, { ce, loads: out.loads }] as [JArray, { ce: JArray; loads: JArray[] }];
  };
  const valueGrad = jit(valueAndGrad(lossOf, { hasAux: true }));
  const evalLoss = jit((p: Params, idx: JArray, targets: JArray) => {
    const [count = 1, length = 1] = idx.shape;
    const out = forwardLab(jax, config, p, idx, count, length);
    out.balance?.dispose();
    out.loads.forEach((load) => load.dispose());
    return crossEntropy(jax, out.logits, targets);
  });
  const logitsOf = jit((p: Params, idx: JArray) => {
    const out = forwardLab(jax, config, p, idx, 1, T);
    out.balance?.dispose();
    out.loads.forEach((load) => load.dispose());
    return out.logits;
  });
  const adam = jit((p: Params, g: Params, m1: Params, v1: Params, c1: JArray, c2: JArray) => {
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
    return [p2, m2, v2] as [Params, Params, Params];
  });

  const windows = (offsets: number[], length: number, shift: number) =>
    offsets.flatMap((o) => train.slice(o + shift, o + shift + length) as number[]);

  return {
    get steps() {
      return steps;
    },
    async step() {
      const offsets = Array.from({ length: B }, () => Math.floor(rng() * (train.length - T - 1)));
      const idx = np.array(int32(windows(offsets, T, 0)), { dtype: np.int32, shape: [B, T] });
      const targets = nn.oneHot(np.array(int32(windows(offsets, T, 1)), { dtype: np.int32 }), V);
      const [[total, aux], grads] = valueGrad(tree.ref(params), idx, targets) as [
        [JArray, { ce: JArray; loads: JArray[] }],
        Params,
      ];
      total.dispose();
      const value = (await aux.ce.data())[0] ?? NaN;
      routerLoads = [];
      for (const load of aux.loads) routerLoads.push(Array.from(await load.data()));
      steps += 1;
      const lr = learningRate(options, steps);
      const c1 = np.array(lr / (1 - 0.9 ** steps));
      const c2 = np.array(1 / (1 - 0.999 ** steps));
      [params, m, v] = adam(params, grads, m, v, c1, c2) as [Params, Params, Params];
      return value;
    },
    async evaluate(ids) {
      const count = Math.floor((ids.length - 1) / T);
      if (count < 1) throw new RangeError(`evaluation needs at least ${T + 1} characters`);
      const offsets = Array.from({ length: count }, (_, i) => i * T);
      const slice = (shift: number) => offsets.flatMap((o) => ids.slice(o + shift, o + shift + T) as number[]);
      const idx = np.array(int32(slice(0)), { dtype: np.int32, shape: [count, T] });
      const targets = nn.oneHot(np.array(int32(slice(1)), { dtype: np.int32 }), V);
      const loss = evalLoss(tree.ref(params), idx, targets);
      return (await loss.data())[0] ?? NaN;
    },
    get routerLoads() {
      return routerLoads;
    },
    async nextLogits(ids) {
      if (ids.length < 1) throw new RangeError('nextLogits needs at least one id');
      const recent = ids.slice(-T);
      // Causal: padding after the last id cannot change its logits, so one compiled [1, T] shape serves every length.
      const padded = Int32Array.from({ length: T }, (_, i) => recent[i] ?? 0);
      const logits = logitsOf(tree.ref(params), np.array(padded, { dtype: np.int32, shape: [1, T] }));
      const all = await logits.data();
      const V = config.vocabSize;
      return Float32Array.from(all.subarray((recent.length - 1) * V, recent.length * V));
    },
    async attention(ids) {
      if (config.mixer.kind === 'ssm') return null;
      const recent = ids.slice(-T);
      const n = recent.length;
      if (n < 1) throw new RangeError('attention needs at least one id');
      const idx = np.array(int32(recent), { dtype: np.int32, shape: [1, n] });
      const out = forwardLab(jax, config, tree.ref(params), idx, 1, n, true);
      out.logits.dispose();
      out.balance?.dispose();
      out.loads.forEach((load) => load.dispose());
      const maps: Float32Array[] = [];
      for (const map of out.maps) maps.push(Float32Array.from(await map.data()));
      return maps;
    },
    async weights() {
      const out: Record<string, Float32Array> = {};
      for (const [name, value] of Object.entries(params)) out[name] = Float32Array.from(await value.ref.data());
      return out;
    },
    dispose() {
      tree.dispose(params);
      tree.dispose(m);
      tree.dispose(v);
      valueGrad.dispose();
      evalLoss.dispose();
      logitsOf.dispose();
      adam.dispose();
    },
  };
}
