/**
 * The tokenizer's state in the URL (`?text=…&model=…`). Bad or oversized values fall back to defaults, and every
 * fallback comes with a note the widget shows.
 */
import { getPreset } from '../../models/presets';
import { DEFAULT_MODEL, DEFAULT_TEXT, MAX_TEXT } from './model';

export interface TokenizerState {
  text: string;
  /** Preset id for the KV-memory figure. */
  model: string;
}

export const DEFAULT_STATE: TokenizerState = { text: DEFAULT_TEXT, model: DEFAULT_MODEL };
/** Texts longer than this stay out of the URL (links stay short); the widget still handles up to MAX_TEXT. */
export const MAX_URL_TEXT = 2_000;

/** Cuts `text` to MAX_TEXT characters (UTF-16 units, never inside a surrogate pair), with a note when it did. */
export function clampText(text: string): { text: string; note: string | null } {
  if (text.length <= MAX_TEXT) return { text, note: null };
  let end = MAX_TEXT;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return {
    text: text.slice(0, end),
    note: `The text was cut to its first ${MAX_TEXT.toLocaleString('en-US')} characters (the widget's limit).`,
  };
}

/** The state a query string asks for, over `base`, with notes for every value that had to be replaced. */
export function fromUrl(params: URLSearchParams, base: TokenizerState = DEFAULT_STATE) {
  const notes: string[] = [];
  const state = { ...base };
  const text = params.get('text');
  if (text !== null) {
    const clamped = clampText(text);
    state.text = clamped.text;
    if (clamped.note) notes.push(clamped.note);
  }
  const model = params.get('model');
  if (model !== null) {
    if (getPreset(model)) state.model = model;
    else
      notes.push(
        `Unknown model "${model.slice(0, 40)}" in the link; showing ${getPreset(base.model)?.name ?? base.model}.`,
      );
  }
  return { state, notes };
}

/** Query values for `state`; defaults and over-long texts are left out. */
export function toUrl(state: TokenizerState): Record<string, string | undefined> {
  return {
    text: state.text === DEFAULT_TEXT || state.text.length > MAX_URL_TEXT ? undefined : state.text,
    model: state.model === DEFAULT_MODEL ? undefined : state.model,
  };
}
