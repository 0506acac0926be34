/**
 * The tiny character-level GPT in jax-js: seeded initial weights, the forward pass, the cross-entropy loss and the
 * shapes every variant shares. The variant is data (src/core/tinyGpt.ts TinyGptConfig): MHA, GQA and MQA differ only
 * in `mixer.kvHeads`, sliding windows in `mixer.window`; the lab adds mixers and FFNs as new `kind`s here.
 * The jax-js module is passed in, never imported, so the browser loads the library only where training happens and
 * Node initialises it with init('wasm'). Semantics match the hand-written forward in src/core/attention.ts.
 */
import type * as JaxModule from '@jax-js/jax';
import { randn } from '../core/random';
import { headDim, ropeTables, sizeOf, tinyGptShapes, type TinyGptConfig } from '../core/tinyGpt';

/** The jax-js module. */
export type Jax = typeof JaxModule;
/** A jax-js array. */
export type JArray = JaxModule.Array;
/** The model's parameters by name (the names of tinyGptShapes). */
export type Params = Record<string, JArray>;

/** Core arrays are plain ArrayBuffer-backed; jax-js's DataArray type spells that out. */
export const own = (a: Float32Array) => a as Float32Array<ArrayBuffer>;

/** Weight-matrix init scale (GPT-2): N(0, 0.02²); projections into the residual stream get 0.02 / √(2·layers). */
const INIT_STD = 0.02;

/**
 * Seeded initial weights as Float32Arrays: LayerNorm scales 1, biases 0, matrices normal. Each tensor has its own
 * seed (seed + index), so adding a parameter never shifts the others' values.
 */
export function initWeights(config: TinyGptConfig, seed: number): Record<string, Float32Array> {
  const residual = INIT_STD / Math.sqrt(2 * config.layers);
  const out: Record<string, Float32Array> = {};
  tinyGptShapes(config).forEach(({ name, shape }, index) => {
    const n = sizeOf(shape);
    if (name.endsWith('.scale')) out[name] = new Float32Array(n).fill(1);
    else if (shape.length === 1) out[name] = new Float32Array(n);
    else out[name] = randn(n, seed * 1009 + index, /\.(wo|w2)$/.test(name) ? residual : INIT_STD);
  });
  return out;
}

/** Moves Float32Array weights into jax-js arrays of their shapes. */
export function toParams(jax: Jax, config: TinyGptConfig, weights: Record<string, Float32Array>): Params {
  const params: Params = {};
  for (const { name, shape } of tinyGptShapes(config)) {
    const w = weights[name];
    if (!w) throw new RangeError(`weights.${name} is missing`);
    params[name] = jax.numpy.array(own(w), { shape: [...shape] });
  }
  return params;
}

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

function layerNorm(jax: Jax, x: JArray, scale: JArray, bias: JArray, eps: number): JArray {
  const { numpy: np } = jax;
  const centred = x.ref.sub(x.mean(-1, { keepdims: true }));
  const variance = np.square(centred.ref).mean(-1, { keepdims: true });
  return centred
    .div(np.sqrt(variance.add(eps)))
    .mul(scale)
    .add(bias);
}

/**
 * Logits [B·T, V] for character ids `idx` [B, T] (int32). Consumes `params` and `idx` (pass tree.ref(params) to
 * keep them). Embedding as one-hot · wte (np.take fails under jit in jax-js 0.1.25).
 */
export function forward(jax: Jax, config: TinyGptConfig, params: Params, idx: JArray, B: number, T: number): JArray {
  const { numpy: np, nn } = jax;
  const { heads: H, vocabSize: V, normEps: eps } = config;
  const KV = config.mixer.kvHeads;
  const G = H / KV;
  const hd = headDim(config);
  const p = (name: string) => params[name] as JArray;
  const tables = ropeTables(config, T);
  const cos = np.array(own(tables.cos), { shape: [T, hd] });
  const sin = np.array(own(tables.sin), { shape: [T, hd] });
  const rot = np.array(own(rotateHalfMatrix(hd)), { shape: [hd, hd] });
  const mask = np.array(own(maskValues(T, config.mixer.window)), { shape: [T, T] });
  const rope = (x: JArray) => x.ref.mul(cos.ref).add(np.matmul(x, rot.ref).mul(sin.ref));

  let x = np.matmul(nn.oneHot(idx, V), p('wte')); // (B, T, C)
  for (let l = 0; l < config.layers; l++) {
    const pre = `layers.${l}`;
    const xn = layerNorm(jax, x.ref, p(`${pre}.ln1.scale`), p(`${pre}.ln1.bias`), eps);
    // Q → (B, KV, G, T, hd); K, V → (B, KV, 1, T, hd): each KV head is broadcast over its G query heads.
    const q = rope(
      np
        .matmul(xn.ref, p(`${pre}.attn.wq`))
        .reshape([B, T, KV, G, hd])
        .transpose([0, 2, 3, 1, 4]),
    );
    const k = rope(
      np
        .matmul(xn.ref, p(`${pre}.attn.wk`))
        .reshape([B, T, KV, 1, hd])
        .transpose([0, 2, 3, 1, 4]),
    );
    const v = np
      .matmul(xn, p(`${pre}.attn.wv`))
      .reshape([B, T, KV, 1, hd])
      .transpose([0, 2, 3, 1, 4]);
    const scores = np
      .matmul(q, k.transpose([0, 1, 2, 4, 3]))
      .mul(1 / Math.sqrt(hd))
      .add(mask.ref); // (B, KV, G, T, T)
    const heads = np.matmul(nn.softmax(scores, -1), v); // (B, KV, G, T, hd)
    const merged = heads.transpose([0, 3, 1, 2, 4]).reshape([B, T, H * hd]); // head h = kv·G + g
    x = x.add(np.matmul(merged, p(`${pre}.attn.wo`)));
    const xn2 = layerNorm(jax, x.ref, p(`${pre}.ln2.scale`), p(`${pre}.ln2.bias`), eps);
    const hidden = nn.relu(np.matmul(xn2, p(`${pre}.mlp.w1`)).add(p(`${pre}.mlp.b1`)));
    x = x.add(np.matmul(hidden, p(`${pre}.mlp.w2`)).add(p(`${pre}.mlp.b2`)));
  }
  cos.dispose();
  sin.dispose();
  rot.dispose();
  mask.dispose();
  const xf = layerNorm(jax, x, p('lnf.scale'), p('lnf.bias'), eps);
  return np.matmul(xf, p('head')).reshape([B * T, V]);
}

/** Mean cross-entropy (nats per character) of logits [N, V] against one-hot targets [N, V]; consumes both. */
export function crossEntropy(jax: Jax, logits: JArray, targets: JArray): JArray {
  return jax.nn.logsumexp(logits.ref, -1).sub(logits.mul(targets).sum(-1)).mean();
}
