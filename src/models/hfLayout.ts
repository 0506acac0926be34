/**
 * Per-layer layout of a Hugging Face config: which layers are attention / MLA / SSM, which attention layers use a
 * sliding window, and which FFNs are mixtures of experts (notes/model-facts.md §7, traps 2, 4 and 6).
 */
import type { Ffn, Mixer } from '../core/modelSpec';
import { ConfigError, show, type Fields } from './hfFields';

/** The architecture family, as far as the layout rules care. */
export type Family = 'decoder' | 'gpt2' | 'falcon' | 'ssm' | 'hybrid';

const MAX_WINDOW = 1_000_000_000;

/** Mixer of each layer: SSM everywhere, a Jamba-style interleave, or attention (MLA when kv_lora_rank is set). */
export function layerMixers(f: Fields, L: number, family: Family, isMla: boolean): Mixer[] {
  const attention: Mixer = isMla ? 'mla' : 'attention';
  if (family === 'ssm') return Array.from({ length: L }, () => 'ssm');
  if (family !== 'hybrid') return Array.from({ length: L }, () => attention);
  const blocks = f.array('layers_block_type');
  if (blocks) {
    if (blocks.length !== L)
      throw new ConfigError(
        f.label('layers_block_type'),
        `${f.label('layers_block_type')} lists ${blocks.length} layers but num_hidden_layers is ${L}`,
      );
    return blocks.map((b, i) => {
      if (b === 'attention') return attention;
      if (b === 'mamba') return 'ssm';
      throw new ConfigError(
        f.label(`layers_block_type[${i}]`),
        `${f.label(`layers_block_type[${i}]`)} must be "attention" or "mamba", got ${show(b)}`,
      );
    });
  }
  const period = f.int('attn_layer_period', { max: L });
  const offset = f.int('attn_layer_offset', { min: 0, max: period - 1 });
  return Array.from({ length: L }, (_, i) => (i % period === offset ? attention : 'ssm'));
}

/**
 * Sliding window of each attention layer (null = full): `layer_types`, else `sliding_window_pattern` (layer i global
 * when (i+1) mod pattern = 0; Gemma 3 defaults to 6), else Gemma 2's alternation (even layers local), else Qwen's
 * `max_window_layers`, else `sliding_window` on every layer — none at all when `use_sliding_window` is false or
 * `sliding_window` is null.
 */
export function layerWindows(f: Fields, mixers: readonly Mixer[], modelType: string): (number | null)[] {
  const L = mixers.length;
  const enabled = f.bool('use_sliding_window', true);
  const W = f.optInt('sliding_window', { max: MAX_WINDOW });
  const types = f.array('layer_types');
  const attentionOnly = (local: (i: number) => boolean) =>
    mixers.map((m, i) => (m === 'attention' && local(i) && W !== null ? W : null));

  if (types) {
    if (types.length !== L)
      throw new ConfigError(
        f.label('layer_types'),
        `${f.label('layer_types')} lists ${types.length} layers but num_hidden_layers is ${L}`,
      );
    const local = types.map((t, i) => {
      if (t === 'sliding_attention') return true;
      if (t === 'full_attention') return false;
      throw new ConfigError(
        f.label(`layer_types[${i}]`),
        `${f.label(`layer_types[${i}]`)} must be "sliding_attention" or "full_attention", got ${show(t)}`,
      );
    });
    const nLocal = local.filter(Boolean).length;
    if (nLocal === 0) return mixers.map(() => null);
    if (!enabled) {
      f.notes.push('use_sliding_window is false: layer_types sliding layers are treated as full attention.');
      return mixers.map(() => null);
    }
    if (W === null)
      throw new ConfigError(
        f.label('sliding_window'),
        `${f.label('layer_types')} marks ${nLocal} layers sliding_attention but ${f.label('sliding_window')} is missing (a positive integer)`,
      );
    return attentionOnly((i) => local[i] === true);
  }
  if (W === null) return mixers.map(() => null);
  if (!enabled) {
    f.notes.push(`use_sliding_window is false: sliding_window ${W} is not applied.`);
    return mixers.map(() => null);
  }
  let pattern = f.optInt('sliding_window_pattern', { max: L + 1 });
  if (pattern === null && modelType.startsWith('gemma3')) {
    pattern = 6;
    f.notes.push(
      "sliding_window_pattern and layer_types are absent: Gemma 3's 5 local : 1 global (pattern 6) assumed.",
    );
  }
  if (pattern !== null) {
    const p = pattern;
    return attentionOnly((i) => (i + 1) % p !== 0);
  }
  if (modelType === 'gemma2') return attentionOnly((i) => i % 2 === 0);
  const fullLayers = f.optInt('max_window_layers', { min: 0, max: 1_000_000 });
  if (fullLayers !== null) return attentionOnly((i) => i >= fullLayers);
  return attentionOnly(() => true);
}

/**
 * FFN of each layer. Without experts every layer is dense (none for pure SSM). With experts: DeepSeek's
 * `first_k_dense_replace` / `moe_layer_freq`, Qwen-MoE's `decoder_sparse_step` / `mlp_only_layers`, Jamba's
 * `expert_layer_period` / `expert_layer_offset`, else every layer.
 */
export function layerFfns(f: Fields, L: number, family: Family, moe: boolean): Ffn[] {
  if (family === 'ssm') return Array.from({ length: L }, () => 'none');
  if (!moe) return Array.from({ length: L }, () => 'dense');
  let isMoe: (i: number) => boolean = () => true;
  if (f.has('first_k_dense_replace') || f.has('moe_layer_freq')) {
    const k = f.optInt('first_k_dense_replace', { min: 0, max: L }) ?? 0;
    const freq = f.optInt('moe_layer_freq', { max: L }) ?? 1;
    isMoe = (i) => i >= k && i % freq === 0;
  } else if (f.has('decoder_sparse_step') || f.has('mlp_only_layers')) {
    const step = f.optInt('decoder_sparse_step', { max: L }) ?? 1;
    const dense = new Set(
      (f.array('mlp_only_layers') ?? []).map((v, i) => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= L)
          throw new ConfigError(
            f.label(`mlp_only_layers[${i}]`),
            `${f.label(`mlp_only_layers[${i}]`)} must be a layer index from 0 to ${L - 1}, got ${show(v)}`,
          );
        return v;
      }),
    );
    isMoe = (i) => !dense.has(i) && (i + 1) % step === 0;
  } else if (f.has('expert_layer_period')) {
    const period = f.int('expert_layer_period', { max: L });
    const offset = f.int('expert_layer_offset', {
      min: 0,
      max: period - 1,
      fallback: 1,
      because: 'JambaConfig default',
    });
    isMoe = (i) => i % period === offset;
  }
  return Array.from({ length: L }, (_, i) => (isMoe(i) ? 'moe' : 'dense'));
}
