/**
 * What one token of an attention mask sees, what the mask costs, and how far a sliding window reaches through
 * stacked layers. Patterns as in patterns.ts; the receptive field W·L is Mistral 7B's statement (Jiang et al. 2023,
 * §2, Sliding Window Attention: "after k attention layers, information can move forward by up to k × W tokens").
 */
import { countPairs } from './matrix';
import { getPattern } from './patterns';
import { assertMaskParams, assertToken } from './validate';
import type { KeyRange, MaskParams, PatternName } from './types';

/** The keys (1-based, ascending) that `token` may attend to under `pattern`. */
export function attendedKeys(pattern: PatternName, token: number, params: MaskParams): number[] {
  assertMaskParams(params);
  assertToken(token, params.n);
  const { predicate } = getPattern(pattern);
  const keys: number[] = [];
  for (let key = 1; key <= params.n; key++) if (predicate(token, key, params)) keys.push(key);
  return keys;
}

/** Merges key positions into maximal inclusive runs: [1, 5, 6, 7, 9] → [[1, 1], [5, 7], [9, 9]]. */
export function mergeRanges(keys: readonly number[]): KeyRange[] {
  const sorted = [...new Set(keys)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const key of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && key === last[1] + 1) last[1] = key;
    else ranges.push([key, key]);
  }
  return ranges;
}

/** A token's keys in words and numbers. */
export interface Readout {
  token: number;
  /** How many keys the token attends to. */
  count: number;
  ranges: KeyRange[];
  /** E.g. "Token 9 can attend to tokens 1, 5–9" (en dash; "token" when there is exactly one key). */
  sentence: string;
}

/** Formats ranges as "1, 5–9": a run of one key is a single number. */
export function formatRanges(ranges: readonly KeyRange[]): string {
  return ranges.map(([start, end]) => (start === end ? `${start}` : `${start}–${end}`)).join(', ');
}

/** The readout of `token`: its merged key ranges and the sentence shown in the widget's live region and the CLI. */
export function readout(pattern: PatternName, token: number, params: MaskParams): Readout {
  const keys = attendedKeys(pattern, token, params);
  const ranges = mergeRanges(keys);
  const what = keys.length === 0 ? 'no tokens' : `${keys.length === 1 ? 'token' : 'tokens'} ${formatRanges(ranges)}`;
  return { token, count: keys.length, ranges, sentence: `Token ${token} can attend to ${what}` };
}

/** The cost of a mask: attended pairs, their share of all n² pairs, and the asymptotic orders. */
export interface MaskCost {
  /** Attended (query, key) pairs: the score computations one head does per layer. */
  pairs: number;
  /** pairs / n², in [0, 1]. */
  fraction: number;
  /** Keys per query, e.g. "O(W)". */
  perToken: string;
  /** All pairs, e.g. "O(n·W)". */
  total: string;
}

/** The cost of `pattern` at `params`. */
export function maskCost(pattern: PatternName, params: MaskParams): MaskCost {
  const pairs = countPairs(pattern, params);
  const { perToken, total } = getPattern(pattern).cost;
  return { pairs, fraction: pairs / (params.n * params.n), perToken, total };
}

/** Largest layer count accepted by `receptiveField`. */
export const MAX_LAYERS = 1024;

/** How far information travels through L stacked sliding-window layers. */
export interface ReceptiveField {
  window: number;
  layers: number;
  /** W·L tokens: Mistral's bound after `layers` layers. */
  span: number;
  /** W·l for l = 1…L, for a small chart. */
  perLayer: number[];
  /**
   * L·(W − 1): the exact number of positions back reachable with this atlas's causal window, which counts the query
   * itself among its W tokens (Mistral's layer attends to positions i − W…i, one more).
   */
  exactReach: number;
}

/** The receptive field of `layers` stacked causal sliding-window layers of `window` tokens (Mistral 7B §2). */
export function receptiveField(window: number, layers: number): ReceptiveField {
  if (!Number.isSafeInteger(window) || window < 1) {
    throw new RangeError(`window must be an integer ≥ 1, got ${window}`);
  }
  if (!Number.isSafeInteger(layers) || layers < 1 || layers > MAX_LAYERS) {
    throw new RangeError(`layers must be an integer from 1 to ${MAX_LAYERS}, got ${layers}`);
  }
  const perLayer = Array.from({ length: layers }, (_, l) => window * (l + 1));
  return { window, layers, span: window * layers, perLayer, exactReach: layers * (window - 1) };
}
