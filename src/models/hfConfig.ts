/**
 * Hugging Face config.json → ModelSpec, with the traps of notes/model-facts.md §7 handled: `head_dim` over d/H,
 * `num_key_value_heads` defaulting to H, GPT-2 names, Falcon's `multi_query` rule, MLA when `kv_lora_rank` is set,
 * sliding windows per layer, Jamba-style hybrids, Mamba-1/2 fields (HF and mamba_ssm names), and multimodal configs
 * read from `text_config`. Bad input raises a ConfigError naming the field; every assumption lands in `notes`.
 */
import {
  InputError,
  validateModelSpec,
  type AttentionSpec,
  type MlaSpec,
  type ModelSpec,
  type MoeSpec,
  type SsmSpec,
} from '../core/modelSpec';
import { ConfigError, Fields, isObject, parseJsonText, show, type JsonObject } from './hfFields';
import { layerFfns, layerMixers, layerWindows, type Family } from './hfLayout';
import { parseSsm } from './hfSsm';

export { ConfigError } from './hfFields';

export interface ParsedConfig {
  spec: ModelSpec;
  /** Lower-cased `model_type` ('' when absent). */
  modelType: string;
  /** Assumptions and ignored fields, one sentence each. */
  notes: string[];
}

const MAX = { layers: 10_000, width: 1_000_000, heads: 100_000, ffn: 10_000_000, vocab: 100_000_000, experts: 100_000 };

/** transformers Gemma3TextConfig defaults: sub-configs are saved as a diff against them, so real text_configs omit them. */
const TEXT_CONFIG_DEFAULTS: Record<string, JsonObject> = {
  gemma3_text: {
    vocab_size: 262_208,
    hidden_size: 2304,
    intermediate_size: 9216,
    num_hidden_layers: 26,
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    max_position_embeddings: 131_072,
    sliding_window: 4096,
    sliding_window_pattern: 6,
    tie_word_embeddings: true,
  },
};

/** `tie_word_embeddings` defaults of the transformers config classes, used (with a note) when a config omits it. */
const TIE_DEFAULTS: Record<string, boolean> = {
  gpt2: true,
  falcon: true,
  mamba: true,
  gemma: true,
  gemma2: true,
  gemma3_text: true,
  llama: false,
  mistral: false,
  mixtral: false,
  qwen2: false,
  qwen2_moe: false,
  qwen3: false,
  qwen3_moe: false,
  deepseek_v2: false,
  deepseek_v3: false,
  jamba: false,
  gpt_oss: false,
};

/**
 * Parses a config.json (text or already-parsed JSON) into a ModelSpec. Throws only ConfigError, whose `field` names
 * the offending field, e.g. "num_attention_heads is missing (a positive integer up to 100,000)".
 */
export function parseHfConfig(input: unknown, options: { name?: string } = {}): ParsedConfig {
  const root = typeof input === 'string' ? parseJsonText(input) : input;
  if (!isObject(root))
    throw new ConfigError('config', `config must be a JSON object (a config.json), got ${show(root)}`);
  const notes: string[] = [];
  const top = new Fields(root, '', notes);
  let f = top;
  if (top.has('text_config')) {
    const text = root.text_config;
    if (!isObject(text)) throw new ConfigError('text_config', `text_config must be an object, got ${show(text)}`);
    notes.push(
      'Multimodal config: the language model is read from text_config; vision and audio towers are not counted.',
    );
    f = new Fields(withClassDefaults(text, notes), 'text_config.', notes);
  }
  const modelType = (f.str('model_type') ?? top.str('model_type') ?? '').toLowerCase();
  try {
    const spec = buildSpec(f, top, modelType, options.name ?? nameOf(root, modelType));
    validateModelSpec(spec);
    return { spec, modelType, notes };
  } catch (error) {
    if (error instanceof InputError && !(error instanceof ConfigError))
      throw new ConfigError(error.field, error.message);
    throw error;
  }
}

function withClassDefaults(text: JsonObject, notes: string[]): JsonObject {
  const type = typeof text.model_type === 'string' ? text.model_type : '';
  const defaults = Object.hasOwn(TEXT_CONFIG_DEFAULTS, type) ? TEXT_CONFIG_DEFAULTS[type] : undefined;
  if (!defaults) return text;
  const filled = Object.keys(defaults).filter((k) => text[k] === undefined);
  if (filled.length) notes.push(`text_config omits ${filled.join(', ')}: the ${type} class defaults apply.`);
  return { ...defaults, ...text };
}

function nameOf(root: JsonObject, modelType: string): string {
  if (typeof root._name_or_path === 'string' && root._name_or_path.trim()) return root._name_or_path.trim();
  const arch = Array.isArray(root.architectures) ? root.architectures[0] : undefined;
  if (typeof arch === 'string') return arch;
  return modelType || 'custom config';
}

function familyOf(f: Fields, modelType: string): Family {
  if (['mamba', 'falcon_mamba', 'mamba2'].includes(modelType) || f.has('ssm_cfg')) return 'ssm';
  if (modelType === 'jamba' || f.has('attn_layer_period') || f.has('layers_block_type')) return 'hybrid';
  if (modelType === 'gpt2' || (!modelType && f.has('n_layer') && f.has('n_head') && f.has('n_embd'))) return 'gpt2';
  if (['falcon', 'refinedweb', 'refinedwebmodel'].includes(modelType)) return 'falcon';
  return 'decoder';
}

function buildSpec(f: Fields, top: Fields, modelType: string, name: string): ModelSpec {
  const family = familyOf(f, modelType);
  const L = f.int(['num_hidden_layers', 'n_layer', 'num_layers'], { max: MAX.layers });
  const d = f.int(['hidden_size', 'n_embd', 'd_model', 'n_embed'], { max: MAX.width });
  const vocab = paddedVocab(f);
  const ungated = family === 'gpt2' || family === 'falcon';

  let attention: AttentionSpec | null = null;
  let mla: MlaSpec | null = null;
  if (family !== 'ssm') {
    const H = f.int(['num_attention_heads', 'n_head'], { max: MAX.heads });
    if (f.has('kv_lora_rank')) mla = parseMla(f, H);
    else attention = parseAttention(f, family, modelType, d, H);
  }
  const moe = family === 'ssm' ? null : parseMoe(f, modelType, !ungated);
  const mixers = layerMixers(f, L, family, mla !== null);
  const windows = family === 'ssm' ? mixers.map(() => null) : layerWindows(f, mixers, modelType);
  const ffns = layerFfns(f, L, family, moe !== null);
  const mlp = ffns.includes('dense')
    ? {
        gated: !ungated,
        intermediateSize:
          family === 'gpt2'
            ? (f.optInt('n_inner', { max: MAX.ffn }) ?? 4 * d)
            : family === 'falcon'
              ? (f.optInt('ffn_hidden_size', { max: MAX.ffn }) ?? 4 * d)
              : f.int('intermediate_size', { max: MAX.ffn }),
        bias: family === 'gpt2' ? true : family === 'falcon' ? f.bool('bias', false) : f.bool('mlp_bias', false),
      }
    : null;
  const ssm: SsmSpec | null = mixers.includes('ssm') ? parseSsm(f, d, modelType, family) : null;

  return {
    name,
    hiddenSize: d,
    vocabSize: vocab,
    tieWordEmbeddings: tieOf(f, top, modelType),
    learnedPositions: family === 'gpt2' ? f.int(['n_positions', 'max_position_embeddings'], { max: MAX.ffn }) : 0,
    maxPositions: maxPositionsOf(f),
    norm: {
      kind: ungated ? 'layer' : 'rms',
      bias: ungated,
      perLayer: normsPerLayer(f, family, modelType),
    },
    layers: mixers.map((mixer, i) => ({ mixer, window: windows[i] ?? null, ffn: ffns[i] ?? 'none' })),
    attention,
    mla,
    ssm,
    mlp,
    moe,
  };
}

function paddedVocab(f: Fields): number {
  const vocab = f.int('vocab_size', { max: MAX.vocab });
  const multiple = f.optInt('pad_vocab_size_multiple', { max: 1_000_000 });
  if (multiple === null || vocab % multiple === 0) return vocab;
  const padded = Math.ceil(vocab / multiple) * multiple;
  f.notes.push(`vocab_size ${vocab} is padded to a multiple of ${multiple}: ${padded} embedding rows.`);
  return padded;
}

function parseMla(f: Fields, H: number): MlaSpec {
  if (f.has('num_key_value_heads') || f.has('head_dim'))
    f.notes.push(
      'MLA (kv_lora_rank is set): num_key_value_heads and head_dim are ignored; the cache holds kv_lora_rank + qk_rope_head_dim per layer.',
    );
  return {
    heads: H,
    kvLoraRank: f.int('kv_lora_rank', { max: MAX.width }),
    qLoraRank: f.optInt('q_lora_rank', { max: MAX.width }),
    qkRopeHeadDim: f.int('qk_rope_head_dim', { max: MAX.width }),
    qkNopeHeadDim: f.int('qk_nope_head_dim', { max: MAX.width }),
    vHeadDim: f.int('v_head_dim', { max: MAX.width }),
    bias: f.bool('attention_bias', false),
  };
}

function parseAttention(f: Fields, family: Family, modelType: string, d: number, H: number): AttentionSpec {
  const KV = kvHeadsOf(f, family, H);
  let headDim = family === 'gpt2' || family === 'falcon' ? null : f.optInt('head_dim', { max: MAX.width });
  if (headDim === null) {
    if (d % H !== 0)
      throw new ConfigError(
        f.label('head_dim'),
        `${f.label('head_dim')} is missing and hidden_size ${d} is not divisible by num_attention_heads ${H}`,
      );
    headDim = d / H;
  }
  const bias =
    family === 'gpt2' ||
    (family === 'falcon' ? f.bool('bias', false) : f.bool('attention_bias', modelType === 'gpt_oss'));
  return {
    heads: H,
    kvHeads: KV,
    headDim,
    qkvBias: bias || modelType.startsWith('qwen2'),
    outputBias: bias,
    qkNorm: modelType.startsWith('qwen3') || modelType.startsWith('gemma3'),
    sinks: modelType === 'gpt_oss',
  };
}

/** KV heads: Falcon's rule, `multi_query`, else `num_key_value_heads` defaulting to H. */
function kvHeadsOf(f: Fields, family: Family, H: number): number {
  if (family === 'gpt2') return H;
  if (family === 'falcon') {
    const declared = f.optInt(['num_kv_heads', 'n_head_kv', 'num_key_value_heads'], { max: H });
    if (f.bool('new_decoder_architecture', false) || !f.bool('multi_query', true)) return declared ?? H;
    if (declared !== null && declared !== 1)
      f.notes.push(`multi_query is true: 1 KV head, not num_kv_heads ${declared} (the modeling_falcon rule).`);
    return 1;
  }
  if (f.bool('multi_query', false)) {
    f.notes.push('multi_query is true: 1 KV head.');
    return 1;
  }
  const kv = f.optInt('num_key_value_heads', { max: MAX.heads });
  if (kv === null) return H;
  if (kv > H || H % kv !== 0)
    throw new ConfigError(
      f.label('num_key_value_heads'),
      `num_attention_heads ${H} must be a multiple of ${f.label('num_key_value_heads')}, got ${kv}`,
    );
  return kv;
}

function parseMoe(f: Fields, modelType: string, gated: boolean): MoeSpec | null {
  const experts = f.optInt(['n_routed_experts', 'num_local_experts', 'num_experts'], { max: MAX.experts });
  if (experts === null || experts < 2) return null;
  const k = f.int(['num_experts_per_tok', 'experts_per_token', 'num_experts_per_token', 'moe_topk'], { max: experts });
  const width = f.optInt('moe_intermediate_size', { max: MAX.ffn }) ?? f.int('intermediate_size', { max: MAX.ffn });
  const deepseekShared = f.optInt('n_shared_experts', { min: 0, max: 1_000 }) ?? 0;
  const qwenShared = f.optInt('shared_expert_intermediate_size', { min: 0, max: MAX.ffn }) ?? 0;
  return {
    routedExperts: experts,
    expertsPerToken: k,
    expertIntermediateSize: width,
    gated,
    expertBias: modelType === 'gpt_oss',
    sharedExperts: qwenShared > 0 ? 1 : deepseekShared,
    sharedIntermediateSize: qwenShared > 0 ? qwenShared : width,
    sharedExpertGate: qwenShared > 0,
    routerBias: modelType === 'gpt_oss' || f.str('topk_method') === 'noaux_tc',
  };
}

function normsPerLayer(f: Fields, family: Family, modelType: string): number {
  if (family === 'ssm') return 1;
  if (modelType.startsWith('gemma2') || modelType.startsWith('gemma3')) return 4;
  if (family === 'falcon') {
    if (f.bool('new_decoder_architecture', false)) return f.optInt('num_ln_in_parallel_attn', { max: 2 }) ?? 2;
    return f.bool('parallel_attn', true) ? 1 : 2;
  }
  return 2;
}

function tieOf(f: Fields, top: Fields, modelType: string): boolean {
  if (f.has('tie_word_embeddings')) return f.bool('tie_word_embeddings', true);
  if (top.has('tie_word_embeddings')) return top.bool('tie_word_embeddings', true);
  if (f.has('tie_embeddings')) return f.bool('tie_embeddings', true);
  const known = Object.hasOwn(TIE_DEFAULTS, modelType) ? TIE_DEFAULTS[modelType] : undefined;
  const tie = known ?? true;
  const source = f.has('ssm_cfg') ? 'mamba_ssm' : known === undefined ? 'transformers' : modelType;
  f.notes.push(`tie_word_embeddings is absent: ${tie} assumed (the ${source} default).`);
  return tie;
}

function maxPositionsOf(f: Fields): number | null {
  const names = ['max_position_embeddings', 'n_positions', 'n_ctx', 'max_seq_len', 'seq_length'];
  try {
    return f.optInt(names, { max: 2 ** 31 });
  } catch {
    f.notes.push(`${f.label(f.pick(names) ?? names[0]!)} is not a usable context length; it is ignored.`);
    return null;
  }
}
