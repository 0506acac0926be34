/**
 * The tiny character-level GPT in jax-js: seeded initial weights, the forward pass, the cross-entropy loss and the
 * shapes every variant shares. The variant is data (config.ts LabConfig, a superset of src/core/tinyGpt.ts
 * TinyGptConfig): MHA, GQA and MQA differ only in `mixer.kvHeads`, sliding windows in `mixer.window`; MLA and the
 * Mamba-2 block are other mixers (mixers.ts), the mixture of experts another FFN (moeFfn.ts).
 * The jax-js module is passed in, never imported, so the browser loads the library only where training happens and
 * Node initialises it with init('wasm'). Attention semantics match the hand-written forward in src/core/attention.ts.
 */
import { randn } from '../core/random';
import { sizeOf } from '../core/tinyGpt';
import { labShapes, type LabConfig } from './config';
import { mlaMixer, ropeFor, ssmMixer } from './mixers';
import { own, maskValues, type JArray, type Jax, type Params } from './modelTypes';
import { moeFfn } from './moeFfn';

export { maskValues, own, rotateHalfMatrix, type JArray, type Jax, type Params } from './modelTypes';

/** Weight-matrix init scale (GPT-2): N(0, 0.02²); projections into the residual stream get 0.02 / √(2·layers). */
const INIT_STD = 0.02;

/**
 * Seeded initial weights as Float32Arrays: LayerNorm scales 1, biases 0, matrices normal. Each tensor has its own
 * seed (seed + index), so adding a parameter never shifts the others' values.
 */
export function initWeights(config: LabConfig, seed: number): Record<string, Float32Array> {
  const residual = INIT_STD / Math.sqrt(2 * config.layers);
  const out: Record<string, Float32Array> = {};
  labShapes(config).forEach(({ name, shape }, index) => {
    const n = sizeOf(shape);
    const special = ssmInit(name, n, seed * 1009 + index);
    if (special) out[name] = special;
    else if (name.endsWith('.scale')) out[name] = new Float32Array(n).fill(1);
    else if (shape.length === 1) out[name] = new Float32Array(n);
    else out[name] = randn(n, seed * 1009 + index, /\.(wo|w2)$/.test(name) ? residual : INIT_STD);
  });
  return out;
}

/**
 * Mamba-2's own initialisation (mamba_ssm Mamba2): A = 1 … 16 spread over the heads (A_log = log A), Δ from 0.001 to
 * 0.1 log-spaced through the inverse softplus of dt_bias, D = 1, and conv taps ~ N(0, (1/√(2k))²) like PyTorch's
 * uniform default. Null for every other parameter.
 */
function ssmInit(name: string, n: number, seed: number): Float32Array | null {
  const spread = (i: number) => (n === 1 ? 0 : i / (n - 1));
  if (name.endsWith('.ssm.a_log')) return Float32Array.from({ length: n }, (_, i) => Math.log(1 + 15 * spread(i)));
  if (name.endsWith('.ssm.dt_bias'))
    return Float32Array.from({ length: n }, (_, i) => {
      const dt = Math.exp(Math.log(0.001) + spread(i) * (Math.log(0.1) - Math.log(0.001)));
      return dt + Math.log(-Math.expm1(-dt));
    });
  if (name.endsWith('.ssm.d')) return new Float32Array(n).fill(1);
  const taps = /\.ssm\.conv[xbc]$/.exec(name);
  if (taps) return randn(n, seed, 0.35);
  return null;
}

/** Moves Float32Array weights into jax-js arrays of their shapes. */
export function toParams(jax: Jax, config: LabConfig, weights: Record<string, Float32Array>): Params {
  const params: Params = {};
  for (const { name, shape } of labShapes(config)) {
    const w = weights[name];
    if (!w) throw new RangeError(`weights.${name} is missing`);
    params[name] = jax.numpy.array(own(w), { shape: [...shape] });
  }
  return params;
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

/** What a forward pass yields besides the logits. */
export interface ForwardResult {
  /** [B·T, V] next-character logits. */
  readonly logits: JArray;
  /** The MoE balance loss summed over layers (scalar), or null without MoE. */
  readonly balance: JArray | null;
  /** Tokens each expert received, one [E] array per layer (empty without MoE). */
  readonly loads: JArray[];
  /** Attention weights [B, H, T, T] per layer when asked for and the mixer attends (empty otherwise). */
  readonly maps: JArray[];
}

/**
 * The forward pass for character ids `idx` [B, T] (int32). Consumes `params` and `idx` (pass tree.ref(params) to
 * keep them). Embedding as one-hot · wte (np.take fails under jit in jax-js 0.1.25).
 */
export function forwardLab(
  jax: Jax,
  config: LabConfig,
  params: Params,
  idx: JArray,
  B: number,
  T: number,
  keepMaps = false,
): ForwardResult {
  const { numpy: np, nn } = jax;
  const { heads: H, vocabSize: V, normEps: eps, mixer, ffn } = config;
  const hd = config.dModel / H;
  const p = (name: string) => {
    const value = params[name];
    if (!value) throw new RangeError(`params.${name} is missing`);
    return value;
  };
  const rope = ropeFor(jax, config, hd, T);
  const mask = np.array(own(maskValues(T, mixer.kind === 'attention' ? mixer.window : null)), { shape: [T, T] });
  const loads: JArray[] = [];
  const maps: JArray[] = [];
  let balance: JArray | null = null;

  let x = np.matmul(nn.oneHot(idx, V), p('wte')); // (B, T, C)
  for (let l = 0; l < config.layers; l++) {
    const pre = `layers.${l}`;
    const xn = layerNorm(jax, x.ref, p(`${pre}.ln1.scale`), p(`${pre}.ln1.bias`), eps);
    if (mixer.kind === 'attention') {
      const KV = mixer.kvHeads;
      const G = H / KV;
      // Q → (B, KV, G, T, hd); K, V → (B, KV, 1, T, hd): each KV head is broadcast over its G query heads.
      const q = rope.apply(
        np
          .matmul(xn.ref, p(`${pre}.attn.wq`))
          .reshape([B, T, KV, G, hd])
          .transpose([0, 2, 3, 1, 4]),
      );
      const k = rope.apply(
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
      const weights = nn.softmax(scores, -1);
      if (keepMaps) maps.push(weights.ref.reshape([B, H, T, T])); // head h = kv·G + g
      const heads = np.matmul(weights, v); // (B, KV, G, T, hd)
      const merged = heads.transpose([0, 3, 1, 2, 4]).reshape([B, T, H * hd]);
      x = x.add(np.matmul(merged, p(`${pre}.attn.wo`)));
    } else if (mixer.kind === 'mla') {
      const at = (name: string) => p(`${pre}.attn.${name}`);
      const { out, maps: m } = mlaMixer(jax, config, mixer, at, xn, mask.ref, B, T, keepMaps);
      if (m) maps.push(m);
      x = x.add(out);
    } else {
      x = x.add(ssmMixer(jax, config, mixer, (name) => p(`${pre}.ssm.${name}`), xn, B, T));
    }
    const xn2 = layerNorm(jax, x.ref, p(`${pre}.ln2.scale`), p(`${pre}.ln2.bias`), eps);
    if (ffn.kind === 'moe') {
      const moe = moeFfn(jax, ffn, (name) => p(`${pre}.moe.${name}`), xn2.reshape([B * T, config.dModel]));
      x = x.add(moe.out.reshape([B, T, config.dModel]));
      loads.push(moe.load);
      balance = balance ? balance.add(moe.balance) : moe.balance;
    } else {
      const hidden = nn.relu(np.matmul(xn2, p(`${pre}.mlp.w1`)).add(p(`${pre}.mlp.b1`)));
      x = x.add(np.matmul(hidden, p(`${pre}.mlp.w2`)).add(p(`${pre}.mlp.b2`)));
    }
  }
  rope.dispose();
  mask.dispose();
  const xf = layerNorm(jax, x, p('lnf.scale'), p('lnf.bias'), eps);
  return { logits: np.matmul(xf, p('head')).reshape([B * T, V]), balance, loads, maps };
}

/** Logits [B·T, V] only (see forwardLab); consumes `params` and `idx`. */
export function forward(jax: Jax, config: LabConfig, params: Params, idx: JArray, B: number, T: number): JArray {
  const { logits, balance, loads } = forwardLab(jax, config, params, idx, B, T);
  balance?.dispose();
  loads.forEach((load) => load.dispose());
  return logits;
}

/** Mean cross-entropy (nats per character) of logits [N, V] against one-hot targets [N, V]; consumes both. */
export function crossEntropy(jax: Jax, logits: JArray, targets: JArray): JArray {
  return jax.nn.logsumexp(logits.ref, -1).sub(logits.mul(targets).sum(-1)).mean();
}
