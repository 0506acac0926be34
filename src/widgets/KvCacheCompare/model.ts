/**
 * View-model of the KV-cache comparison: MHA, GQA, MQA and MLA caches at one geometry, with the reduction against
 * MHA. The default is the source design's example (notes/model-facts.md §6): Llama-2-7B geometry (32 layers,
 * head_dim 128), fp16, 6,400 cached tokens → 3200 / 800 / 100 MiB. Every byte comes from src/core/kvCache.ts; this
 * file only picks the geometries, one shared unit for the bars, and the sentences.
 */
import { DTYPE_NAMES, DTYPES, isDType, type DType } from '../../core/dtypes';
import { kvCache, MAX_TOKENS } from '../../core/kvCache';
import { attentionKvSpec, mlaKvSpec } from '../../core/modelSpec';
import { formatInteger, type UnitSystem } from '../../core/units';
import { logSlider } from '../shared/logSlider';

/** Llama-2-7B (meta-llama/llama MODEL_CARD.md; model.py): 32 layers, 32 heads of 128, no GQA. */
export const GEOMETRY = { layers: 32, heads: 32, headDim: 128 } as const;
/** DeepSeek-V2/V3 MLA latent: kv_lora_rank 512 + qk_rope_head_dim 64 cached per layer (arXiv:2405.04434 §2.1). */
export const MLA_LATENT = { kvLoraRank: 512, qkRopeHeadDim: 64 } as const;
/** GQA group counts offered: divisors of 32 between MQA and MHA. */
export const GQA_CHOICES = [2, 4, 8, 16] as const;

export interface CompareState {
  tokens: number;
  dtype: DType;
  gqaKvHeads: number;
  units: UnitSystem;
}

/** The source design's example. */
export const DEFAULT_STATE: CompareState = { tokens: 6400, dtype: 'fp16', gqaKvHeads: 8, units: 'binary' };

/** The dtype choices, with bits spelled out where a format is not whole bytes (int4 · 4 bits, q8_0 · 8.5 bits). */
export const DTYPE_OPTIONS = DTYPE_NAMES.map((d) => ({
  value: d,
  label: DTYPES[d].bytes.den === 1 ? d : `${d} · ${DTYPES[d].bits} bits`,
}));

/** The token slider: 1 … 10M on a log scale. */
export const TOKEN_SLIDER = logSlider(1, MAX_TOKENS);

export interface CompareBar {
  id: 'mha' | 'gqa' | 'mqa' | 'mla';
  /** "MHA" */
  name: string;
  /** "32 KV heads" */
  detail: string;
  bytes: number;
  /** In the shared unit: "3200 MiB". */
  value: string;
  /** Reduction against MHA: "4.0×". */
  factor: string;
  /** Bar length, 0–1, relative to the largest cache. */
  fraction: number;
  /** The same as a CSS width, e.g. "25%". */
  width: string;
  /** The computation, numbers substituted. */
  formula: string;
}

export interface CompareView {
  bars: CompareBar[];
  /** The shared unit of the bars, e.g. "MiB". */
  unit: string;
  /** "MiB = 2^20 bytes" */
  unitNote: string;
  /** What the figures assume, stated in full. */
  inputs: string;
  mlaNote: string;
  /** The text equivalent for the live region. */
  readout: string;
  tokensText: string;
  /** The same view in the full calculator. */
  calculatorHref: string;
}

const UNITS: Record<UnitSystem, readonly string[]> = {
  binary: ['B', 'KiB', 'MiB', 'GiB', 'TiB'],
  decimal: ['B', 'kB', 'MB', 'GB', 'TB'],
};

/** The largest unit in which the smallest value is still at least 1, so every bar reads in one unit. */
export function sharedUnit(values: readonly number[], system: UnitSystem): number {
  const base = system === 'binary' ? 1024 : 1000;
  const smallest = Math.min(...values.filter((v) => v > 0));
  if (!Number.isFinite(smallest)) return 0;
  let i = 0;
  while (i < UNITS[system].length - 1 && smallest >= base ** (i + 1)) i += 1;
  return i;
}

/** `bytes` in unit `index` of `system`: exact integers as they are ("3200 MiB"), else 1–2 decimals. */
export function formatInUnit(bytes: number, index: number, system: UnitSystem): string {
  const v = bytes / (system === 'binary' ? 1024 : 1000) ** index;
  const unit = UNITS[system][index] ?? 'B';
  const rounded = Number.isInteger(v) ? v : Number(v.toFixed(v >= 10 ? 1 : 2));
  const text = rounded >= 10_000 ? rounded.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(rounded);
  return `${text} ${unit}`;
}

const sizeText = (dtype: DType) => {
  const { num, den } = DTYPES[dtype].bytes;
  return den === 1 ? `${num} B` : `${num}/${den} B`;
};

/** The bars, sentences and link for `state` (assumed valid: see normalizeState). */
export function buildView(state: CompareState): CompareView {
  const { tokens, dtype, gqaKvHeads, units } = state;
  const { layers, heads, headDim } = GEOMETRY;
  const T = formatInteger(tokens);
  const cached = `${T} cached ${tokens === 1 ? 'token' : 'tokens'}`;
  const b = sizeText(dtype);
  const attention = (kvHeads: number) =>
    kvCache(attentionKvSpec({ layers, kvHeads, headDim, heads }), { tokens, dtype }).bytes;
  const mla = kvCache(mlaKvSpec({ layers, ...MLA_LATENT, heads: 128 }), { tokens, dtype }).bytes;
  const raw = [
    { id: 'mha', name: 'MHA', kv: heads, detail: `${heads} KV heads`, bytes: attention(heads) },
    { id: 'gqa', name: 'GQA', kv: gqaKvHeads, detail: `${gqaKvHeads} KV heads`, bytes: attention(gqaKvHeads) },
    { id: 'mqa', name: 'MQA', kv: 1, detail: '1 KV head', bytes: attention(1) },
    { id: 'mla', name: 'MLA', kv: 0, detail: '512 + 64 latent', bytes: mla },
  ] as const;
  const unitIndex = sharedUnit(
    raw.map((r) => r.bytes),
    units,
  );
  const mha = raw[0].bytes;
  const largest = Math.max(...raw.map((r) => r.bytes));
  const bars: CompareBar[] = raw.map((r) => ({
    id: r.id,
    name: r.name,
    detail: r.detail,
    bytes: r.bytes,
    value: formatInUnit(r.bytes, unitIndex, units),
    factor: `${(mha / r.bytes).toFixed(1)}×`,
    fraction: r.bytes / largest,
    width: `${Number(((100 * r.bytes) / largest).toFixed(3))}%`,
    formula:
      r.id === 'mla'
        ? `(512 + 64) × ${layers} layers × ${T} tokens × ${b}`
        : `2 × ${r.kv} KV × ${headDim} × ${layers} layers × ${T} tokens × ${b}`,
  }));
  const unit = UNITS[units][unitIndex] ?? 'B';
  const power = units === 'binary' ? `2^${10 * unitIndex}` : `10^${3 * unitIndex}`;
  const [mhaBar, ...others] = bars;
  const readout =
    `${cached} in ${dtype}: MHA ${mhaBar?.value}; ` +
    others.map((bar) => `${bar.name} (${bar.detail}) ${bar.value}, ${bar.factor} smaller`).join('; ') +
    '.';
  return {
    bars,
    unit,
    unitNote: unitIndex === 0 ? 'bytes' : `1 ${unit} = ${power} bytes`,
    inputs:
      `Llama-2-7B geometry: ${layers} layers, head_dim ${headDim}, ${heads} query heads; ${dtype} ` +
      `(${b} per element); ${cached} (batch × sequence length).`,
    mlaNote:
      `MLA caches DeepSeek's compressed latent, 512 + 64 = 576 elements per layer, whatever the head count; shown ` +
      `at the same ${layers} layers (DeepSeek-V3 itself has 61).`,
    readout,
    tokensText: `${T} ${tokens === 1 ? 'token' : 'tokens'}`,
    calculatorHref: `/explore/kv-cache/?model=llama-2-7b&tokens=${tokens}&dtype=${dtype}`,
  };
}

/** Props or links may carry anything: each bad value falls back to the default with a note naming it. */
export function normalizeState(raw: Partial<Record<keyof CompareState, unknown>>): {
  state: CompareState;
  notes: string[];
} {
  const notes: string[] = [];
  const state = { ...DEFAULT_STATE };
  const { tokens, dtype, gqaKvHeads, units } = raw;
  if (tokens !== undefined) {
    if (typeof tokens === 'number' && Number.isInteger(tokens) && tokens >= 1 && tokens <= MAX_TOKENS)
      state.tokens = tokens;
    else
      notes.push(
        `tokens must be a whole number from 1 to ${formatInteger(MAX_TOKENS)}; showing ${formatInteger(DEFAULT_STATE.tokens)}.`,
      );
  }
  if (dtype !== undefined) {
    if (isDType(dtype)) state.dtype = dtype;
    else notes.push(`dtype must be one of ${DTYPE_NAMES.join(', ')}; showing ${DEFAULT_STATE.dtype}.`);
  }
  if (gqaKvHeads !== undefined) {
    if ((GQA_CHOICES as readonly unknown[]).includes(gqaKvHeads)) state.gqaKvHeads = gqaKvHeads as number;
    else notes.push(`GQA KV heads must be one of ${GQA_CHOICES.join(', ')}; showing ${DEFAULT_STATE.gqaKvHeads}.`);
  }
  if (units !== undefined) {
    if (units === 'binary' || units === 'decimal') state.units = units;
    else notes.push('units must be binary or decimal; showing binary (MiB).');
  }
  return { state, notes };
}
