/**
 * The attention-patterns widget's state: a mask view (pattern, token, parameters; read through the core's forgiving
 * `normalizeMaskParams`), plus the layer count of the receptive-field chart and whether kernel tiles are drawn.
 * Presets for embeds, URL reading and writing, and updates all go through the same normalization, so a bad prop, a
 * bad link or a stale value is clamped with a note and never crashes.
 */
import { DEFAULT_MASK_STATE, normalizeMaskParams, paramRange, type MaskParams, type MaskState } from '../../core/masks';

/** Largest layer count offered for the receptive-field chart. */
export const MAX_CHART_LAYERS = 128;
/** Mistral 7B has 32 layers (Jiang et al. 2023, Table 1). */
export const DEFAULT_LAYERS = 32;

/** Everything the widget shows is a function of this state. */
export interface WidgetState extends MaskState {
  /** Layers L of the receptive-field chart, 1–128. */
  layers: number;
  /** Draw the kernel tiles a FlashAttention-style kernel works in, and say which it can skip. */
  tiles: boolean;
}

/** The view of the source design: 16 tokens, bidirectional sliding window of 5, token 1. */
export const DEFAULT_STATE: WidgetState = { ...DEFAULT_MASK_STATE, layers: DEFAULT_LAYERS, tiles: false };

/** Named starting points for embedded copies. */
export const PRESETS = {
  /** The source design (the default). */
  source: {},
  /** A decoder's causal mask. */
  causal: { pattern: 'causal', token: 6 },
  /** Mistral-style causal sliding window. */
  'causal-sliding': { pattern: 'sliding', direction: 'causal', window: 4, token: 9 },
  /** Windows of 4 whose first tokens everyone sees, in the encoder (bidirectional) form. */
  'grouped-window': { pattern: 'grouped-window', direction: 'bidirectional', group: 4, token: 10 },
  /** A causal mask cut into kernel tiles. */
  flash: { pattern: 'causal', token: 9, tiles: true },
} as const satisfies Record<string, Readonly<Record<string, unknown>>>;

export type PresetName = keyof typeof PRESETS;

/** The keys the widget owns in the query string. */
export const URL_KEYS = [
  'pattern',
  'n',
  'token',
  'direction',
  'window',
  'dilation',
  'global',
  'group',
  'chunk',
  'prefix',
  'layers',
  'tiles',
] as const;

type UrlKey = (typeof URL_KEYS)[number];
type Raw = Partial<Record<UrlKey, unknown>>;

/** Raw values for some of the widget's keys, as a control or a prop gives them. */
export type RawPatch = Raw;

/** A state and the notes explaining every value that had to be fixed. */
export interface StateWithNotes {
  state: WidgetState;
  notes: string[];
}

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
const isPreset = (name: string): name is PresetName => Object.hasOwn(PRESETS, name);

function readLayers(value: unknown, notes: string[]): number {
  if (value === undefined || value === null) return DEFAULT_LAYERS;
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (!/^[+-]?\d+$/.test(text)) {
    notes.push(`layers ${shown(value)} is not an integer; using ${DEFAULT_LAYERS}`);
    return DEFAULT_LAYERS;
  }
  const parsed = Number(text);
  const clamped = Math.min(MAX_CHART_LAYERS, Math.max(1, parsed));
  if (clamped !== parsed) notes.push(`layers ${text} is out of range 1–${MAX_CHART_LAYERS}; using ${clamped}`);
  return clamped;
}

function readTiles(value: unknown, notes: string[]): boolean {
  if (value === undefined || value === null) return false;
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  notes.push(`tiles ${shown(value)} is not 0 or 1; using 0`);
  return false;
}

/** Normalizes raw values (props, preset, URL): every key the core knows, plus layers and tiles. Never throws. */
export function normalizeState(raw: Raw): StateWithNotes {
  const { notes, ...mask } = normalizeMaskParams(raw);
  const extraNotes: string[] = [];
  const state = { ...mask, layers: readLayers(raw.layers, extraNotes), tiles: readTiles(raw.tiles, extraNotes) };
  return { state, notes: [...notes, ...extraNotes] };
}

/** The state as raw values, so it can be merged with other raw values and normalized again. */
export function toRaw(state: WidgetState): Raw {
  const { pattern, token, params, layers, tiles } = state;
  return { pattern, token, layers, tiles, ...params, global: [...params.global] };
}

/** The starting state of a copy of the widget: the preset (default: the source design), then explicit props. */
export function initialState(preset: string | undefined, props: Raw = {}): StateWithNotes {
  const notes: string[] = [];
  let base: Raw = {};
  if (preset !== undefined) {
    if (isPreset(preset)) base = PRESETS[preset];
    else notes.push(`preset "${preset}" is not one of ${Object.keys(PRESETS).join(', ')}; using source`);
  }
  const explicit = Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
  const result = normalizeState({ ...base, ...explicit });
  return { state: result.state, notes: [...notes, ...result.notes] };
}

/**
 * The state linked in a query string, over `base` for every key the link leaves out. `global=none` stands for no
 * global tokens (an empty value would be dropped from the URL).
 */
export function fromUrl(query: URLSearchParams, base: WidgetState): StateWithNotes {
  const raw = toRaw(base);
  for (const key of URL_KEYS) {
    const value = query.get(key);
    if (value !== null) raw[key] = key === 'global' && value.trim() === 'none' ? [] : value;
  }
  const result = normalizeState(raw);
  return { state: result.state, notes: result.notes.map((note) => `From the link: ${note}.`) };
}

/** The query-string values of `state`: keys equal to the source design are left out to keep links short. */
export function toUrl(state: WidgetState): Record<UrlKey, string | number | undefined> {
  const d = DEFAULT_STATE;
  const p = state.params;
  const differs = <T>(value: T, fallback: T) => (value === fallback ? undefined : value);
  const global = p.global.join(',');
  return {
    pattern: differs(state.pattern, d.pattern),
    n: differs(p.n, d.params.n),
    token: differs(state.token, d.token),
    direction: differs(p.direction, d.params.direction),
    window: differs(p.window, d.params.window),
    dilation: differs(p.dilation, d.params.dilation),
    global: global === d.params.global.join(',') ? undefined : global === '' ? 'none' : global,
    group: differs(p.group, d.params.group),
    chunk: differs(p.chunk, d.params.chunk),
    prefix: differs(p.prefix, d.params.prefix),
    layers: differs(state.layers, d.layers),
    tiles: state.tiles ? 1 : undefined,
  };
}

/** `query` as a query string ("" when every value is the default). */
export function queryString(state: WidgetState): string {
  const entries = Object.entries(toUrl(state)).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  return new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString();
}

/** Changes some values of `state`; everything is clamped again (a smaller N clamps the token and the window). */
export function update(state: WidgetState, patch: Raw): WidgetState {
  return normalizeState({ ...toRaw(state), ...patch }).state;
}

/** The state with the token moved by `delta` (clamped to 1–N). */
export const stepToken = (state: WidgetState, delta: number): WidgetState =>
  update(state, { token: state.token + delta });

/** The accepted range of a numeric mask parameter at the current N. */
export function rangeOf(name: 'window' | 'dilation' | 'group' | 'chunk' | 'prefix' | 'token', params: MaskParams) {
  return paramRange(name, params.n);
}

/** Reads the global-tokens field ("1, 9"; empty = none): the positions, or an error naming the accepted range. */
export function parseGlobalInput(text: string, n: number): { positions: number[] } | { error: string } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const { min, max } = paramRange('global', n);
  const valid = parts.every((part) => /^\d+$/.test(part) && Number(part) >= min && Number(part) <= max);
  if (!valid) return { error: `Global tokens must be positions from ${min} to ${max}, separated by commas` };
  return { positions: [...new Set(parts.map(Number))].sort((a, b) => a - b) };
}
