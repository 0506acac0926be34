/**
 * The tiny model's variants. All share width, depth, context and data; a variant is only its mixer (and, in the
 * lab, its FFN). The shipped weights are MHA and GQA with 2 KV heads (scripts/train-tiny.ts); the lab trains the
 * families of LAB_FAMILIES from scratch, each with its knob, as LabConfigs (config.ts).
 */
import type { TinyAttentionMixer, TinyGptConfig } from '../core/tinyGpt';
import type { LabConfig } from './config';

/** A named variant of the tiny model. */
export interface TinyVariant {
  readonly id: string;
  readonly label: string;
  readonly mixer: TinyAttentionMixer;
}

/** The variants whose weights ship in public/models/tiny/. */
export const SHIPPED_VARIANTS: readonly TinyVariant[] = [
  { id: 'mha', label: 'MHA (4 query heads, 4 KV heads)', mixer: { kind: 'attention', kvHeads: 4, window: null } },
  { id: 'gqa', label: 'GQA (4 query heads, 2 KV heads)', mixer: { kind: 'attention', kvHeads: 2, window: null } },
];

/** 2 layers, width 64, 4 heads of 16, context 64, MLP 256, RoPE θ = 10,000: the notes' measured tiny GPT. */
export function tinyConfig(vocabSize: number, mixer: TinyAttentionMixer): TinyGptConfig {
  return {
    vocabSize,
    contextLength: 64,
    dModel: 64,
    layers: 2,
    heads: 4,
    mixer,
    ffn: { kind: 'dense', hidden: 256 },
    ropeBase: 10_000,
    normEps: 1e-5,
  };
}

/** The lab's variant families. */
export type LabKind = 'mha' | 'gqa' | 'mqa' | 'mla' | 'swa' | 'ssm' | 'moe';

/** One variant the lab can train: a family and its knob(s). */
export interface LabVariant {
  readonly kind: LabKind;
  /** GQA: KV heads; MLA: latent d_c; sliding window: W; SSM: state size N; MoE: experts. Null for MHA and MQA. */
  readonly knob: number | null;
  /** MoE only: experts per token (top-k); null otherwise. */
  readonly topK: number | null;
}

/** What each family's knob means and which values it takes (first = default). */
export interface LabFamily {
  readonly kind: LabKind;
  readonly name: string;
  /** The knob's label and values, or null for families without one. */
  readonly knob: { readonly label: string; readonly values: readonly number[]; readonly fallback: number } | null;
  readonly topK: { readonly label: string; readonly values: readonly number[]; readonly fallback: number } | null;
}

/** Query heads of every lab model: 8 of 8 dimensions, so GQA can share 2 or 4 KV heads and MQA 1. */
export const LAB_HEADS = 8;
/** The MLP width of the dense models; an MoE expert has half of it, so top-2 routing matches the dense width. */
export const LAB_HIDDEN = 256;
/** Steps of a lab run unless the user picks another length (the recorded run uses it too). */
export const LAB_DEFAULT_STEPS = 200;
/** The lengths a run can have. */
export const LAB_STEP_OPTIONS = [50, 100, 200, 300, 500] as const;

/** Characters sampled per variant, and the sampling temperature, in the page and the recorded run. */
export const SAMPLE_LENGTH = 80;
export const SAMPLE_TEMPERATURE = 0.8;

/** The Switch balance-loss weight α of the MoE variants. */
export const LAB_BALANCE = 0.01;

export const LAB_FAMILIES: readonly LabFamily[] = [
  { kind: 'mha', name: 'MHA', knob: null, topK: null },
  { kind: 'gqa', name: 'GQA', knob: { label: 'KV heads', values: [2, 4], fallback: 2 }, topK: null },
  { kind: 'mqa', name: 'MQA', knob: null, topK: null },
  { kind: 'mla', name: 'MLA', knob: { label: 'Latent size', values: [8, 16, 32], fallback: 16 }, topK: null },
  {
    kind: 'swa',
    name: 'Sliding window',
    knob: { label: 'Window W', values: [4, 8, 16, 32], fallback: 16 },
    topK: null,
  },
  { kind: 'ssm', name: 'Mamba-2', knob: { label: 'State size N', values: [8, 16, 32], fallback: 16 }, topK: null },
  {
    kind: 'moe',
    name: 'MoE FFN',
    knob: { label: 'Experts', values: [4, 8], fallback: 4 },
    topK: { label: 'Top-k', values: [1, 2], fallback: 2 },
  },
];

/** The family record of `kind`. */
export function labFamily(kind: LabKind): LabFamily {
  return LAB_FAMILIES.find((f) => f.kind === kind) as LabFamily;
}

/** The family's default variant. */
export function defaultVariant(kind: LabKind): LabVariant {
  const f = labFamily(kind);
  return { kind, knob: f.knob?.fallback ?? null, topK: f.topK?.fallback ?? null };
}

/** A short id used in URLs and exports: mha, gqa2, mqa, mla16, swa16, ssm16, moe4x2. */
export function variantId(v: LabVariant): string {
  if (v.kind === 'moe') return `moe${v.knob}x${v.topK}`;
  return v.knob === null ? v.kind : `${v.kind}${v.knob}`;
}

/** Parses a variant id; null when it is not a family with one of its listed knob values. */
export function parseVariantId(id: string): LabVariant | null {
  const m = /^(mha|gqa|mqa|mla|swa|ssm|moe)(\d*)(?:x(\d+))?$/.exec(id.trim().toLowerCase());
  if (!m) return null;
  const family = labFamily(m[1] as LabKind);
  const knob = m[2] ? Number(m[2]) : null;
  const topK = m[3] ? Number(m[3]) : null;
  const knobOk = family.knob ? knob !== null && family.knob.values.includes(knob) : knob === null;
  const topOk = family.topK ? topK !== null && family.topK.values.includes(topK) : topK === null;
  return knobOk && topOk ? { kind: family.kind, knob, topK } : null;
}

/** A readable name: "GQA (2 KV heads)", "MoE FFN (4 experts, top-2)". */
export function variantLabel(v: LabVariant): string {
  switch (v.kind) {
    case 'mha':
      return `MHA (${LAB_HEADS} KV heads)`;
    case 'mqa':
      return 'MQA (1 KV head)';
    case 'gqa':
      return `GQA (${v.knob} KV heads)`;
    case 'mla':
      return `MLA (latent ${v.knob})`;
    case 'swa':
      return `Sliding window (W = ${v.knob})`;
    case 'ssm':
      return `Mamba-2 SSM (N = ${v.knob})`;
    case 'moe':
      return `MoE FFN (${v.knob} experts, top-${v.topK})`;
  }
}

/** A compact name for readouts: MHA, GQA-2, MQA, MLA-16, SWA-16, SSM-16, MoE-4×2. */
export function shortLabel(v: LabVariant): string {
  switch (v.kind) {
    case 'mha':
    case 'mqa':
      return v.kind.toUpperCase();
    case 'moe':
      return `MoE-${v.knob}×${v.topK}`;
    default:
      return `${v.kind.toUpperCase()}-${v.knob}`;
  }
}

/** The full model of a lab variant: the shared tiny GPT (8 heads) with the variant's mixer and FFN. */
export function labConfigFor(v: LabVariant, vocabSize: number): LabConfig {
  const base = { ...tinyConfig(vocabSize, { kind: 'attention', kvHeads: LAB_HEADS, window: null }), heads: LAB_HEADS };
  const knob = v.knob ?? 1;
  const hd = base.dModel / LAB_HEADS;
  const attention = (kvHeads: number, window: number | null): LabConfig['mixer'] => ({
    kind: 'attention',
    kvHeads,
    window,
  });
  const mixer: LabConfig['mixer'] =
    v.kind === 'gqa'
      ? attention(knob, null)
      : v.kind === 'mqa'
        ? attention(1, null)
        : v.kind === 'swa'
          ? attention(LAB_HEADS, knob)
          : v.kind === 'mla'
            ? { kind: 'mla', latent: knob, ropeDim: hd / 2 }
            : v.kind === 'ssm'
              ? { kind: 'ssm', stateSize: knob, heads: 4, conv: 4 }
              : attention(LAB_HEADS, null);
  const topK = v.topK ?? 1;
  const ffn: LabConfig['ffn'] =
    v.kind === 'moe'
      ? { kind: 'moe', experts: knob, topK, hidden: LAB_HIDDEN / 2, balance: LAB_BALANCE }
      : { kind: 'dense', hidden: LAB_HIDDEN };
  return { ...base, mixer, ffn };
}
