/**
 * Forgiving parameter reading for the attention-mask views (patterns as in patterns.ts: Longformer §3.1, Sparse
 * Transformers §4, T5 §3.2.1). Widget URL state, CLI defaults and MCP arguments go through here: every malformed
 * or out-of-range value is replaced by the nearest accepted value (or the default) with a note saying so, never a
 * crash. The defaults reproduce the source design: 16 tokens, a bidirectional sliding window of 5, token 1.
 */
import { PATTERN_NAMES, type Direction, type MaskParams, type PatternName } from './types';
import { paramRange, type RangedParam } from './validate';

/** A pattern, a current token and the mask parameters: everything a mask view shows. */
export interface MaskState {
  pattern: PatternName;
  /** The query token being read out, 1–n. */
  token: number;
  params: MaskParams;
}

/** The default view: "Token 1 can attend to tokens 1–3". */
export const DEFAULT_MASK_STATE: MaskState = {
  pattern: 'sliding',
  token: 1,
  params: { n: 16, direction: 'bidirectional', window: 5, dilation: 2, global: [1], group: 4, chunk: 4, prefix: 4 },
};

/** Something to read parameters from: a plain object, or URLSearchParams (anything with `get`). */
export type RawMaskInput = Readonly<Record<string, unknown>> | { get(name: string): string | null };

/** The normalized state and one human-readable note per value that had to be fixed. */
export interface NormalizedMask extends MaskState {
  notes: string[];
}

type Parsed = { kind: 'absent' } | { kind: 'int'; value: number; text: string } | { kind: 'bad'; text: string };

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' && Number.isNaN(value)) return '(not a number)';
  if (typeof value === 'number' && !Number.isFinite(value)) return '(infinite)';
  if (typeof value === 'number' || typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : `a value of type ${typeof value}`;
}

function parseInteger(value: unknown): Parsed {
  if (value === undefined || value === null) return { kind: 'absent' };
  if (typeof value === 'number' && Number.isInteger(value)) return { kind: 'int', value, text: `${value}` };
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) {
    return { kind: 'int', value: Number(value.trim()), text: value.trim() };
  }
  return { kind: 'bad', text: describe(value) };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Reads a mask view's state from `raw`, fixing whatever is malformed or out of range. Limits: n 1–1024; window,
 * dilation, group, chunk 1–n; prefix 0–n; token 1–n; global positions 1–n (deduplicated, sorted; bad ones dropped);
 * pattern and direction from their fixed sets. Never throws.
 */
export function normalizeMaskParams(raw: RawMaskInput): NormalizedMask {
  const read: (name: string) => unknown =
    typeof raw.get === 'function'
      ? (name) => (raw as { get(name: string): string | null }).get(name)
      : (name) => (Object.hasOwn(raw, name) ? (raw as Readonly<Record<string, unknown>>)[name] : undefined);
  const notes: string[] = [];
  const defaults = DEFAULT_MASK_STATE.params;

  const int = (name: RangedParam, fallback: number, n: number): number => {
    const { min, max } = paramRange(name, n);
    const parsed = parseInteger(read(name));
    const safeFallback = clamp(fallback, min, max);
    if (parsed.kind === 'absent') return safeFallback;
    if (parsed.kind === 'bad') {
      notes.push(`${name} ${parsed.text} is not an integer; using ${safeFallback}`);
      return safeFallback;
    }
    const value = clamp(parsed.value, min, max);
    if (value !== parsed.value) notes.push(`${name} ${parsed.text} is out of range ${min}–${max}; using ${value}`);
    return value;
  };

  const choice = <T extends string>(name: string, choices: readonly T[], fallback: T): T => {
    const value = read(name);
    if (value === undefined || value === null) return fallback;
    const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (text !== undefined && (choices as readonly string[]).includes(text)) return text as T;
    notes.push(`${name} ${describe(value)} is not one of ${choices.join(', ')}; using ${fallback}`);
    return fallback;
  };

  const n = int('n', defaults.n, defaults.n);
  const pattern = choice<PatternName>('pattern', PATTERN_NAMES, DEFAULT_MASK_STATE.pattern);
  const direction = choice<Direction>('direction', ['causal', 'bidirectional'], defaults.direction);
  const params: MaskParams = {
    n,
    direction,
    window: int('window', defaults.window, n),
    dilation: int('dilation', defaults.dilation, n),
    global: readGlobal(read('global'), n, defaults.global, notes),
    group: int('group', defaults.group, n),
    chunk: int('chunk', defaults.chunk, n),
    prefix: int('prefix', defaults.prefix, n),
  };
  const token = int('token', DEFAULT_MASK_STATE.token, n);
  return { pattern, token, params, notes };
}

function readGlobal(value: unknown, n: number, fallback: readonly number[], notes: string[]): number[] {
  const { min, max } = paramRange('global', n);
  let items: unknown[];
  if (value === undefined || value === null) items = [...fallback];
  else if (Array.isArray(value)) items = value;
  else if (typeof value === 'number') items = [value];
  else if (typeof value === 'string') items = value.trim() === '' ? [] : value.split(',');
  else {
    notes.push(`global ${describe(value)} is not a list of positions; using none`);
    return [];
  }
  const positions = new Set<number>();
  for (const item of items) {
    const parsed = parseInteger(item);
    if (parsed.kind === 'absent') continue;
    if (parsed.kind === 'bad') notes.push(`global position ${parsed.text} is not an integer; dropped`);
    else if (parsed.value < min || parsed.value > max) {
      if (value !== undefined && value !== null) {
        notes.push(`global position ${parsed.text} is out of range ${min}–${max}; dropped`);
      }
    } else positions.add(parsed.value);
  }
  return [...positions].sort((a, b) => a - b);
}
