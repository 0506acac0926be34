/**
 * PatchTokens state: the encoder scheme, the input size for Qwen2-VL's dynamic resolution, the selected token
 * position and the model for the KV figures. URL keys carry the widget's prefix (patch.enc, patch.w, patch.h,
 * patch.pos, patch.model) so other widgets on the same page keep theirs. Bad values fall back with a note.
 */
import { MAX_IMAGE_SIDE, VIT_SETTINGS, type VitId } from '../../core/vision';
import { getPreset } from '../../models/presets';

export type SchemeId = VitId | 'llava-1.5' | 'qwen2-vl';

export const SCHEMES: readonly { value: SchemeId; label: string }[] = [
  ...VIT_SETTINGS.map((s) => ({ value: s.id, label: s.label })),
  { value: 'llava-1.5', label: 'LLaVA-1.5 (CLIP ViT-L/14 at 336 px)' },
  { value: 'qwen2-vl', label: 'Qwen2-VL (dynamic resolution)' },
];

export interface PatchState {
  scheme: SchemeId;
  /** Input image size for Qwen2-VL, in pixels. */
  width: number;
  height: number;
  /** Selected position in the token sequence (0-based). */
  pos: number;
  /** Preset id for the KV-cache figures. */
  model: string;
}

/** LLaVA-1.5-7B's language model is Vicuna-7B v1.5, a Llama-2-7B fine-tune: the default for the KV figures. */
export const DEFAULT_PATCH_STATE: PatchState = {
  scheme: 'vit-b16-224',
  width: 1280,
  height: 720,
  pos: 1,
  model: 'llama-2-7b',
};

export const isScheme = (value: string): value is SchemeId => SCHEMES.some((s) => s.value === value);

function readSide(params: URLSearchParams, key: 'w' | 'h', fallback: number, notes: string[]): number {
  const raw = params.get(`patch.${key}`);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (/^\d+$/.test(raw.trim()) && n >= 1 && n <= MAX_IMAGE_SIDE) return n;
  notes.push(
    `${key === 'w' ? 'Width' : 'Height'} "${raw.slice(0, 20)}" in the link is not a whole number from 1 to ${MAX_IMAGE_SIDE.toLocaleString('en-US')}; using ${fallback}.`,
  );
  return fallback;
}

/** The state a query string asks for, over `base`, with a note for each value that had to be replaced. */
export function fromUrl(params: URLSearchParams, base: PatchState = DEFAULT_PATCH_STATE) {
  const notes: string[] = [];
  const state = { ...base };
  const scheme = params.get('patch.enc');
  if (scheme !== null) {
    if (isScheme(scheme)) state.scheme = scheme;
    else notes.push(`Unknown encoder "${scheme.slice(0, 30)}" in the link; showing ${base.scheme}.`);
  }
  state.width = readSide(params, 'w', base.width, notes);
  state.height = readSide(params, 'h', base.height, notes);
  const pos = params.get('patch.pos');
  if (pos !== null) {
    if (/^\d+$/.test(pos.trim())) state.pos = Number(pos);
    else notes.push(`Token position "${pos.slice(0, 20)}" in the link is not a whole number; using ${base.pos}.`);
  }
  const model = params.get('patch.model');
  if (model !== null) {
    if (getPreset(model)) state.model = model;
    else notes.push(`Unknown model "${model.slice(0, 40)}" in the link; showing ${base.model}.`);
  }
  return { state, notes };
}

/** Query values for `state`, defaults left out. */
export function toUrl(state: PatchState): Record<string, string | number | undefined> {
  const d = DEFAULT_PATCH_STATE;
  const qwen = state.scheme === 'qwen2-vl';
  return {
    'patch.enc': state.scheme === d.scheme ? undefined : state.scheme,
    'patch.w': qwen && state.width !== d.width ? state.width : undefined,
    'patch.h': qwen && state.height !== d.height ? state.height : undefined,
    'patch.pos': state.pos === d.pos ? undefined : state.pos,
    'patch.model': state.model === d.model ? undefined : state.model,
  };
}
