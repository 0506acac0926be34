/**
 * The lab's non-MHA token mixers in jax-js, each a function of the normalised input xn [B, T, C]:
 *   - multi-head latent attention (DeepSeek-V2, arXiv:2405.04434 §2.1.2–2.1.3, eq. 9–19): the cache holds the latent
 *     c = RMSNorm(xn·W^DKV) (d_c = `latent`) and one RoPE key k^R = RoPE(xn·W^KR) shared by all heads (d_h^R); per head
 *     k = [c·W^UK ; k^R], v = c·W^UV, q = [xn·W^Q ; RoPE(xn·W^QR)], scores scaled by 1/√(hd + d_h^R);
 *   - a Mamba-2 block (Dao & Gu 2024, arXiv:2405.21060 §7 and mamba_ssm Mamba2): z, x, B, C, Δ projections, a causal
 *     depthwise convolution and SiLU on x, B, C, Δ = softplus(Δ + bias), A = −exp(A_log) per head, the SSD map in
 *     its quadratic "dual" form (§6: y = (L ∘ C·Bᵀ)·(Δ x) with L_ij = exp(Σ_{j<s≤i} Δ_s A)), the skip D·x, the gate
 *     y·SiLU(z) under an RMSNorm, and the output projection. jax-js has no scan primitive; for T = 64 the dual form is
 *     exact and a few matmuls. Equal to the recurrence h_t = exp(Δ_t A) h_{t−1} + Δ_t B_t x_t, y_t = C_t·h_t
 *     (checked against src/core/ssm.ts in mixers.test.ts).
 * Every argument is consumed (jax-js reference counting); shapes in comments use B, T, C, H, hd, N.
 */
import { ropeTables, type TinyGptConfig } from '../core/tinyGpt';
import type { LabConfig, LabMlaMixer, LabSsmMixer } from './config';
import { own, rotateHalfMatrix, type JArray, type Jax } from './modelTypes';

/** RoPE on the last axis of x [..., T, dim] (consumed): x·cos + (x·R)·sin; dispose() frees the tables. */
export interface Rope {
  apply(x: JArray): JArray;
  dispose(): void;
}

/** RoPE tables for vectors of `dim` elements over T positions, with the config's base. */
export function ropeFor(jax: Jax, config: LabConfig, dim: number, T: number): Rope {
  const { numpy: np } = jax;
  // ropeTables reads only the head dimension (dModel / heads), the base and T: a one-head view of width `dim`.
  const tables = ropeTables({ ...config, dModel: dim, heads: 1 } as TinyGptConfig, T);
  const cos = np.array(own(tables.cos), { shape: [T, dim] });
  const sin = np.array(own(tables.sin), { shape: [T, dim] });
  const rot = np.array(own(rotateHalfMatrix(dim)), { shape: [dim, dim] });
  return {
    apply: (x) => x.ref.mul(cos.ref).add(np.matmul(x, rot.ref).mul(sin.ref)),
    dispose: () => {
      cos.dispose();
      sin.dispose();
      rot.dispose();
    },
  };
}

/** A layer's parameter by name (throws naming it if missing). */
export type ParamOf = (name: string) => JArray;

/**
 * MLA mixer output [B, T, C] and its attention weights [B, H, T, T] (returned only when `keepMaps`; otherwise
 * null). `mask` [T, T] is the additive causal mask; it is consumed.
 */
export function mlaMixer(
  jax: Jax,
  config: LabConfig,
  mixer: LabMlaMixer,
  p: ParamOf,
  xn: JArray,
  mask: JArray,
  B: number,
  T: number,
  keepMaps: boolean,
): { out: JArray; maps: JArray | null } {
  const { numpy: np, nn } = jax;
  const H = config.heads;
  const hd = config.dModel / H;
  const { ropeDim: dR } = mixer;
  const ropeR = ropeFor(jax, config, dR, T);
  const heads = (x: JArray, dim: number) => x.reshape([B, T, H, dim]).transpose([0, 2, 1, 3]); // (B, H, T, dim)

  const qNope = heads(np.matmul(xn.ref, p('wq')), hd);
  const qRope = ropeR.apply(heads(np.matmul(xn.ref, p('wqr')), dR));
  const latentRaw = np.matmul(xn.ref, p('wdkv')); // (B, T, r): what the cache would hold, with k^R
  const latent = latentRaw.ref
    .div(np.sqrt(np.square(latentRaw).mean(-1, { keepdims: true }).add(config.normEps)))
    .mul(p('kvnorm.scale'));
  const kRope = ropeR.apply(np.matmul(xn, p('wkr')).reshape([B, 1, T, dR])); // one RoPE key for every head
  const kNope = heads(np.matmul(latent.ref, p('wuk')), hd);
  const v = heads(np.matmul(latent, p('wuv')), hd);
  const scores = np
    .matmul(qNope, kNope.transpose([0, 1, 3, 2]))
    .add(np.matmul(qRope, kRope.transpose([0, 1, 3, 2])))
    .mul(1 / Math.sqrt(hd + dR))
    .add(mask); // (B, H, T, T)
  const weights = nn.softmax(scores, -1);
  ropeR.dispose();
  const maps = keepMaps ? weights.ref : null;
  const merged = np
    .matmul(weights, v)
    .transpose([0, 2, 1, 3])
    .reshape([B, T, H * hd]);
  return { out: np.matmul(merged, p('wo')), maps };
}

/** The shift matrix S_s [T, T] with (S_s·u)_t = u_{t−s} (zero before the start): a causal delay by s steps. */
export function shiftMatrix(T: number, s: number): Float32Array {
  const m = new Float32Array(T * T);
  for (let t = s; t < T; t++) m[t * T + t - s] = 1;
  return m;
}

/** The lower-triangular ones [T, T] (1 where j ≤ i). */
export function lowerOnes(T: number): Float32Array {
  const m = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = 0; j <= i; j++) m[i * T + j] = 1;
  return m;
}

/**
 * The SSD map for one block: x [B, H, T, P], dt [B, H, T] (> 0), A [H] (< 0), Bm and Cm [B, 1, T, N] (one group),
 * skip D [H] → y [B, H, T, P]. Consumes every argument.
 */
export function ssd(jax: Jax, x: JArray, dt: JArray, A: JArray, Bm: JArray, Cm: JArray, D: JArray): JArray {
  const { numpy: np } = jax;
  const [B = 1, H = 1, T = 1] = dt.shape;
  const tril = np.array(own(lowerOnes(T)), { shape: [T, T] });
  const Lc = np.cumsum(dt.ref.mul(A.reshape([1, H, 1])), -1); // (B, H, T): Σ_{s≤t} Δ_s A
  const seg = Lc.ref.reshape([B, H, T, 1]).sub(Lc.reshape([B, H, 1, T])); // L_i − L_j
  const decay = np.exp(seg.mul(tril.ref).add(tril.sub(1).mul(1e9))); // 0 above the diagonal
  const W = np
    .matmul(Cm, Bm.transpose([0, 1, 3, 2]))
    .mul(decay)
    .mul(dt.reshape([B, H, 1, T])); // (B, H, T, T)
  return np.matmul(W, x.ref).add(x.mul(D.reshape([1, H, 1, 1])));
}

/** Causal depthwise convolution of u [B, T, D] with taps w [k, D] (tap k−1 on the current step) plus bias [D]. */
function causalConv(jax: Jax, u: JArray, w: JArray, bias: JArray, k: number, T: number): JArray {
  const { numpy: np } = jax;
  let out = u.ref.mul(w.ref.slice(k - 1)).add(bias);
  for (let s = 1; s < k; s++) {
    const shift = np.array(own(shiftMatrix(T, s)), { shape: [1, T, T] });
    out = out.add(np.matmul(shift, u.ref).mul(w.ref.slice(k - 1 - s)));
  }
  u.dispose();
  w.dispose();
  return out;
}

/** The Mamba-2 block's output [B, T, C] for xn [B, T, C]. */
export function ssmMixer(
  jax: Jax,
  config: LabConfig,
  mixer: LabSsmMixer,
  p: ParamOf,
  xn: JArray,
  B: number,
  T: number,
): JArray {
  const { numpy: np, nn } = jax;
  const C = config.dModel;
  const { heads: H, conv: k } = mixer;
  const P = C / H;
  const z = np.matmul(xn.ref, p('wz'));
  const x = nn.silu(causalConv(jax, np.matmul(xn.ref, p('wx')), p('convx'), p('convx_bias'), k, T));
  const Bm = nn.silu(causalConv(jax, np.matmul(xn.ref, p('wb')), p('convb'), p('convb_bias'), k, T));
  const Cm = nn.silu(causalConv(jax, np.matmul(xn.ref, p('wc')), p('convc'), p('convc_bias'), k, T));
  const dt = nn.softplus(np.matmul(xn, p('wdt')).add(p('dt_bias'))).transpose([0, 2, 1]); // (B, H, T)
  const A = np.exp(p('a_log')).mul(-1);
  const N = mixer.stateSize;
  const y = ssd(
    jax,
    x.reshape([B, T, H, P]).transpose([0, 2, 1, 3]),
    dt,
    A,
    Bm.reshape([B, 1, T, N]),
    Cm.reshape([B, 1, T, N]),
    p('d'),
  )
    .transpose([0, 2, 1, 3])
    .reshape([B, T, C]);
  const gated = y.mul(nn.silu(z));
  const normed = gated.ref
    .div(np.sqrt(np.square(gated).mean(-1, { keepdims: true }).add(config.normEps)))
    .mul(p('norm.scale'));
  return np.matmul(normed, p('wo'));
}
