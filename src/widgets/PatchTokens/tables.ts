/**
 * PatchTokens view-model, part 2: the token-count table for the real settings, what an image costs in a chosen
 * model's KV cache (src/core kvCache over the sourced presets) with links into the KV calculator, and the two fusion
 * diagrams (early fusion as in LLaVA and Chameleon, cross-attention as in Flamingo).
 */
import { kvCache } from '../../core/kvCache';
import { formatBytes, formatInteger } from '../../core/units';
import {
  CHAMELEON,
  FLAMINGO,
  llava15Tokens,
  QWEN2_VL,
  qwen2vlTokens,
  VIT_SETTINGS,
  vitTokens,
  type Qwen2VlTokens,
} from '../../core/vision';
import { getPreset, presetSpec, PRESETS } from '../../models/presets';
import { DEFAULT_PATCH_STATE } from './state';

/** One row of the token-count table. */
export interface CountRow {
  id: string;
  label: string;
  /** e.g. "14 × 14 of 16 px", or "—". */
  grid: string;
  /** Tokens the vision encoder attends over, as text. */
  encoder: string;
  /** Tokens the image adds to the LLM's sequence, as text ("—" for a plain encoder). */
  llm: string;
  source: string;
}

/** Qwen2-VL at the state's size, or at the default size when that size is invalid. */
export function safeQwen(width: number, height: number): Qwen2VlTokens {
  try {
    return qwen2vlTokens(height, width);
  } catch {
    return qwen2vlTokens(DEFAULT_PATCH_STATE.height, DEFAULT_PATCH_STATE.width);
  }
}

const n = formatInteger;

export function countRows(qwen: Qwen2VlTokens): CountRow[] {
  const vit = VIT_SETTINGS.map((s) => {
    const g = vitTokens(s.id);
    return {
      id: s.id,
      label: s.label,
      grid: `${g.rows} × ${g.cols} of ${g.patch} px`,
      encoder: `${n(g.patches)} + [CLS] = ${n(g.sequence)}`,
      llm: '—',
      source: s.source,
    };
  });
  const llava = llava15Tokens();
  return [
    ...vit,
    {
      id: 'llava-1.5',
      label: 'LLaVA-1.5',
      grid: `${llava.grid.rows} × ${llava.grid.cols} of ${llava.grid.patch} px`,
      encoder: n(llava.grid.sequence),
      llm: `${n(llava.imageTokens)} ([CLS] dropped)`,
      source: 'Liu et al. 2023, arXiv:2310.03744',
    },
    {
      id: 'qwen2-vl',
      label: `Qwen2-VL at ${qwen.input.width} × ${qwen.input.height}`,
      grid: `${qwen.grid.rows} × ${qwen.grid.cols} of ${QWEN2_VL.patch} px`,
      encoder: n(qwen.grid.patches),
      llm: `${n(qwen.imageTokens)} + 2 markers = ${n(qwen.llmTokens)}`,
      source: 'Wang et al. 2024, arXiv:2409.12191 §2.1',
    },
    {
      id: 'flamingo',
      label: 'Flamingo (Perceiver Resampler)',
      grid: '—',
      encoder: `resampled to ${FLAMINGO.latents} latents`,
      llm: '0 (read by cross-attention)',
      source: 'Alayrac et al. 2022, arXiv:2204.14198 §2.1',
    },
    {
      id: 'chameleon',
      label: `Chameleon (${CHAMELEON.resolution} × ${CHAMELEON.resolution}, VQ codes)`,
      grid: '32 × 32 codes',
      encoder: '—',
      llm: n(CHAMELEON.tokens),
      source: 'Chameleon Team 2024, arXiv:2405.09818 §2.1',
    },
  ];
}

/** What one image costs in the chosen model's KV cache under one connector. */
export interface KvRow {
  id: string;
  label: string;
  tokens: number;
  bytesText: string;
  /** Link into the KV calculator with the model and token count filled in, or null for zero tokens. */
  href: string | null;
}

export const KV_MODEL_OPTIONS = PRESETS.map((p) => ({ value: p.id, label: p.name }));

export function kvRows(modelId: string, qwen: Qwen2VlTokens): { rows: KvRow[]; modelName: string; note: string } {
  const preset = getPreset(modelId) ?? getPreset(DEFAULT_PATCH_STATE.model)!;
  const spec = presetSpec(preset.id);
  const row = (id: string, label: string, tokens: number): KvRow => ({
    id,
    label,
    tokens,
    bytesText: formatBytes(tokens > 0 ? kvCache(spec, { tokens }).kvBytes : 0),
    href: tokens > 0 ? `/explore/kv-cache/?model=${encodeURIComponent(preset.id)}&tokens=${tokens}` : null,
  });
  const rows = [
    row('llava-1.5', 'LLaVA-1.5 (576 image tokens)', llava15Tokens().imageTokens),
    row('qwen2-vl', `Qwen2-VL at ${qwen.input.width} × ${qwen.input.height}`, qwen.llmTokens),
    row('chameleon', 'Chameleon (512 × 512)', CHAMELEON.tokens),
    row('flamingo', 'Flamingo (cross-attention)', FLAMINGO.sequenceTokens),
  ];
  const note =
    `Image tokens cost the same as text tokens in ${preset.name}'s cache (bf16, one sequence). Flamingo adds none: ` +
    `its gated cross-attention layers read the ${FLAMINGO.latents} resampled latents instead, with their own ` +
    `keys and values per cross-attention layer, not counted here. A ViT on its own is an encoder: one ` +
    `bidirectional pass and no KV cache.`;
  return { rows, modelName: preset.name, note };
}

/** A token in a fusion diagram. */
export interface DiagramToken {
  kind: 'text' | 'image' | 'marker';
  label: string;
}

export interface FusionDiagrams {
  early: { sequence: DiagramToken[]; sentence: string };
  cross: { sequence: DiagramToken[]; latents: number; sentence: string };
}

const text = (label: string): DiagramToken => ({ kind: 'text', label });

/** The two ways image tokens meet the language model, for an image of `imageTokens` early-fusion tokens. */
export function fusionDiagrams(imageTokens: number, imageLabel: string): FusionDiagrams {
  const question = ['What', '·is', '·in', '·the', '·picture', '?'].map(text);
  const early = [
    text('USER:'),
    { kind: 'image' as const, label: `${formatInteger(imageTokens)} image tokens` },
    ...question,
    text('ASSISTANT:'),
  ];
  const cross = [text('USER:'), { kind: 'marker' as const, label: '<image>' }, ...question, text('ASSISTANT:')];
  const textCount = early.length - 1;
  return {
    early: {
      sequence: early,
      sentence:
        `${imageLabel}: the image becomes ${formatInteger(imageTokens)} tokens placed in the sequence like words, ` +
        `so every layer's self-attention sees ${formatInteger(imageTokens + textCount)} positions and the KV cache ` +
        `holds all of them.`,
    },
    cross: {
      sequence: cross,
      latents: FLAMINGO.latents,
      sentence:
        `Flamingo: the sequence keeps only the ${textCount} text tokens and an <image> marker; new gated ` +
        `cross-attention layers between the frozen LM blocks let the text attend to ${FLAMINGO.latents} latents ` +
        `from the Perceiver Resampler, whatever the image size.`,
    },
  };
}
