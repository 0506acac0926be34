/**
 * The lab's model family: the tiny GPT of src/core/tinyGpt.ts with its token mixer and feed-forward part swapped.
 * A LabConfig is a TinyGptConfig whose `mixer` may also be multi-head latent attention (DeepSeek-V2,
 * arXiv:2405.04434 §2.1.2–2.1.3, eq. 9–19, queries projected directly as in DeepSeek-V2-Lite) or a Mamba-2 SSD block
 * (Dao & Gu 2024, arXiv:2405.21060 §7: in_proj, causal depthwise conv, SSD, gated RMSNorm, out_proj), and whose `ffn`
 * may be a top-k mixture of experts (Shazeer et al. 2017, arXiv:1701.06538; Switch balance loss, Fedus et al. 2021,
 * arXiv:2101.03961 §2.2). Attention + dense configs are exactly the shipped tiny GPT (same names, same order).
 *
 * Every variant is also described as a core ModelSpec, so its parameter count, KV-cache bytes and FLOPs per token
 * come from src/core (params.ts, kvCache.ts, flops.ts); a test checks that countParams equals the tensors built here.
 */
import type { ModelSpec } from '../core/modelSpec';
import { InputError, positiveInt } from '../core/modelSpec';
import {
  headDim,
  tinyGptShapes,
  validateTinyConfig,
  type ParamShape,
  type TinyAttentionMixer,
  type TinyDenseFfn,
  type TinyGptConfig,
} from '../core/tinyGpt';

/** MLA: a cached latent of `latent` (d_c) plus a decoupled RoPE key of `ropeDim` (d_h^R) shared by all heads. */
export interface LabMlaMixer {
  readonly kind: 'mla';
  readonly latent: number;
  readonly ropeDim: number;
}

/** A Mamba-2 block of `heads` SSD heads over d_inner = dModel channels, state size N, causal conv of `conv` taps. */
export interface LabSsmMixer {
  readonly kind: 'ssm';
  readonly stateSize: number;
  readonly heads: number;
  readonly conv: number;
}

export type LabMixer = TinyAttentionMixer | LabMlaMixer | LabSsmMixer;

/** A mixture of `experts` ReLU MLPs of `hidden` units, `topK` per token, Switch balance loss weighted `balance`. */
export interface LabMoeFfn {
  readonly kind: 'moe';
  readonly experts: number;
  readonly topK: number;
  readonly hidden: number;
  readonly balance: number;
}

export type LabFfn = TinyDenseFfn | LabMoeFfn;

/** The tiny GPT with any lab mixer and FFN; everything else (width, depth, context, norms, RoPE) is shared. */
export interface LabConfig extends Omit<TinyGptConfig, 'mixer' | 'ffn'> {
  readonly mixer: LabMixer;
  readonly ffn: LabFfn;
}

/** The attention-and-dense part of a config, for the checks and shapes tinyGpt.ts already owns. */
function asTiny(config: LabConfig): TinyGptConfig {
  const mixer: TinyAttentionMixer =
    config.mixer.kind === 'attention' ? config.mixer : { kind: 'attention', kvHeads: config.heads, window: null };
  const ffn: TinyDenseFfn = config.ffn.kind === 'dense' ? config.ffn : { kind: 'dense', hidden: config.ffn.hidden };
  return { ...config, mixer, ffn };
}

/** Checks every field; throws an InputError naming the field and its accepted range. Returns the config. */
export function validateLabConfig(config: LabConfig): LabConfig {
  if (typeof config?.mixer !== 'object' || config.mixer === null)
    throw new InputError('mixer', 'mixer must be an object with a kind');
  if (typeof config.ffn !== 'object' || config.ffn === null)
    throw new InputError('ffn', 'ffn must be an object with a kind');
  validateTinyConfig(asTiny(config));
  const { mixer, ffn } = config;
  if (mixer.kind === 'mla') {
    positiveInt('mixer.latent', mixer.latent, 1024);
    positiveInt('mixer.ropeDim', mixer.ropeDim, 256);
    if (mixer.ropeDim % 2 !== 0)
      throw new InputError('mixer.ropeDim', 'mixer.ropeDim must be even (RoPE rotates pairs)');
  } else if (mixer.kind === 'ssm') {
    positiveInt('mixer.stateSize', mixer.stateSize, 256);
    const heads = positiveInt('mixer.heads', mixer.heads, config.dModel);
    if (config.dModel % heads !== 0)
      throw new InputError('mixer.heads', `mixer.heads must divide dModel (${config.dModel})`);
    positiveInt('mixer.conv', mixer.conv, 16);
  } else if (mixer.kind !== 'attention') {
    throw new InputError('mixer.kind', 'mixer.kind must be attention, mla or ssm');
  }
  if (ffn.kind === 'moe') {
    const experts = positiveInt('ffn.experts', ffn.experts, 64);
    positiveInt('ffn.topK', ffn.topK, experts);
    if (!(ffn.balance >= 0 && ffn.balance <= 1))
      throw new InputError('ffn.balance', 'ffn.balance must be a number from 0 to 1');
  }
  return config;
}

/** Mixer parameters of one layer, in a fixed order, named under `p` (e.g. "layers.0"). */
function mixerShapes(config: LabConfig, p: string): ParamShape[] {
  const { dModel: C, heads: H, mixer } = config;
  const hd = headDim(asTiny(config));
  if (mixer.kind === 'mla') {
    const { latent: r, ropeDim: dR } = mixer;
    return [
      { name: `${p}.attn.wq`, shape: [C, H * hd] },
      { name: `${p}.attn.wqr`, shape: [C, H * dR] },
      { name: `${p}.attn.wdkv`, shape: [C, r] },
      { name: `${p}.attn.wkr`, shape: [C, dR] },
      { name: `${p}.attn.kvnorm.scale`, shape: [r] },
      { name: `${p}.attn.wuk`, shape: [r, H * hd] },
      { name: `${p}.attn.wuv`, shape: [r, H * hd] },
      { name: `${p}.attn.wo`, shape: [H * hd, C] },
    ];
  }
  if (mixer.kind === 'ssm') {
    const { stateSize: N, heads: nh, conv: k } = mixer;
    return [
      { name: `${p}.ssm.wz`, shape: [C, C] },
      { name: `${p}.ssm.wx`, shape: [C, C] },
      { name: `${p}.ssm.wb`, shape: [C, N] },
      { name: `${p}.ssm.wc`, shape: [C, N] },
      { name: `${p}.ssm.wdt`, shape: [C, nh] },
      { name: `${p}.ssm.convx`, shape: [k, C] },
      { name: `${p}.ssm.convx_bias`, shape: [C] },
      { name: `${p}.ssm.convb`, shape: [k, N] },
      { name: `${p}.ssm.convb_bias`, shape: [N] },
      { name: `${p}.ssm.convc`, shape: [k, N] },
      { name: `${p}.ssm.convc_bias`, shape: [N] },
      { name: `${p}.ssm.dt_bias`, shape: [nh] },
      { name: `${p}.ssm.a_log`, shape: [nh] },
      { name: `${p}.ssm.d`, shape: [nh] },
      { name: `${p}.ssm.norm.scale`, shape: [C] },
      { name: `${p}.ssm.wo`, shape: [C, C] },
    ];
  }
  const kv = mixer.kvHeads * hd;
  return [
    { name: `${p}.attn.wq`, shape: [C, H * hd] },
    { name: `${p}.attn.wk`, shape: [C, kv] },
    { name: `${p}.attn.wv`, shape: [C, kv] },
    { name: `${p}.attn.wo`, shape: [H * hd, C] },
  ];
}

/** FFN parameters of one layer. */
function ffnShapes(config: LabConfig, p: string): ParamShape[] {
  const { dModel: C, ffn } = config;
  if (ffn.kind === 'moe') {
    const { experts: E, hidden: F } = ffn;
    return [
      { name: `${p}.moe.router`, shape: [C, E] },
      { name: `${p}.moe.w1`, shape: [C, E * F] },
      { name: `${p}.moe.b1`, shape: [E * F] },
      { name: `${p}.moe.w2`, shape: [E, F, C] },
      { name: `${p}.moe.b2`, shape: [E, C] },
    ];
  }
  return [
    { name: `${p}.mlp.w1`, shape: [C, ffn.hidden] },
    { name: `${p}.mlp.b1`, shape: [ffn.hidden] },
    { name: `${p}.mlp.w2`, shape: [ffn.hidden, C] },
    { name: `${p}.mlp.b2`, shape: [C] },
  ];
}

/**
 * Every parameter in a fixed order: embedding, per layer (norm, mixer, norm, FFN), final norm, head. For attention +
 * dense configs this is tinyGptShapes exactly, so lab weights and shipped weights are interchangeable.
 */
export function labShapes(config: LabConfig): ParamShape[] {
  validateLabConfig(config);
  if (config.mixer.kind === 'attention' && config.ffn.kind === 'dense') return tinyGptShapes(asTiny(config));
  const { vocabSize: V, dModel: C } = config;
  const shapes: ParamShape[] = [{ name: 'wte', shape: [V, C] }];
  for (let l = 0; l < config.layers; l++) {
    const p = `layers.${l}`;
    shapes.push({ name: `${p}.ln1.scale`, shape: [C] }, { name: `${p}.ln1.bias`, shape: [C] });
    shapes.push(...mixerShapes(config, p));
    shapes.push({ name: `${p}.ln2.scale`, shape: [C] }, { name: `${p}.ln2.bias`, shape: [C] });
    shapes.push(...ffnShapes(config, p));
  }
  shapes.push({ name: 'lnf.scale', shape: [C] }, { name: 'lnf.bias', shape: [C] }, { name: 'head', shape: [C, V] });
  return shapes;
}

/**
 * The variant as a core ModelSpec: pre-LayerNorm (2 per layer, with bias), no attention biases, an ungated MLP or
 * MoE with biases, untied head, RoPE (no position table). countParams(labModelSpec(c)).total equals the tensors of
 * labShapes(c); kvCache and forwardFlops read it for the KV bytes and FLOPs per token.
 */
export function labModelSpec(config: LabConfig, name = 'lab variant'): ModelSpec {
  validateLabConfig(config);
  const { mixer, ffn, heads: H, dModel: C } = config;
  const hd = headDim(asTiny(config));
  const ffnKind = ffn.kind === 'moe' ? ('moe' as const) : ('dense' as const);
  const layers = Array.from({ length: config.layers }, () => ({
    mixer: mixer.kind,
    window: mixer.kind === 'attention' ? mixer.window : null,
    ffn: ffnKind,
  }));
  return {
    name,
    hiddenSize: C,
    vocabSize: config.vocabSize,
    tieWordEmbeddings: false,
    learnedPositions: 0,
    maxPositions: config.contextLength,
    norm: { kind: 'layer', bias: true, perLayer: 2 },
    layers,
    attention:
      mixer.kind === 'attention'
        ? {
            heads: H,
            kvHeads: mixer.kvHeads,
            headDim: hd,
            qkvBias: false,
            outputBias: false,
            qkNorm: false,
            sinks: false,
          }
        : null,
    mla:
      mixer.kind === 'mla'
        ? {
            heads: H,
            kvLoraRank: mixer.latent,
            qLoraRank: null,
            qkRopeHeadDim: mixer.ropeDim,
            qkNopeHeadDim: hd,
            vHeadDim: hd,
            bias: false,
          }
        : null,
    ssm:
      mixer.kind === 'ssm'
        ? {
            version: 2,
            dInner: C,
            dState: mixer.stateSize,
            dConv: mixer.conv,
            nHeads: mixer.heads,
            headDim: C / mixer.heads,
            nGroups: 1,
            convBias: true,
            projBias: false,
          }
        : null,
    mlp: ffn.kind === 'dense' ? { gated: false, intermediateSize: ffn.hidden, bias: true } : null,
    moe:
      ffn.kind === 'moe'
        ? {
            routedExperts: ffn.experts,
            expertsPerToken: ffn.topK,
            expertIntermediateSize: ffn.hidden,
            gated: false,
            expertBias: true,
            sharedExperts: 0,
            sharedIntermediateSize: 0,
            sharedExpertGate: false,
            routerBias: false,
          }
        : null,
  };
}
