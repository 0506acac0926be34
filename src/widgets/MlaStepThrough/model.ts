/**
 * The MLA step-through's view-model: DeepSeek-V3's multi-head latent attention (DeepSeek-V2 §2.1, dimensions from
 * config_671B.json) in five steps, each with the matrices it uses (shapes and parameters per layer, which add up to
 * countParams's attention count), the cache per token against MHA (src/core/mla over src/core/kvCache), the FLOPs
 * per cached token of the two computations (src/core/flops), and the live check that decompressed and absorbed
 * attention agree on seeded tensors (src/core/mla). The shapes come from core's DEEPSEEK_V3_MLA (a test checks them
 * against the deepseek-v3 preset), so the page does not ship the preset catalogue.
 */
import { mlaFlopsPerCachedToken } from '../../core/flops';
import { kvCache } from '../../core/kvCache';
import { DEEPSEEK_V3_MLA, mlaAgreement, mlaCacheComparison, mlaWeights, type MlaDims } from '../../core/mla';
import { attentionKvSpec, mlaKvSpec, type MlaSpec } from '../../core/modelSpec';
import { randn } from '../../core/random';
import { formatBytes, formatInteger } from '../../core/units';
import { ParamReader, prefixed } from '../shared/params';

const V3 = DEEPSEEK_V3_MLA;
const H = V3.heads;
const D = V3.dModel;
const QK = V3.qkNopeHeadDim + V3.qkRopeHeadDim;

/** DeepSeek-V3's attention as the FLOPs core reads it. */
export const V3_MLA_SPEC: MlaSpec = {
  heads: H,
  kvLoraRank: V3.kvLoraRank,
  qLoraRank: V3.qLoraRank,
  qkRopeHeadDim: V3.qkRopeHeadDim,
  qkNopeHeadDim: V3.qkNopeHeadDim,
  vHeadDim: V3.vHeadDim,
  bias: false,
};

export interface Matrix {
  name: string;
  shape: string;
  /** What the columns are, e.g. "128 heads × 192"; empty when obvious. */
  note?: string;
  params: number;
}

export interface Vector {
  name: string;
  size: string;
  cached: boolean;
}

export interface Step {
  title: string;
  body: string;
  matrices: Matrix[];
  vectors: Vector[];
}

const m = (name: string, rows: number, cols: number, note = ''): Matrix => ({
  name,
  shape: `${formatInteger(rows)} × ${formatInteger(cols)}`,
  note: note.replace(/^ \((.*)\)$/, '$1'),
  params: rows * cols,
});

/** The five steps, with DeepSeek-V3's shapes (d = 7168, n_h = 128, d_c = 512, d_c′ = 1536, 128 + 64, v 128). */
export const STEPS: readonly Step[] = [
  {
    title: 'Compress keys and values into one latent',
    body:
      `Each token's hidden state h (${formatInteger(D)}) is projected down to c_KV of ${V3.kvLoraRank} numbers ` +
      'and RMS-normalised. This latent is all MLA caches for keys and values: the heads rebuild their keys and ' +
      'values from it.',
    matrices: [m('W_DKV', D, V3.kvLoraRank), { name: 'KV norm', shape: `${V3.kvLoraRank}`, params: V3.kvLoraRank }],
    vectors: [{ name: 'c_KV', size: `${V3.kvLoraRank}`, cached: true }],
  },
  {
    title: 'A decoupled RoPE key',
    body:
      `RoPE cannot pass through the up-projection (its rotation depends on the position), so a separate ` +
      `${V3.qkRopeHeadDim}-dimensional key k_R = RoPE(W_KR h) carries position. One k_R is shared by all ` +
      `${H} heads and cached beside c_KV.`,
    matrices: [m('W_KR', D, V3.qkRopeHeadDim)],
    vectors: [{ name: 'k_R', size: `${V3.qkRopeHeadDim}, shared`, cached: true }],
  },
  {
    title: 'Queries through their own latent',
    body:
      `Queries are compressed too (to ${V3.qLoraRank}), which saves training memory but not cache. Each head gets ` +
      `a ${V3.qkNopeHeadDim}-dimensional content query q_C and a ${V3.qkRopeHeadDim}-dimensional q_R that is rotated.`,
    matrices: [
      m('W_DQ', D, V3.qLoraRank),
      { name: 'Q norm', shape: `${V3.qLoraRank}`, params: V3.qLoraRank },
      m('W_UQ', V3.qLoraRank, H * QK, ` (${H} heads × ${QK})`),
    ],
    vectors: [
      { name: 'q_C', size: `${H} × ${V3.qkNopeHeadDim}`, cached: false },
      { name: 'q_R', size: `${H} × ${V3.qkRopeHeadDim}`, cached: false },
    ],
  },
  {
    title: 'Up-project to per-head keys and values',
    body:
      `In training and prefill, W_UK and W_UV rebuild ${H} keys [k_C; k_R] of ${QK} and ${H} values of ` +
      `${V3.vHeadDim} from c_KV, and attention runs as in MHA. Caching these would take ` +
      `${formatInteger(H * (QK + V3.vHeadDim))} numbers per token and layer.`,
    matrices: [
      m('W_UK', V3.kvLoraRank, H * V3.qkNopeHeadDim, ` (${H} × ${V3.qkNopeHeadDim})`),
      m('W_UV', V3.kvLoraRank, H * V3.vHeadDim, ` (${H} × ${V3.vHeadDim})`),
      m('W_O', H * V3.vHeadDim, D),
    ],
    vectors: [
      { name: 'k_C', size: `${H} × ${V3.qkNopeHeadDim}`, cached: false },
      { name: 'v', size: `${H} × ${V3.vHeadDim}`, cached: false },
    ],
  },
  {
    title: 'Absorb the up-projections at inference',
    body:
      'Because q_Cᵀ(W_UK c) = (W_UKᵀ q_C)ᵀ c, W_UK folds into the query and each head scores the cached latent ' +
      'directly; W_UV folds into the output the same way. Decoding reads only c_KV and k_R: ' +
      `${V3.kvLoraRank} + ${V3.qkRopeHeadDim} = ${V3.kvLoraRank + V3.qkRopeHeadDim} numbers per token and layer.`,
    matrices: [
      m('W_UK, into the query', V3.kvLoraRank, H * V3.qkNopeHeadDim, ' (re-used)'),
      m('W_UV, into the output', V3.kvLoraRank, H * V3.vHeadDim, ' (re-used)'),
    ],
    vectors: [
      { name: 'q̃ = W_UKᵀ q_C', size: `${H} × ${V3.kvLoraRank}`, cached: false },
      { name: 'c_KV', size: `${V3.kvLoraRank}`, cached: true },
      { name: 'k_R', size: `${V3.qkRopeHeadDim}`, cached: true },
    ],
  },
];

/** Attention parameters per layer: the matrices of steps 1–4 (step 5 re-uses them). */
export const PARAMS_PER_LAYER = STEPS.slice(0, 4)
  .flatMap((s) => s.matrices)
  .reduce((sum, x) => sum + x.params, 0);

export const LENGTHS = [4096, 32_768, 131_072, 163_840] as const;
export type Length = (typeof LENGTHS)[number];

export interface MlaState {
  /** 1-based step. */
  step: number;
  tokens: Length;
  seed: number;
}

export const DEFAULT_STATE: MlaState = { step: 1, tokens: 131_072, seed: 1 };
export const MAX_SEED = 999;

/** The seed after `seed`, wrapping to 1 after MAX_SEED. */
export const nextSeed = (seed: number) => (seed >= MAX_SEED ? 1 : seed + 1);
const PREFIX = 'mla';

export function readState(query: URLSearchParams, base: MlaState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const state: MlaState = {
    step: r.int('step', 1, STEPS.length, base.step),
    tokens: r.choice('tokens', LENGTHS, base.tokens),
    seed: r.int('seed', 1, MAX_SEED, base.seed),
  };
  return { state, notes: r.notes };
}

export function toUrl(s: MlaState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, { step: [s.step, d.step], tokens: [s.tokens, d.tokens], seed: [s.seed, d.seed] });
}

export interface CacheBar {
  id: string;
  label: string;
  elements: number;
  text: string;
  /** Share of the largest bar, 0–1. */
  share: number;
  /** The share as a CSS width, e.g. "1.41%". */
  width: string;
  bytes: string;
}

export interface CacheView {
  bars: CacheBar[];
  sentence: string;
  flops: { absorbed: string; decompressed: string; sentence: string };
}

/** The cache per token (576 vs 32,768 vs 40,960) and its bytes over 61 layers at `tokens`, bf16. */
export function cacheView(tokens: number): CacheView {
  const c = mlaCacheComparison(V3);
  const layers = V3.layers;
  const v3 = kvCache(mlaKvSpec({ layers, kvLoraRank: V3.kvLoraRank, qkRopeHeadDim: V3.qkRopeHeadDim }), {
    tokens,
  }).bytes;
  const mha = kvCache(attentionKvSpec({ layers, kvHeads: H, headDim: V3.qkNopeHeadDim }), { tokens }).bytes;
  const decompressed = c.decompressed * layers * tokens * 2;
  const max = Math.max(c.mla, c.mha, c.decompressed);
  const bar = (id: string, label: string, elements: number, b: number): CacheBar => ({
    id,
    label,
    elements,
    text: formatInteger(elements),
    share: elements / max,
    width: `${((elements / max) * 100).toFixed(2)}%`,
    bytes: formatBytes(b),
  });
  const absorbed = mlaFlopsPerCachedToken(V3_MLA_SPEC, 'absorbed');
  const plain = mlaFlopsPerCachedToken(V3_MLA_SPEC, 'decompressed');
  return {
    bars: [
      bar('mla', `MLA: c_KV ${V3.kvLoraRank} + k_R ${V3.qkRopeHeadDim}`, c.mla, v3),
      bar('mha', `MHA, ${H} heads × ${V3.qkNopeHeadDim}: 2·${H}·${V3.qkNopeHeadDim}`, c.mha, mha),
      bar('decompressed', `Decompressed K (${QK}) and V (${V3.vHeadDim}) per head`, c.decompressed, decompressed),
    ],
    sentence:
      `Per token and layer MLA caches ${formatInteger(c.mla)} numbers against ${formatInteger(c.mha)} for MHA ` +
      `(${(c.mha / c.mla).toFixed(1)}× less). At ${formatInteger(tokens)} tokens, all ${layers} layers in bf16: ` +
      `${formatBytes(v3)} against ${formatBytes(mha)}.`,
    flops: {
      absorbed: formatInteger(absorbed),
      decompressed: formatInteger(plain),
      sentence:
        `The price: scoring and reading the latent costs ${formatInteger(absorbed)} FLOPs per cached token and ` +
        `layer absorbed, against ${formatInteger(plain)} with decompressed keys and values ` +
        `(${(absorbed / plain).toFixed(1)}× more compute for ${(c.decompressed / c.mla).toFixed(0)}× less cache).`,
    },
  };
}

/** The live check's shapes: DeepSeek-V3's per-head sizes, 4 heads, a 64-wide model, 8 tokens. */
export const CHECK_DIMS: MlaDims = { ...V3, dModel: 64, heads: 4 };
export const CHECK_TOKENS = 8;

export interface CheckView {
  output: number;
  weights: number;
  sentence: string;
}

/** Decompressed vs absorbed attention on seeded tensors: the largest absolute differences. */
export function runCheck(seed: number): CheckView {
  const w = mlaWeights(CHECK_DIMS, seed * 7919);
  const hidden = Float64Array.from(randn(CHECK_TOKENS * CHECK_DIMS.dModel, seed * 7919 + 1));
  const a = mlaAgreement(w, hidden);
  return {
    ...a,
    sentence:
      `Seed ${seed}: ${CHECK_TOKENS} tokens through ${CHECK_DIMS.heads} heads with d_c ${CHECK_DIMS.kvLoraRank}, ` +
      `d_h ${CHECK_DIMS.qkNopeHeadDim}, d_h^R ${CHECK_DIMS.qkRopeHeadDim}: the two computations differ by at most ` +
      `${a.output.toExponential(1)} in the output and ${a.weights.toExponential(1)} in the attention weights ` +
      '(float64 rounding).',
  };
}

/** The live readout for one step. */
export function readout(s: MlaState): string {
  const step = STEPS[s.step - 1] ?? STEPS[0]!;
  const cached = step.vectors.filter((v) => v.cached).map((v) => `${v.name} (${v.size})`);
  return (
    `Step ${s.step} of ${STEPS.length}: ${step.title}. ` +
    (cached.length ? `Cached: ${cached.join(' and ')}.` : 'Nothing from this step is cached.')
  );
}
