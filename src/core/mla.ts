/**
 * Multi-head latent attention (DeepSeek-V2, arXiv:2405.04434 §2.1.2–2.1.3, eq. 9–19; dimensions of DeepSeek-V3,
 * arXiv:2412.19437 §2.1.1 and deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json) computed two ways on seeded
 * tensors:
 *   decompressed: c_KV = W_DKV h is cached; per head k_C = W_UK c_KV, v_C = W_UV c_KV are rebuilt (eq. 9–11);
 *   absorbed: W_UK is folded into the query (q̃ = W_UKᵀ q_C, scored against c_KV directly) and W_UV into the output
 *     (applied to the attention-weighted latent before W_O), so K and V are never formed ("we can absorb W_UK into
 *     W_UQ, and W_UV into W_O", §2.1.2); evaluated per query as in deepseek-ai/DeepSeek-V3 inference/model.py.
 * RoPE cannot be absorbed (it sits between the two matrices), so a decoupled key k_R = RoPE(W_KR h) of d_h^R
 * dimensions is shared by all heads and cached beside c_KV (eq. 14–19): the cache holds d_c + d_h^R per token.
 * The latent is RMS-normalised before caching (kv_a_layernorm in the reference code, unit weight here). Queries are
 * projected directly (DeepSeek-V3 also compresses them to d_c′ = 1536; absorption does not depend on it).
 * Float64 throughout; the causal softmax subtracts the row maximum.
 */
import { kvCache } from './kvCache';
import { attentionKvSpec, InputError, mlaKvSpec, positiveInt } from './modelSpec';
import { randn } from './random';
import { ropeFrequencies, rotate } from './rope';

/** The shapes MLA needs. */
export interface MlaDims {
  /** d: model width. */
  dModel: number;
  /** n_h: attention heads. */
  heads: number;
  /** d_c: the cached latent. */
  kvLoraRank: number;
  /** d_h: per-head key dimension without position. */
  qkNopeHeadDim: number;
  /** d_h^R: the decoupled RoPE dimension (per head for queries, shared for the key). */
  qkRopeHeadDim: number;
  /** Per-head value dimension. */
  vHeadDim: number;
}

/** DeepSeek-V3 (config_671B.json): d 7168, 128 heads, d_c 512, d_c′ 1536, nope 128, rope 64, v 128, 61 layers. */
export const DEEPSEEK_V3_MLA = {
  dModel: 7168,
  heads: 128,
  kvLoraRank: 512,
  qLoraRank: 1536,
  qkNopeHeadDim: 128,
  qkRopeHeadDim: 64,
  vHeadDim: 128,
  layers: 61,
  ropeTheta: 10_000,
} as const;

/** Seeded weights; matrices are row-major with the output dimension first (y = W x). */
export interface MlaWeights {
  dims: MlaDims;
  /** d_c × d. */
  wDkv: Float64Array;
  /** d_h^R × d: the shared RoPE key. */
  wKr: Float64Array;
  /** H × (d_h + d_h^R) × d: queries, position-free part first. */
  wQ: Float64Array;
  /** H × d_h × d_c. */
  wUk: Float64Array;
  /** H × d_v × d_c. */
  wUv: Float64Array;
  /** d × (H·d_v). */
  wO: Float64Array;
}

/** What is cached per token: the normalised latent c_KV (T × d_c) and the rotated shared key k_R (T × d_h^R). */
export interface MlaCache {
  latent: Float64Array;
  ropeKey: Float64Array;
}

/** Outputs (T × d) and the attention weights (H × T × T, causal) of one computation. */
export interface MlaOutput {
  output: Float64Array;
  weights: Float64Array;
}

const ROPE_BASE = DEEPSEEK_V3_MLA.ropeTheta;

function checkDims(d: MlaDims): MlaDims {
  positiveInt('dModel', d.dModel, 65_536);
  positiveInt('heads', d.heads, 1024);
  positiveInt('kvLoraRank', d.kvLoraRank, 65_536);
  positiveInt('qkNopeHeadDim', d.qkNopeHeadDim, 4096);
  positiveInt('qkRopeHeadDim', d.qkRopeHeadDim, 4096);
  positiveInt('vHeadDim', d.vHeadDim, 4096);
  if (d.qkRopeHeadDim % 2 !== 0)
    throw new InputError('qkRopeHeadDim', `qkRopeHeadDim must be even (RoPE rotates pairs), got ${d.qkRopeHeadDim}`);
  return d;
}

/** Seeded weights with 1/√fan-in scaling. */
export function mlaWeights(dims: MlaDims, seed: number): MlaWeights {
  const { dModel: d, heads: H, kvLoraRank: c, qkNopeHeadDim: n, qkRopeHeadDim: r, vHeadDim: v } = checkDims(dims);
  const w = (size: number, s: number, fanIn: number) => Float64Array.from(randn(size, seed + s, 1 / Math.sqrt(fanIn)));
  return {
    dims,
    wDkv: w(c * d, 1, d),
    wKr: w(r * d, 2, d),
    wQ: w(H * (n + r) * d, 3, d),
    wUk: w(H * n * c, 4, c),
    wUv: w(H * v * c, 5, c),
    wO: w(d * H * v, 6, H * v),
  };
}

/** y = W x for W rows × cols at `offset` (rows of W from W[offset]). */
function matvec(W: Float64Array, offset: number, rows: number, cols: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    const base = offset + i * cols;
    for (let j = 0; j < cols; j++) acc += (W[base + j] ?? 0) * (x[j] ?? 0);
    y[i] = acc;
  }
  return y;
}

/** y = Wᵀ x for W rows × cols at `offset` (x has `rows` elements, y has `cols`). */
function matvecT(W: Float64Array, offset: number, rows: number, cols: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const xi = x[i] ?? 0;
    const base = offset + i * cols;
    for (let j = 0; j < cols; j++) y[j] = (y[j] ?? 0) + (W[base + j] ?? 0) * xi;
  }
  return y;
}

const rowOf = (m: Float64Array, t: number, width: number) => m.subarray(t * width, (t + 1) * width);

function tokensOf(dims: MlaDims, hidden: Float64Array): number {
  if (hidden.length === 0 || hidden.length % dims.dModel !== 0)
    throw new InputError('hidden', `hidden must hold T × ${dims.dModel} elements for some T ≥ 1, got ${hidden.length}`);
  return hidden.length / dims.dModel;
}

/** The down-projection: c_KV = RMSNorm(W_DKV h_t) and k_R = RoPE_t(W_KR h_t) for every token (what MLA caches). */
export function mlaCache(w: MlaWeights, hidden: Float64Array): MlaCache {
  const { dModel: d, kvLoraRank: c, qkRopeHeadDim: r } = w.dims;
  const T = tokensOf(w.dims, hidden);
  const freqs = ropeFrequencies(r, ROPE_BASE);
  const latent = new Float64Array(T * c);
  const ropeKey = new Float64Array(T * r);
  for (let t = 0; t < T; t++) {
    const h = rowOf(hidden, t, d);
    const raw = matvec(w.wDkv, 0, c, d, h);
    const rms = Math.sqrt(raw.reduce((s, v) => s + v * v, 0) / c + 1e-6);
    latent.set(
      raw.map((v) => v / rms),
      t * c,
    );
    ropeKey.set(rotate(matvec(w.wKr, 0, r, d, h), t, freqs), t * r);
  }
  return { latent, ropeKey };
}

/** Per-head queries: the position-free part (d_h) and the rotated part (d_h^R) for token t. */
function queries(w: MlaWeights, h: ArrayLike<number>, t: number, freqs: Float64Array) {
  const { dModel: d, heads: H, qkNopeHeadDim: n, qkRopeHeadDim: r } = w.dims;
  return Array.from({ length: H }, (_, head) => {
    const q = matvec(w.wQ, head * (n + r) * d, n + r, d, h);
    return { nope: q.subarray(0, n), rope: rotate(q.subarray(n), t, freqs) };
  });
}

function softmaxCausal(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const dotAt = (a: ArrayLike<number>, b: Float64Array, offset: number, len: number) => {
  let s = 0;
  for (let i = 0; i < len; i++) s += (a[i] ?? 0) * (b[offset + i] ?? 0);
  return s;
};

/** Attention the textbook way: rebuild per-head K and V from the cached latent, then softmax(QKᵀ/√(d_h+d_h^R))·V. */
export function mlaDecompressed(w: MlaWeights, hidden: Float64Array): MlaOutput {
  const { dModel: d, heads: H, kvLoraRank: c, qkNopeHeadDim: n, qkRopeHeadDim: r, vHeadDim: v } = w.dims;
  const T = tokensOf(w.dims, hidden);
  const cache = mlaCache(w, hidden);
  const freqs = ropeFrequencies(r, ROPE_BASE);
  const scale = 1 / Math.sqrt(n + r);
  const K = new Float64Array(H * T * n);
  const V = new Float64Array(H * T * v);
  for (let head = 0; head < H; head++)
    for (let s = 0; s < T; s++) {
      const cs = rowOf(cache.latent, s, c);
      K.set(matvec(w.wUk, head * n * c, n, c, cs), (head * T + s) * n);
      V.set(matvec(w.wUv, head * v * c, v, c, cs), (head * T + s) * v);
    }
  const output = new Float64Array(T * d);
  const weights = new Float64Array(H * T * T);
  for (let t = 0; t < T; t++) {
    const q = queries(w, rowOf(hidden, t, d), t, freqs);
    const heads = new Float64Array(H * v);
    q.forEach(({ nope, rope }, head) => {
      const scores = Float64Array.from({ length: t + 1 }, (_, s) => {
        return (dotAt(nope, K, (head * T + s) * n, n) + dotAt(rope, cache.ropeKey, s * r, r)) * scale;
      });
      const p = softmaxCausal(scores);
      weights.set(p, (head * T + t) * T);
      for (let s = 0; s <= t; s++)
        for (let j = 0; j < v; j++)
          heads[head * v + j] = (heads[head * v + j] ?? 0) + (p[s] ?? 0) * (V[(head * T + s) * v + j] ?? 0);
    });
    output.set(matvec(w.wO, 0, d, H * v, heads), t * d);
  }
  return { output, weights };
}

/**
 * Attention the inference way (DeepSeek-V3 inference/model.py, absorb mode): q̃ = W_UKᵀ q_C per head is scored against
 * the cached latent, q_R against the cached RoPE key, and the attention-weighted latent goes through W_UV and W_O.
 * Keys and values are never formed; by associativity the result equals the decompressed one.
 */
export function mlaAbsorbed(w: MlaWeights, hidden: Float64Array): MlaOutput {
  const { dModel: d, heads: H, kvLoraRank: c, qkNopeHeadDim: n, qkRopeHeadDim: r, vHeadDim: v } = w.dims;
  const T = tokensOf(w.dims, hidden);
  const cache = mlaCache(w, hidden);
  const freqs = ropeFrequencies(r, ROPE_BASE);
  const scale = 1 / Math.sqrt(n + r);
  const output = new Float64Array(T * d);
  const weights = new Float64Array(H * T * T);
  for (let t = 0; t < T; t++) {
    const q = queries(w, rowOf(hidden, t, d), t, freqs);
    const heads = new Float64Array(H * v);
    q.forEach(({ nope, rope }, head) => {
      const qLatent = matvecT(w.wUk, head * n * c, n, c, nope);
      const scores = Float64Array.from(
        { length: t + 1 },
        (_, s) => (dotAt(qLatent, cache.latent, s * c, c) + dotAt(rope, cache.ropeKey, s * r, r)) * scale,
      );
      const p = softmaxCausal(scores);
      weights.set(p, (head * T + t) * T);
      const context = new Float64Array(c);
      for (let s = 0; s <= t; s++) {
        const ps = p[s] ?? 0;
        for (let i = 0; i < c; i++) context[i] = (context[i] ?? 0) + ps * (cache.latent[s * c + i] ?? 0);
      }
      heads.set(matvec(w.wUv, head * v * c, v, c, context), head * v);
    });
    output.set(matvec(w.wO, 0, d, H * v, heads), t * d);
  }
  return { output, weights };
}

/** Largest absolute difference between the two computations' outputs (and attention weights). */
export function mlaAgreement(w: MlaWeights, hidden: Float64Array): { output: number; weights: number } {
  const a = mlaDecompressed(w, hidden);
  const b = mlaAbsorbed(w, hidden);
  const diff = (x: Float64Array, y: Float64Array) => x.reduce((m, v, i) => Math.max(m, Math.abs(v - (y[i] ?? 0))), 0);
  return { output: diff(a.output, b.output), weights: diff(a.weights, b.weights) };
}

/** Cached elements per token per layer, by the KV core: the MLA latent, MHA at the same heads, decompressed K/V. */
export interface MlaCacheComparison {
  /** d_c + d_h^R (576 for DeepSeek-V3). */
  mla: number;
  /** 2·n_h·d_h: MHA with the same heads and head size (DeepSeek-V2 Table 1; 32,768 for DeepSeek-V3). */
  mha: number;
  /** n_h·(d_h + d_h^R + d_v): caching the decompressed keys (with RoPE part) and values (40,960). */
  decompressed: number;
}

/** The per-token cache sizes MLA is compared against, computed by kvCache. */
export function mlaCacheComparison(dims: MlaDims): MlaCacheComparison {
  checkDims(dims);
  const perToken = (spec: Parameters<typeof kvCache>[0]) =>
    kvCache(spec, { tokens: 1, dtype: 'fp32' }).breakdown[0]?.elementsPerToken ?? 0;
  const mla = perToken(mlaKvSpec({ layers: 1, kvLoraRank: dims.kvLoraRank, qkRopeHeadDim: dims.qkRopeHeadDim }));
  const mha = perToken(attentionKvSpec({ layers: 1, kvHeads: dims.heads, headDim: dims.qkNopeHeadDim }));
  const kd = dims.qkNopeHeadDim + dims.qkRopeHeadDim;
  // Keys and values of different widths: a K-only spec at d_h + d_h^R plus a V-only one at d_v (each half of 2·KV·hd).
  const keys = perToken(attentionKvSpec({ layers: 1, kvHeads: dims.heads, headDim: kd })) / 2;
  const values = perToken(attentionKvSpec({ layers: 1, kvHeads: dims.heads, headDim: dims.vHeadDim })) / 2;
  return { mla, mha, decompressed: keys + values };
}
