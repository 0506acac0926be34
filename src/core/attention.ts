/**
 * The tiny GPT's forward pass written by hand over Float32Array, with every head's attention weights kept, so the
 * browser can show what the trained model attends to without a tensor library.
 *
 * Scaled dot-product attention, softmax(Q·Kᵀ/√hd + M)·V, per head, concatenated and projected by W^O
 * (Vaswani et al. 2017, "Attention Is All You Need", arXiv:1706.03762 §3.2.1–3.2.2, eq. 1); grouped-query
 * attention shares key/value head ⌊h / (H/KV)⌋ among the H/KV query heads of its group (Ainslie et al. 2023, "GQA",
 * arXiv:2305.13245 §2.2); rotary positions rotate q and k before the dot product (Su et al. 2021, arXiv:2104.09864
 * §3.4.2); pre-LayerNorm residual blocks x + Attn(LN(x)), x + MLP(LN(x)) (Xiong et al. 2020, arXiv:2002.04745).
 * M is the causal mask (0 for keys j ≤ i within the window, −∞ otherwise).
 *
 * Positions are computed one at a time against a KV cache, as in autoregressive decoding: causality means position
 * t depends only on positions ≤ t, so a cache reused across calls recomputes only the characters from the first
 * change onward (typing one character costs one position, not the whole text). Reproduces the jax-js model in
 * src/lab/model.ts to ~1e-5 (golden logits in attention.test.ts).
 */
import { InputError } from './modelSpec';
import { checkWeights, headDim, ropeTables, type TinyGptConfig, type TinyGptWeights } from './tinyGpt';

/** What one forward pass yields. */
export interface TinyForward {
  /** T: characters processed. */
  readonly length: number;
  /** [T, V] next-character logits: row t predicts the character after position t. */
  readonly logits: Float32Array;
  /**
   * attention[layer][head] is a row-major [T, T] matrix: row i (query) holds the softmax weights over keys j;
   * zeros where the mask forbids (j > i, or outside the window). Every row sums to 1.
   */
  readonly attention: Float32Array[][];
}

/**
 * What a forward pass keeps between calls, sized for the full context N: the ids it last ran, per layer the
 * rotated keys and the values [N, KV·hd] (the KV cache), every head's attention rows [N, N] and the logits [N, V].
 */
export interface TinyCache {
  ids: number[];
  readonly keys: Float32Array[];
  readonly values: Float32Array[];
  readonly maps: Float32Array[][];
  readonly logits: Float32Array;
  readonly cos: Float32Array;
  readonly sin: Float32Array;
}

/** An empty cache for `config`. */
export function createTinyCache(config: TinyGptConfig): TinyCache {
  const N = config.contextLength;
  const kv = config.mixer.kvHeads * headDim(config);
  const layers = Array.from({ length: config.layers }, (_, l) => l);
  return {
    ids: [],
    keys: layers.map(() => new Float32Array(N * kv)),
    values: layers.map(() => new Float32Array(N * kv)),
    maps: layers.map(() => Array.from({ length: config.heads }, () => new Float32Array(N * N))),
    logits: new Float32Array(N * config.vocabSize),
    ...ropeTables(config),
  };
}

/** out[m] = x[k] · W[k, m] (+ bias[m]), W row-major; the inner loop runs along a row of W. */
function vecMat(x: Float32Array, w: Float32Array, k: number, m: number, bias?: Float32Array): Float32Array {
  const out = bias ? Float32Array.from(bias) : new Float32Array(m);
  for (let p = 0; p < k; p++) {
    const xv = x[p] ?? 0;
    if (xv === 0) continue;
    const row = p * m;
    for (let j = 0; j < m; j++) out[j] = (out[j] ?? 0) + xv * (w[row + j] ?? 0);
  }
  return out;
}

/** LayerNorm of one vector: (x − mean) / √(var + ε) · scale + bias, with the biased variance. */
function layerNorm(x: Float32Array, scale: Float32Array, bias: Float32Array, eps: number): Float32Array {
  const c = x.length;
  let mean = 0;
  for (let j = 0; j < c; j++) mean += x[j] ?? 0;
  mean /= c;
  let variance = 0;
  for (let j = 0; j < c; j++) variance += ((x[j] ?? 0) - mean) ** 2;
  const inv = 1 / Math.sqrt(variance / c + eps);
  return x.map((v, j) => (v - mean) * inv * (scale[j] ?? 1) + (bias[j] ?? 0));
}

/** Rotates every head slice of one position's vector (heads × hd) in place (rotate-half RoPE at row t). */
function rope(x: Float32Array, heads: number, hd: number, t: number, cos: Float32Array, sin: Float32Array): void {
  const half = hd / 2;
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < half; i++) {
      const a = x[h * hd + i] ?? 0;
      const b = x[h * hd + i + half] ?? 0;
      const c = cos[t * hd + i] ?? 1;
      const s = sin[t * hd + i] ?? 0;
      x[h * hd + i] = a * c - b * s;
      x[h * hd + i + half] = b * c + a * s;
    }
  }
}

function checkIds(config: TinyGptConfig, ids: readonly number[]): void {
  if (ids.length < 1 || ids.length > config.contextLength)
    throw new InputError('ids', `ids must hold 1 to ${config.contextLength} characters, got ${ids.length}`);
  for (const id of ids)
    if (!Number.isInteger(id) || id < 0 || id >= config.vocabSize)
      throw new InputError('ids', `ids must be integers from 0 to ${config.vocabSize - 1}, got ${id}`);
}

/** Position t of layer l: attention over the cached keys ≤ t (its map row is written into the cache). */
function attend(config: TinyGptConfig, w: TinyGptWeights, cache: TinyCache, l: number, t: number, xn: Float32Array) {
  const { dModel: C, heads: H, contextLength: N } = config;
  const KV = config.mixer.kvHeads;
  const hd = headDim(config);
  const p = `layers.${l}.attn`;
  const q = vecMat(xn, get(w, `${p}.wq`), C, H * hd);
  const k = vecMat(xn, get(w, `${p}.wk`), C, KV * hd);
  rope(q, H, hd, t, cache.cos, cache.sin);
  rope(k, KV, hd, t, cache.cos, cache.sin);
  const keys = cache.keys[l] as Float32Array;
  const values = cache.values[l] as Float32Array;
  keys.set(k, t * KV * hd);
  values.set(vecMat(xn, get(w, `${p}.wv`), C, KV * hd), t * KV * hd);
  const lo = Math.max(0, t - (config.mixer.window ?? N) + 1);
  const scale = 1 / Math.sqrt(hd);
  const concat = new Float32Array(H * hd);
  for (let h = 0; h < H; h++) {
    const g = Math.floor(h / (H / KV));
    const row = (cache.maps[l]?.[h] as Float32Array).subarray(t * N, (t + 1) * N);
    row.fill(0);
    let max = -Infinity;
    for (let j = lo; j <= t; j++) {
      let dot = 0;
      for (let d = 0; d < hd; d++) dot += (q[h * hd + d] ?? 0) * (keys[(j * KV + g) * hd + d] ?? 0);
      row[j] = dot * scale;
      max = Math.max(max, dot * scale);
    }
    let sum = 0;
    for (let j = lo; j <= t; j++) {
      row[j] = Math.exp((row[j] ?? 0) - max);
      sum += row[j] ?? 0;
    }
    for (let j = lo; j <= t; j++) {
      const weight = (row[j] ?? 0) / sum;
      row[j] = weight;
      for (let d = 0; d < hd; d++)
        concat[h * hd + d] = (concat[h * hd + d] ?? 0) + weight * (values[(j * KV + g) * hd + d] ?? 0);
    }
  }
  return vecMat(concat, get(w, `${p}.wo`), H * hd, C);
}

const get = (weights: TinyGptWeights, name: string): Float32Array => weights[name] as Float32Array;

/**
 * Runs the model on `ids` (1 … contextLength character ids). With a `cache` from an earlier call on the same
 * config and weights (a cache must never be shared between models), only positions from the first id that differs
 * are computed. Throws an InputError naming the field when
 * the ids or weights do not fit the config.
 */
export function tinyGptForward(
  config: TinyGptConfig,
  weights: TinyGptWeights,
  ids: readonly number[],
  cache: TinyCache = createTinyCache(config),
): TinyForward {
  checkWeights(config, weights);
  checkIds(config, ids);
  const { dModel: C, vocabSize: V, normEps: eps, contextLength: N } = config;
  if (cache.keys.length !== config.layers || cache.logits.length !== N * V || cache.maps[0]?.length !== config.heads)
    throw new InputError('cache', 'cache must come from createTinyCache with the same config');
  const F = config.ffn.hidden;
  const T = ids.length;
  let start = 0;
  while (start < T && start < cache.ids.length && cache.ids[start] === ids[start]) start++;
  cache.ids = cache.ids.slice(0, start);
  for (let t = start; t < T; t++) {
    const id = ids[t] ?? 0;
    const x = get(weights, 'wte').slice(id * C, (id + 1) * C);
    for (let l = 0; l < config.layers; l++) {
      const p = `layers.${l}`;
      const a = attend(
        config,
        weights,
        cache,
        l,
        t,
        layerNorm(x, get(weights, `${p}.ln1.scale`), get(weights, `${p}.ln1.bias`), eps),
      );
      for (let j = 0; j < C; j++) x[j] = (x[j] ?? 0) + (a[j] ?? 0);
      const xn = layerNorm(x, get(weights, `${p}.ln2.scale`), get(weights, `${p}.ln2.bias`), eps);
      const hidden = vecMat(xn, get(weights, `${p}.mlp.w1`), C, F, get(weights, `${p}.mlp.b1`));
      for (let j = 0; j < F; j++) hidden[j] = Math.max(0, hidden[j] ?? 0);
      const mlp = vecMat(hidden, get(weights, `${p}.mlp.w2`), F, C, get(weights, `${p}.mlp.b2`));
      for (let j = 0; j < C; j++) x[j] = (x[j] ?? 0) + (mlp[j] ?? 0);
    }
    const xf = layerNorm(x, get(weights, 'lnf.scale'), get(weights, 'lnf.bias'), eps);
    cache.logits.set(vecMat(xf, get(weights, 'head'), C, V), t * V);
    cache.ids.push(id);
  }
  const attention = cache.maps.map((layer) =>
    layer.map((map) => {
      const out = new Float32Array(T * T);
      for (let i = 0; i < T; i++) out.set(map.subarray(i * N, i * N + T), i * T);
      return out;
    }),
  );
  return { length: T, logits: cache.logits.slice(0, T * V), attention };
}

/** Softmax of logits row t ([T, V]) as probabilities over the vocabulary. */
export function nextCharProbs(forward: TinyForward, t: number): Float32Array {
  const V = forward.logits.length / forward.length;
  const row = forward.logits.subarray(t * V, (t + 1) * V);
  let max = -Infinity;
  for (const value of row) max = Math.max(max, value);
  const out = row.map((value) => Math.exp(value - max));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((value) => value / sum);
}

/** Mean negative log-likelihood (nats per character) of ids[1…] given their prefixes; null below 2 characters. */
export function meanNll(forward: TinyForward, ids: readonly number[]): number | null {
  if (ids.length < 2) return null;
  const V = forward.logits.length / forward.length;
  let total = 0;
  for (let t = 0; t + 1 < ids.length; t++) {
    const row = forward.logits.subarray(t * V, (t + 1) * V);
    let max = -Infinity;
    for (const value of row) max = Math.max(max, value);
    let sum = 0;
    for (const value of row) sum += Math.exp(value - max);
    total += max + Math.log(sum) - (row[ids[t + 1] ?? 0] ?? 0);
  }
  return total / (ids.length - 1);
}
