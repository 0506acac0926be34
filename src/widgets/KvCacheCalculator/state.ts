/**
 * The calculator's state, its defaults, and the forgiving readers for props and links: every bad value falls back
 * to the default with a note that names the parameter and the accepted range. The URL carries `model`, `tokens`,
 * `batch`, `dtype`, `wdtype` and `compare` (other widgets link here as ?model=<preset id>&tokens=<n>).
 */
import { DTYPE_NAMES, isDType, type DType } from '../../core/dtypes';
import { MAX_BATCH, MAX_TOKENS, type ConvLayout, type WindowPolicy } from '../../core/kvCache';
import { formatInteger, type UnitSystem } from '../../core/units';
import { logSlider } from '../shared/logSlider';

/** The id of a pasted or uploaded config.json. */
export const CUSTOM_ID = 'custom';
/** Models in the chart besides the current one (four in all). */
export const MAX_COMPARE = 3;
/** Accelerator counts offered for the reverse solve. */
export const GPU_COUNTS = [1, 2, 4, 8] as const;

export type WeightDtype = DType | 'none';
export type ChartMode = 'cache' | 'total';

export interface CalcState {
  /** Preset id or CUSTOM_ID. */
  model: string;
  /** T: tokens cached per sequence. */
  tokens: number;
  /** B: concurrent sequences. */
  batch: number;
  /** K/V element type. */
  dtype: DType;
  /** Weight element type, or 'none' to leave the weights out. */
  wdtype: WeightDtype;
  /** Other preset ids drawn in the chart. */
  compare: string[];
  units: UnitSystem;
  /** 'cap' counts sliding layers at min(T, W); 'ignore' at full T, as engines that allocate full pages. */
  windows: WindowPolicy;
  convLayout: ConvLayout;
  stateDtype: DType;
  chart: ChartMode;
  /** Reverse-solve budget: `gpus` × `gpuGB`. */
  gpus: number;
  gpuGB: number;
}

export const DEFAULT_STATE: CalcState = {
  model: 'llama-3.1-8b',
  tokens: 131_072,
  batch: 1,
  dtype: 'bf16',
  wdtype: 'bf16',
  compare: ['llama-2-7b', 'gemma-3-27b', 'deepseek-v3'],
  units: 'binary',
  windows: 'cap',
  convLayout: 'd_conv-1',
  stateDtype: 'fp32',
  chart: 'cache',
  gpus: 1,
  gpuGB: 80,
};

/** Tokens: a log slider from 1 to 10M (typed input gives any exact value). */
export const TOKEN_SLIDER = logSlider(1, MAX_TOKENS);
/** Batch: a log slider from 1 to 1M. */
export const BATCH_SLIDER = logSlider(1, MAX_BATCH, 12);

/** Raw values as props or a link give them. */
export type RawState = Partial<Record<'model' | 'tokens' | 'batch' | 'dtype' | 'wdtype' | 'compare', unknown>>;

export interface StateWithNotes {
  state: CalcState;
  notes: string[];
}

const shown = (v: unknown) => (typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : String(v));

function readInt(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d[\d,_]*\s*$/.test(v)) return Number(v.replace(/[\s,_]/g, ''));
  return null;
}

/**
 * Applies `raw` over `base`: known preset ids only (`presetIds`), whole numbers in range, known dtypes, up to three
 * distinct comparison presets. `source` words the notes ("the link", "the embed").
 */
export function readState(
  raw: RawState,
  base: CalcState,
  presetIds: readonly string[],
  source: string,
): StateWithNotes {
  const notes: string[] = [];
  const state: CalcState = { ...base, compare: [...base.compare] };
  const fallback = (key: string, value: unknown, range: string, kept: string) =>
    notes.push(`${key}=${shown(value)} in ${source} is not ${range}; showing ${kept}.`);

  if (raw.model !== undefined) {
    if (typeof raw.model === 'string' && presetIds.includes(raw.model)) state.model = raw.model;
    else if (raw.model === CUSTOM_ID)
      notes.push(`A pasted config.json cannot travel in ${source}; showing ${base.model}. Paste it again below.`);
    else fallback('model', raw.model, `a preset id (${presetIds.join(', ')})`, base.model);
  }
  for (const [key, max] of [
    ['tokens', MAX_TOKENS],
    ['batch', MAX_BATCH],
  ] as const) {
    if (raw[key] === undefined) continue;
    const n = readInt(raw[key]);
    if (n !== null && n >= 1 && n <= max) state[key] = n;
    else fallback(key, raw[key], `a whole number from 1 to ${formatInteger(max)}`, formatInteger(base[key]));
  }
  if (raw.dtype !== undefined) {
    if (isDType(raw.dtype)) state.dtype = raw.dtype;
    else fallback('dtype', raw.dtype, `one of ${DTYPE_NAMES.join(', ')}`, base.dtype);
  }
  if (raw.wdtype !== undefined) {
    if (isDType(raw.wdtype) || raw.wdtype === 'none') state.wdtype = raw.wdtype;
    else fallback('wdtype', raw.wdtype, `one of ${DTYPE_NAMES.join(', ')} or none`, base.wdtype);
  }
  if (raw.compare !== undefined) {
    const list = Array.isArray(raw.compare)
      ? raw.compare
      : typeof raw.compare === 'string'
        ? raw.compare.split(',').filter((s) => s.trim() !== '' && s.trim() !== 'none')
        : [raw.compare];
    const ids = list.map((v) => (typeof v === 'string' ? v.trim() : v));
    const unknown = ids.filter((id) => typeof id !== 'string' || !presetIds.includes(id));
    if (unknown.length)
      notes.push(
        `compare: ${unknown.map(shown).join(', ')} in ${source} ${unknown.length === 1 ? 'is' : 'are'} not a preset id; left out.`,
      );
    const known = [...new Set(ids.filter((id): id is string => typeof id === 'string' && presetIds.includes(id)))];
    if (known.length > MAX_COMPARE)
      notes.push(
        `compare lists ${known.length} models; the chart draws the first ${MAX_COMPARE} besides the current one.`,
      );
    state.compare = known.slice(0, MAX_COMPARE);
  }
  state.compare = state.compare.filter((id) => id !== state.model);
  return { state, notes };
}

/** Reads the query string. */
export function fromUrl(params: URLSearchParams, base: CalcState, presetIds: readonly string[]): StateWithNotes {
  const raw: RawState = {};
  for (const key of ['model', 'tokens', 'batch', 'dtype', 'wdtype', 'compare'] as const) {
    const v = params.get(key);
    if (v !== null) raw[key] = v;
  }
  return readState(raw, base, presetIds, 'the link');
}

/** The URL keys of `state`; keys equal to `base` are left out to keep links short. */
export function toUrl(state: CalcState, base: CalcState): Record<string, string | undefined> {
  const same = (a: unknown, b: unknown) => String(a) === String(b);
  const compare = state.compare.join(',');
  return {
    model: same(state.model, base.model) ? undefined : state.model,
    tokens: same(state.tokens, base.tokens) ? undefined : String(state.tokens),
    batch: same(state.batch, base.batch) ? undefined : String(state.batch),
    dtype: same(state.dtype, base.dtype) ? undefined : state.dtype,
    wdtype: same(state.wdtype, base.wdtype) ? undefined : state.wdtype,
    compare: compare === base.compare.join(',') ? undefined : compare || 'none',
  };
}

/** The explorer page with this state (a pasted config cannot travel: its model is left out). */
export function explorerHref(state: CalcState): string {
  const values = toUrl(state, DEFAULT_STATE);
  const query = new URLSearchParams();
  query.set('model', state.model === CUSTOM_ID ? DEFAULT_STATE.model : state.model);
  query.set('tokens', String(state.tokens));
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && key !== 'model' && key !== 'tokens') query.set(key, value);
  return `/explore/kv-cache/?${query.toString().replace(/%2C/g, ',')}`;
}
