/**
 * The tiny model's variants. All share width, depth, context and data; a variant is only its mixer (and, in the
 * lab, its FFN). The shipped weights are MHA and GQA with 2 KV heads (scripts/train-tiny.ts).
 */
import type { TinyAttentionMixer, TinyGptConfig } from '../core/tinyGpt';

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
