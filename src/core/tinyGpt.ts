/**
 * The tiny character-level GPT trained by this project (scripts/train-tiny.ts) and run by hand in the browser
 * (attention.ts): its configuration, parameter names and shapes, the RoPE tables and its KV-cache geometry.
 *
 * Architecture: a decoder-only Transformer (Vaswani et al. 2017, arXiv:1706.03762 §3) with pre-LayerNorm blocks
 * (Xiong et al. 2020, arXiv:2002.04745), a ReLU MLP, rotary position embeddings (Su et al. 2021, RoFormer,
 * arXiv:2104.09864 §3.4.2, in the rotate-half layout of GPT-NeoX and Llama) and grouped-query attention
 * (Ainslie et al. 2023, arXiv:2305.13245 §2): `kvHeads` = `heads` is MHA, 1 is MQA, anything between is GQA.
 * Weights multiply on the right (y = x·W, W of shape [in, out]); every matrix is row-major.
 */
import { attentionKvSpec, InputError, positiveInt, type KvSpec } from './modelSpec';

/** Softmax attention with `kvHeads` shared key/value heads and an optional causal sliding window of `window` keys. */
export interface TinyAttentionMixer {
  readonly kind: 'attention';
  readonly kvHeads: number;
  /** W: each query sees itself and the W − 1 keys before it; null for full causal attention. */
  readonly window: number | null;
}

/** A two-layer ReLU MLP of `hidden` units. */
export interface TinyDenseFfn {
  readonly kind: 'dense';
  readonly hidden: number;
}

/** The tiny model's shape. Letters as in units.ts: V vocabulary, T context, C width, H heads, KV key/value heads. */
export interface TinyGptConfig {
  /** V: characters in the vocabulary. */
  readonly vocabSize: number;
  /** T: the longest input, in characters. */
  readonly contextLength: number;
  /** C: the model width. */
  readonly dModel: number;
  readonly layers: number;
  /** H: query heads; the head dimension is C / H. */
  readonly heads: number;
  readonly mixer: TinyAttentionMixer;
  readonly ffn: TinyDenseFfn;
  /** θ of RoPE: frequency i of a head is θ^(−2i/hd). */
  readonly ropeBase: number;
  /** ε inside LayerNorm's square root. */
  readonly normEps: number;
}

/** A named tensor of the model: row-major `shape`. */
export interface ParamShape {
  readonly name: string;
  readonly shape: readonly number[];
}

/** Weights by parameter name, each a row-major Float32Array of its shape's size. */
export type TinyGptWeights = Readonly<Record<string, Float32Array>>;

/** hd: the head dimension C / H. */
export const headDim = (config: TinyGptConfig): number => config.dModel / config.heads;

/**
 * Checks every field; throws an InputError naming the field and its accepted range. Returns the config unchanged
 * so callers can validate inline.
 */
export function validateTinyConfig(config: TinyGptConfig): TinyGptConfig {
  positiveInt('vocabSize', config.vocabSize, 4096);
  positiveInt('contextLength', config.contextLength, 4096);
  positiveInt('dModel', config.dModel, 4096);
  positiveInt('layers', config.layers, 64);
  const heads = positiveInt('heads', config.heads, 64);
  if (config.dModel % heads !== 0 || headDim(config) % 2 !== 0)
    throw new InputError('heads', `heads must divide dModel (${config.dModel}) into an even head dimension`);
  if (config.mixer?.kind !== 'attention')
    throw new InputError('mixer.kind', 'mixer.kind must be "attention" (the only mixer the tiny model has so far)');
  const kv = positiveInt('mixer.kvHeads', config.mixer.kvHeads, heads);
  if (heads % kv !== 0) throw new InputError('mixer.kvHeads', `mixer.kvHeads must divide heads (${heads})`);
  if (config.mixer.window !== null) positiveInt('mixer.window', config.mixer.window, config.contextLength);
  if (config.ffn?.kind !== 'dense') throw new InputError('ffn.kind', 'ffn.kind must be "dense"');
  positiveInt('ffn.hidden', config.ffn.hidden, 65536);
  if (!(config.ropeBase > 1 && Number.isFinite(config.ropeBase)))
    throw new InputError('ropeBase', 'ropeBase must be a finite number above 1');
  if (!(config.normEps > 0 && config.normEps < 1)) throw new InputError('normEps', 'normEps must be in (0, 1)');
  return config;
}

/** Every parameter in a fixed order: embedding, per layer (norm, attention, norm, MLP), final norm, output head. */
export function tinyGptShapes(config: TinyGptConfig): ParamShape[] {
  const { vocabSize: V, dModel: C, heads: H, mixer, ffn } = validateTinyConfig(config);
  const hd = headDim(config);
  const F = ffn.hidden;
  const shapes: ParamShape[] = [{ name: 'wte', shape: [V, C] }];
  for (let l = 0; l < config.layers; l++) {
    const p = `layers.${l}`;
    shapes.push(
      { name: `${p}.ln1.scale`, shape: [C] },
      { name: `${p}.ln1.bias`, shape: [C] },
      { name: `${p}.attn.wq`, shape: [C, H * hd] },
      { name: `${p}.attn.wk`, shape: [C, mixer.kvHeads * hd] },
      { name: `${p}.attn.wv`, shape: [C, mixer.kvHeads * hd] },
      { name: `${p}.attn.wo`, shape: [H * hd, C] },
      { name: `${p}.ln2.scale`, shape: [C] },
      { name: `${p}.ln2.bias`, shape: [C] },
      { name: `${p}.mlp.w1`, shape: [C, F] },
      { name: `${p}.mlp.b1`, shape: [F] },
      { name: `${p}.mlp.w2`, shape: [F, C] },
      { name: `${p}.mlp.b2`, shape: [C] },
    );
  }
  shapes.push({ name: 'lnf.scale', shape: [C] }, { name: 'lnf.bias', shape: [C] }, { name: 'head', shape: [C, V] });
  return shapes;
}

/** Elements in a shape. */
export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Total parameters: 107,136 for the shipped MHA model (V 59, C 64, 2 layers, 4 heads, MLP 256), 98,944 for GQA-2. */
export function tinyGptParamCount(config: TinyGptConfig): number {
  return tinyGptShapes(config).reduce((n, s) => n + sizeOf(s.shape), 0);
}

/**
 * Checks that `weights` holds every parameter of `config` at its size; throws an InputError naming the first
 * missing or mis-sized tensor.
 */
export function checkWeights(config: TinyGptConfig, weights: TinyGptWeights): void {
  for (const { name, shape } of tinyGptShapes(config)) {
    const w = weights[name];
    if (!w) throw new InputError(name, `weights.${name} is missing`);
    if (w.length !== sizeOf(shape))
      throw new InputError(
        name,
        `weights.${name} must hold ${sizeOf(shape)} values [${shape.join(', ')}], got ${w.length}`,
      );
  }
}

/**
 * RoPE tables of shape [T, hd] in the rotate-half layout: for pair i < hd/2 (elements i and i + hd/2) at position t
 * the angle is t·θ^(−2i/hd); both halves of a row repeat the same cos and sin (RoFormer eq. 34).
 */
export function ropeTables(
  config: TinyGptConfig,
  length = config.contextLength,
): { cos: Float32Array; sin: Float32Array } {
  const hd = headDim(config);
  const half = hd / 2;
  const cos = new Float32Array(length * hd);
  const sin = new Float32Array(length * hd);
  for (let t = 0; t < length; t++) {
    for (let i = 0; i < half; i++) {
      const angle = t * Math.pow(config.ropeBase, (-2 * i) / hd);
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      cos[t * hd + i] = c;
      cos[t * hd + i + half] = c;
      sin[t * hd + i] = s;
      sin[t * hd + i + half] = s;
    }
  }
  return { cos, sin };
}

/** The model's KV geometry for the KV core (kvCache.ts): `layers` attention layers of KV heads × hd. */
export function tinyKvSpec(config: TinyGptConfig): KvSpec {
  return attentionKvSpec({
    layers: config.layers,
    kvHeads: config.mixer.kvHeads,
    headDim: headDim(config),
    heads: config.heads,
    window: config.mixer.window,
  });
}
