/**
 * The architecture spec every calculator reads: one record per layer (which mixer, which window, which FFN) plus the
 * shared shapes of those parts. It covers decoder-only transformers with MHA/GQA/MQA (Shazeer 2019,
 * arXiv:1911.02150; Ainslie et al. 2023, arXiv:2305.13245), sliding-window attention (Beltagy et al. 2020,
 * arXiv:2004.05150; Mistral 7B, arXiv:2310.06825 §2), multi-head latent attention (DeepSeek-V2, arXiv:2405.04434
 * §2.1), mixture-of-experts FFNs (Shazeer et al. 2017; Fedus et al. 2021), and Mamba-1 / Mamba-2 SSM blocks (Gu & Dao
 * 2023, arXiv:2312.00752 §3; Dao & Gu 2024, arXiv:2405.21060 §7), alone or interleaved (Jamba, arXiv:2403.19887).
 * Letters follow units.ts: L layers, d hidden size, H query heads, KV key/value heads, hd head dimension.
 */

/** An input outside its accepted range. `field` names it; the message states the range. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** What mixes tokens in a layer: softmax attention with a K/V cache, MLA with a latent cache, or an SSM. */
export type Mixer = 'attention' | 'mla' | 'ssm';
/** The feed-forward part of a layer: a dense MLP, a mixture of experts, or none (pure Mamba blocks). */
export type Ffn = 'dense' | 'moe' | 'none';

/** One layer. */
export interface LayerSpec {
  readonly mixer: Mixer;
  /** Sliding-window size W in tokens for a local attention layer; null for full (global) attention and non-attention layers. */
  readonly window: number | null;
  readonly ffn: Ffn;
}

/** Multi-head attention with `kvHeads` key/value heads (MHA when = heads, GQA when fewer, MQA when 1). */
export interface AttentionSpec {
  /** H: query heads. */
  readonly heads: number;
  /** KV: key/value heads. */
  readonly kvHeads: number;
  /** hd: the head dimension (config `head_dim`, which need not be d/H). */
  readonly headDim: number;
  /** Biases on the q, k and v projections (GPT-2, Qwen2, gpt-oss, `attention_bias`). */
  readonly qkvBias: boolean;
  /** A bias on the output projection (GPT-2, gpt-oss, `attention_bias`). */
  readonly outputBias: boolean;
  /** RMSNorm of size hd on queries and on keys (Qwen3, Gemma 3). */
  readonly qkNorm: boolean;
  /** One learned attention-sink logit per head (gpt-oss). */
  readonly sinks: boolean;
}

/** Multi-head latent attention (DeepSeek-V2 §2.1): K and V are rebuilt from a cached latent of kvLoraRank. */
export interface MlaSpec {
  readonly heads: number;
  /** d_c: the compressed KV latent that is cached. */
  readonly kvLoraRank: number;
  /** d_c′: the query latent; null when queries are projected directly (DeepSeek-V2-Lite). */
  readonly qLoraRank: number | null;
  /** d_h^R: the decoupled RoPE key, shared by all heads and cached next to the latent. */
  readonly qkRopeHeadDim: number;
  readonly qkNopeHeadDim: number;
  readonly vHeadDim: number;
  /** Biases on q_a/kv_a/o projections (`attention_bias`; false in every DeepSeek release). */
  readonly bias: boolean;
}

/** A dense feed-forward block: gated (SwiGLU/GeGLU: gate, up, down) or ungated (up, down). */
export interface MlpSpec {
  readonly gated: boolean;
  readonly intermediateSize: number;
  readonly bias: boolean;
}

/** A mixture-of-experts feed-forward block. */
export interface MoeSpec {
  readonly routedExperts: number;
  /** top-k: routed experts each token uses. */
  readonly expertsPerToken: number;
  readonly expertIntermediateSize: number;
  readonly gated: boolean;
  /** Biases inside each expert (gpt-oss). */
  readonly expertBias: boolean;
  /** Always-active shared experts (DeepSeek), each of `sharedIntermediateSize`. */
  readonly sharedExperts: number;
  readonly sharedIntermediateSize: number;
  /** A d→1 sigmoid gate on the shared expert (Qwen2-MoE). */
  readonly sharedExpertGate: boolean;
  /** A per-expert router bias (gpt-oss; DeepSeek-V3 `e_score_correction_bias`). */
  readonly routerBias: boolean;
}

/** A Mamba-1 selective-SSM block (mamba_ssm `Mamba`, HF `MambaMixer`). */
export interface Mamba1Spec {
  readonly version: 1;
  readonly dInner: number;
  readonly dState: number;
  readonly dConv: number;
  readonly dtRank: number;
  readonly convBias: boolean;
  /** Biases on in_proj and out_proj. */
  readonly projBias: boolean;
  /** RMSNorms on dt, B and C inside the mixer (Jamba). */
  readonly innerNorms: boolean;
}

/** A Mamba-2 SSD block (mamba_ssm `Mamba2`, HF `Mamba2Mixer`): nHeads · headDim = dInner. */
export interface Mamba2Spec {
  readonly version: 2;
  readonly dInner: number;
  readonly dState: number;
  readonly dConv: number;
  readonly nHeads: number;
  readonly headDim: number;
  readonly nGroups: number;
  readonly convBias: boolean;
  readonly projBias: boolean;
}

export type SsmSpec = Mamba1Spec | Mamba2Spec;

/** Norms: kind, whether they carry a bias (LayerNorm), and how many of width d each layer has. */
export interface NormSpec {
  readonly kind: 'rms' | 'layer';
  readonly bias: boolean;
  /** 2 for pre-norm blocks, 1 for Falcon-7B's parallel block and Mamba, 4 for Gemma 2/3 sandwich norms. */
  readonly perLayer: number;
}

/** The part of a spec the KV-cache calculator reads. */
export interface KvSpec {
  readonly layers: readonly LayerSpec[];
  readonly attention: AttentionSpec | null;
  readonly mla: MlaSpec | null;
  readonly ssm: SsmSpec | null;
}

/** A whole model: enough to compute its KV cache, SSM state and parameter count. */
export interface ModelSpec extends KvSpec {
  readonly name: string;
  /** d. */
  readonly hiddenSize: number;
  /** Rows of the embedding table (padded, as stored). */
  readonly vocabSize: number;
  readonly tieWordEmbeddings: boolean;
  /** Rows of a learned absolute position table (GPT-2: 1024); 0 for RoPE and position-free models. */
  readonly learnedPositions: number;
  /** Trained context length from the config, when it states one. */
  readonly maxPositions: number | null;
  readonly norm: NormSpec;
  readonly mlp: MlpSpec | null;
  readonly moe: MoeSpec | null;
}

/** The largest dimension the calculators accept (1e9): larger values are treated as input errors. */
export const MAX_DIMENSION = 1_000_000_000;
/** The most layers a spec may have. */
export const MAX_LAYERS = 100_000;

/** Returns `value` if it is an integer in [1, max]; otherwise throws an InputError naming `field`. */
export function positiveInt(field: string, value: unknown, max = MAX_DIMENSION): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new InputError(
      field,
      `${field} must be an integer from 1 to ${max.toLocaleString('en-US')}, got ${show(value)}`,
    );
  }
  return value;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** Checks the KV-relevant part of a spec; throws an InputError naming the first bad field. */
export function validateKvSpec(spec: KvSpec): void {
  if (!Array.isArray(spec.layers) || spec.layers.length === 0 || spec.layers.length > MAX_LAYERS) {
    throw new InputError('layers', `layers must list 1 to ${MAX_LAYERS} layers`);
  }
  if (spec.attention) {
    positiveInt('attention.heads', spec.attention.heads);
    positiveInt('attention.kvHeads', spec.attention.kvHeads);
    positiveInt('attention.headDim', spec.attention.headDim);
  }
  if (spec.mla) {
    positiveInt('mla.heads', spec.mla.heads);
    positiveInt('mla.kvLoraRank', spec.mla.kvLoraRank);
    positiveInt('mla.qkRopeHeadDim', spec.mla.qkRopeHeadDim);
  }
  if (spec.ssm) validateSsm(spec.ssm);
  spec.layers.forEach((layer, i) => {
    const shapes: Record<string, unknown> = { attention: spec.attention, mla: spec.mla, ssm: spec.ssm };
    const needs = Object.hasOwn(shapes, layer.mixer) ? shapes[layer.mixer] : undefined;
    if (needs === undefined)
      throw new InputError(`layers[${i}].mixer`, `layers[${i}].mixer must be attention, mla or ssm`);
    if (needs === null)
      throw new InputError(layer.mixer, `layer ${i} is ${layer.mixer} but the spec has no ${layer.mixer} shape`);
    if (layer.window !== null) {
      if (layer.mixer !== 'attention')
        throw new InputError(
          `layers[${i}].window`,
          `only attention layers have a window (layer ${i} is ${layer.mixer})`,
        );
      positiveInt(`layers[${i}].window`, layer.window);
    }
  });
}

function validateSsm(ssm: SsmSpec): void {
  positiveInt('ssm.dInner', ssm.dInner);
  positiveInt('ssm.dState', ssm.dState, 1_000_000);
  positiveInt('ssm.dConv', ssm.dConv, 1_000);
  if (ssm.version === 2) {
    positiveInt('ssm.nHeads', ssm.nHeads);
    positiveInt('ssm.headDim', ssm.headDim);
    positiveInt('ssm.nGroups', ssm.nGroups);
    if (ssm.nHeads * ssm.headDim !== ssm.dInner) {
      throw new InputError(
        'ssm.nHeads',
        `Mamba-2 needs nHeads · headDim = dInner, got ${ssm.nHeads} · ${ssm.headDim} ≠ ${ssm.dInner}`,
      );
    }
  } else {
    positiveInt('ssm.dtRank', ssm.dtRank);
  }
}

/** Checks a whole spec (KV part, widths, FFNs); throws an InputError naming the first bad field. */
export function validateModelSpec(spec: ModelSpec): void {
  validateKvSpec(spec);
  positiveInt('hiddenSize', spec.hiddenSize);
  positiveInt('vocabSize', spec.vocabSize);
  if (spec.learnedPositions !== 0) positiveInt('learnedPositions', spec.learnedPositions);
  positiveInt('norm.perLayer', spec.norm.perLayer, 16);
  if (spec.mlp) positiveInt('mlp.intermediateSize', spec.mlp.intermediateSize);
  if (spec.moe) {
    positiveInt('moe.routedExperts', spec.moe.routedExperts, 1_000_000);
    positiveInt('moe.expertsPerToken', spec.moe.expertsPerToken, spec.moe.routedExperts);
    positiveInt('moe.expertIntermediateSize', spec.moe.expertIntermediateSize);
  }
  spec.layers.forEach((layer, i) => {
    if (layer.ffn === 'dense' && !spec.mlp)
      throw new InputError('mlp', `layer ${i} has a dense FFN but the spec has no mlp shape`);
    if (layer.ffn === 'moe' && !spec.moe)
      throw new InputError('moe', `layer ${i} has an MoE FFN but the spec has no moe shape`);
  });
}

/** Geometry of a plain attention stack, for comparisons and ad-hoc KV figures (no FFN, norms or vocabulary). */
export interface AttentionGeometry {
  layers: number;
  kvHeads: number;
  headDim: number;
  /** Query heads; defaults to kvHeads (only the KV cache is computed from this spec). */
  heads?: number;
  /** Sliding window on every layer; omitted or null for full attention. */
  window?: number | null;
}

/** A KV spec of `layers` identical attention layers: e.g. Llama-2-7B's 32 × (KV 32, hd 128). */
export function attentionKvSpec(g: AttentionGeometry): KvSpec {
  const layers = positiveInt('layers', g.layers, MAX_LAYERS);
  const window = g.window ?? null;
  return {
    layers: Array.from({ length: layers }, () => ({ mixer: 'attention' as const, window, ffn: 'none' as const })),
    attention: {
      heads: g.heads ?? g.kvHeads,
      kvHeads: g.kvHeads,
      headDim: g.headDim,
      qkvBias: false,
      outputBias: false,
      qkNorm: false,
      sinks: false,
    },
    mla: null,
    ssm: null,
  };
}

/** A KV spec of `layers` MLA layers caching kvLoraRank + qkRopeHeadDim elements per token (DeepSeek: 512 + 64). */
export function mlaKvSpec(g: { layers: number; kvLoraRank: number; qkRopeHeadDim: number; heads?: number }): KvSpec {
  const layers = positiveInt('layers', g.layers, MAX_LAYERS);
  return {
    layers: Array.from({ length: layers }, () => ({ mixer: 'mla' as const, window: null, ffn: 'none' as const })),
    attention: null,
    mla: {
      heads: g.heads ?? 1,
      kvLoraRank: g.kvLoraRank,
      qLoraRank: null,
      qkRopeHeadDim: g.qkRopeHeadDim,
      qkNopeHeadDim: 0,
      vHeadDim: 0,
      bias: false,
    },
    ssm: null,
  };
}
