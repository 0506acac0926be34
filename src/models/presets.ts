/**
 * The 19 model presets of presets.json (a copy of the atlas's sourced dataset, notes/model-facts.md §1), each with
 * its sources and caveats. A preset becomes a ModelSpec by way of a Hugging Face-shaped config run through the same
 * parser as uploaded configs, so presets and user configs can never disagree on a rule.
 */
import type { ModelSpec } from '../core/modelSpec';
import { ConfigError, type JsonObject } from './hfFields';
import { parseHfConfig } from './hfConfig';
import data from './presets.json';

interface PresetRecord {
  id: string;
  name: string;
  family: string;
  attention: string;
  num_hidden_layers: number;
  max_position_embeddings: number | null;
  kv_cache_bytes_per_token_bf16: number;
  params_official: { total: string; active: string | null; source: string };
  params_computed: Record<string, number | null>;
  moe: Record<string, unknown> | null;
  mla: Record<string, unknown> | null;
  ssm: Record<string, unknown> | null;
  unconfirmed: string[];
  notes: string[];
  sources: string[];
  [field: string]: unknown;
}

/** A model preset as the UI, CLI and MCP show it. */
export interface Preset {
  id: string;
  name: string;
  family: string;
  /** e.g. "GQA + 5:1 local sliding / global, QK-norm". */
  attention: string;
  /** Trained / supported context from the config, when known. */
  maxPositions: number | null;
  /** Official figures as published, e.g. { total: "47B (46.7B)", active: "13B (12.9B)" }. */
  paramsOfficial: { total: string; active: string | null; source: string };
  /** Parameter counts computed from the config (what countParams must reproduce). */
  paramsComputed: {
    total: number;
    active: number | null;
    activeExclInputEmbedding: number | null;
    nonEmbedding: number | null;
  };
  /** Bytes per token, bf16, every attention layer at full context (the dataset's check value). */
  kvBytesPerTokenBf16: number;
  /** What to keep in mind when reading this preset's numbers: curated caveats, then unconfirmed values. */
  caveats: string[];
  /** Dataset notes, verbatim. */
  notes: string[];
  /** Where each number comes from: `owner/repo:path@commit (…)` or paper + table. */
  sources: string[];
}

const RECORDS = data as unknown as readonly PresetRecord[];

const llama = { model_type: 'llama' };
const qwen3Moe = { model_type: 'qwen3_moe' };

/** What presets.json does not say in HF terms: model_type and the layer-pattern fields. */
const STRUCTURE: Record<string, JsonObject> = {
  'llama-2-7b': llama,
  'llama-2-70b': llama,
  'llama-3.1-8b': llama,
  'llama-3.1-70b': llama,
  'llama-3.1-405b': llama,
  'mistral-7b-v0.1': { model_type: 'mistral' },
  'mixtral-8x7b': { model_type: 'mixtral' },
  'gemma-2-9b': { model_type: 'gemma2' },
  'gemma-3-27b': { model_type: 'gemma3_text', sliding_window_pattern: 6 },
  'qwen2.5-7b': { model_type: 'qwen2', use_sliding_window: false },
  'qwen3-235b-a22b': qwen3Moe,
  'qwen3-30b-a3b': qwen3Moe,
  'deepseek-v2': { model_type: 'deepseek_v2', topk_method: 'group_limited_greedy' },
  'deepseek-v3': { model_type: 'deepseek_v3', topk_method: 'noaux_tc' },
  'falcon-7b': {
    model_type: 'falcon',
    multi_query: true,
    new_decoder_architecture: false,
    parallel_attn: true,
    bias: false,
  },
  'gpt2-small': { model_type: 'gpt2' },
  'mamba-2.8b': { model_type: 'mamba', pad_vocab_size_multiple: 8 },
  'jamba-v0.1': {
    model_type: 'jamba',
    attn_layer_period: 8,
    attn_layer_offset: 4,
    expert_layer_period: 2,
    expert_layer_offset: 1,
  },
  'gpt-oss-120b': {
    model_type: 'gpt_oss',
    layer_types: Array.from({ length: 36 }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention')),
  },
};

const CAVEATS: Record<string, string[]> = {
  'llama-2-7b': [
    'llama-models sku_list.py lists Llama 2 with 8 KV heads and rope_theta 500000; both are wrong (model card and reference code: MHA, 10000).',
  ],
  'llama-3.1-405b': [
    '8 KV heads in the HF, bf16-mp8 and FP8 checkpoints; the bf16-mp16 checkpoint duplicates them to 16 for 16-way tensor parallelism, which doubles the cache. Jamba-1.5 Table 1 lists 252 GB at 256K: that is the 16-head figure (8 heads give 126 GiB).',
  ],
  'mistral-7b-v0.1': [
    'The 4,096-token sliding window applies on every layer (rolling buffer cache); many runtimes ignore it and cache the full context.',
  ],
  'mixtral-8x7b': ['No sliding window (sliding_window is null), unlike Mistral-7B-v0.1.'],
  'gemma-2-9b': [
    'Sliding window 4,096 on the 21 even-indexed layers, full attention on the other 21.',
    'The paper\'s "feedforward dim 28672" counts gate + up (2 × 14,336).',
  ],
  'gemma-3-27b': [
    'Text model only: the 417M-parameter vision encoder is not counted.',
    '52 local layers (window 1,024) and 10 global layers; a runtime must cap local layers to get the small cache.',
  ],
  'qwen2.5-7b': ['Configs carry a sliding_window with use_sliding_window false: no window applies.'],
  'deepseek-v2': [
    'The cache is the MLA latent (512 + 64 elements per layer); HF configs list num_key_value_heads 128 and head_dim 64, which do not apply.',
  ],
  'deepseek-v3': [
    'The cache is the MLA latent (512 + 64 elements per layer); HF configs list num_key_value_heads 128 and head_dim 64, which do not apply.',
    'The 14B multi-token-prediction module of the HF upload (685B) is not counted.',
    'active (37.55B) counts the input embedding and the head; without the input embedding it is 36.63B (README_WEIGHTS: 36.7B).',
  ],
  'falcon-7b': ['Some config copies carry num_kv_heads 71 beside multi_query true; the model has one KV head (MQA).'],
  'gpt2-small': ['124M parameters; originally reported as 117M (a counting error).'],
  'mamba-2.8b': ["No KV cache: a constant state per sequence (12.5 MiB in fp16 with mamba_ssm's d_conv columns)."],
  'jamba-v0.1': ['Only 4 of 32 layers are attention; the 28 Mamba layers add a constant state per sequence.'],
  'gpt-oss-120b': [
    'OpenAI\'s "active" (5.1B) excludes the input embedding: see activeExclInputEmbedding.',
    'Sliding window 128 on the 18 even-indexed layers; vLLM without its hybrid allocator sizes them as full layers (73,728 B/token).',
  ],
};

const toPreset = (r: PresetRecord): Preset => {
  const p = r.params_computed;
  return {
    id: r.id,
    name: r.name,
    family: r.family,
    attention: r.attention,
    maxPositions: r.max_position_embeddings,
    paramsOfficial: r.params_official,
    paramsComputed: {
      total: p.total ?? p.total_text ?? 0,
      active: p.active ?? p.active_incl_embedding_and_head ?? null,
      activeExclInputEmbedding: p.active_excl_input_embedding ?? null,
      nonEmbedding: p.non_embedding ?? null,
    },
    kvBytesPerTokenBf16: r.kv_cache_bytes_per_token_bf16,
    caveats: [...(CAVEATS[r.id] ?? []), ...r.unconfirmed.map((u) => `Unconfirmed: ${u}`)],
    notes: r.notes,
    sources: r.sources,
  };
};

/** Every preset, in dataset order. */
export const PRESETS: readonly Preset[] = RECORDS.map(toPreset);

/** Preset ids (the dataset's `id` fields). */
export const PRESET_IDS: readonly string[] = PRESETS.map((p) => p.id);

/** The preset with this id, or undefined. */
export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

const HF_FIELDS = [
  'num_hidden_layers',
  'hidden_size',
  'num_attention_heads',
  'num_key_value_heads',
  'head_dim',
  'intermediate_size',
  'vocab_size',
  'max_position_embeddings',
  'sliding_window',
  'tie_word_embeddings',
];
const SUB_FIELDS: Record<'moe' | 'mla' | 'ssm', string[]> = {
  moe: [
    'n_routed_experts',
    'num_experts_per_tok',
    'n_shared_experts',
    'moe_intermediate_size',
    'first_k_dense_replace',
  ],
  mla: ['kv_lora_rank', 'q_lora_rank', 'qk_rope_head_dim', 'qk_nope_head_dim', 'v_head_dim'],
  ssm: ['d_state', 'd_conv', 'expand', 'd_inner', 'dt_rank'],
};

/** The preset as a Hugging Face-shaped config.json object (a fresh copy; safe to modify). */
export function presetHfConfig(id: string): JsonObject {
  const record = RECORDS.find((r) => r.id === id);
  if (!record) throw new ConfigError('preset', `unknown preset "${id}"; presets: ${PRESET_IDS.join(', ')}`);
  const config: JsonObject = { _name_or_path: record.name };
  for (const key of HF_FIELDS) config[key] = record[key];
  for (const part of ['moe', 'mla', 'ssm'] as const) {
    const sub = record[part];
    if (sub) for (const key of SUB_FIELDS[part]) if (key in sub) config[key] = sub[key];
  }
  return structuredClone({ ...config, ...STRUCTURE[id] });
}

/** The preset's ModelSpec. Throws a ConfigError for an unknown id. */
export function presetSpec(id: string): ModelSpec {
  return parseHfConfig(presetHfConfig(id)).spec;
}
