/**
 * The ALiBi widget's view-model: the slopes of src/core/alibi for H heads, one head's bias matrix added to the scores
 * of a real causal attention over seeded q, k, v (with and without the bias), the selected query's row as numbers,
 * and the logit of one content pair against distance under ALiBi and under RoPE (src/core/rope), both of which depend
 * on the offset alone.
 */
import { alibiAttention, alibiBiasMatrix, alibiSlopes } from '../../core/alibi';
import { randn } from '../../core/random';
import { ropeFrequencies, ropeScore } from '../../core/rope';
import type { Series } from '../shared/LineChart';
import { ParamReader, prefixed } from '../shared/params';

export const HEAD_COUNTS = [4, 8, 12, 16] as const;
/** Tokens of the demo attention and its head dimension. */
export const N = 12;
export const DIM = 8;
/** Pixels per heatmap cell (whole pixels: aspect-ratio cells make layout slow). */
export const CELL_PX = 18;
const SEED = 2108;
/** RoPE comparison: head dimension and base of the content pair. */
export const ROPE_DIM = 64;
export const ROPE_BASE = 10_000;
export const MAX_DISTANCE = 64;

export interface AlibiState {
  heads: (typeof HEAD_COUNTS)[number];
  /** 1-based head. */
  head: number;
  /** 1-based query token. */
  query: number;
}

export const DEFAULT_STATE: AlibiState = { heads: 8, head: 1, query: N };

const PREFIX = 'alibi';

export function readState(query: URLSearchParams, base: AlibiState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const heads = r.choice('heads', HEAD_COUNTS, base.heads);
  const state: AlibiState = {
    heads,
    head: r.int('head', 1, heads, Math.min(base.head, heads)),
    query: r.int('query', 1, N, base.query),
  };
  return { state, notes: r.notes };
}

export function toUrl(s: AlibiState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, { heads: [s.heads, d.heads], head: [s.head, d.head], query: [s.query, d.query] });
}

/** "1/2", "1/256" for powers of two; "2^−0.5 ≈ 0.707" otherwise. */
export function slopeText(m: number): string {
  const exponent = -Math.log2(m);
  if (Math.abs(exponent - Math.round(exponent)) < 1e-9) return `1/${Math.round(2 ** exponent)}`;
  return `2^−${exponent.toFixed(1)} ≈ ${m.toFixed(3)}`;
}

export interface SlopeChip {
  head: number;
  text: string;
  current: boolean;
}

export function slopeChips(s: AlibiState): SlopeChip[] {
  return [...alibiSlopes(s.heads)].map((m, i) => ({ head: i + 1, text: slopeText(m), current: i + 1 === s.head }));
}

const Q = randn(N * DIM, SEED);
const K = randn(N * DIM, SEED + 1);
const V = randn(N * DIM, SEED + 2);

export interface HeatCell {
  /** 0…1, or null where the causal mask hides the key. */
  heat: number | null;
}

export interface KeyRow {
  key: number;
  score: string;
  bias: string;
  plain: string;
  biased: string;
}

export interface HeadView {
  slope: number;
  slopeText: string;
  bias: HeatCell[];
  weights: HeatCell[];
  rows: KeyRow[];
  readout: string;
}

const signed = (x: number) => (Math.abs(x) < 0.0005 ? '0.000' : x.toFixed(3).replace('-', '−'));
const percent = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;

/** One head's bias matrix, its attention weights, the query's row and the readout. */
export function headView(s: AlibiState): HeadView {
  const slope = alibiSlopes(s.heads)[s.head - 1] ?? 0.5;
  const biasMatrix = alibiBiasMatrix(slope, N);
  const deepest = slope * (N - 1) || 1;
  const withBias = alibiAttention(Q, K, V, N, DIM, slope);
  const without = alibiAttention(Q, K, V, N, DIM, 0);
  const bias = [...biasMatrix].map((b) => ({ heat: b === -Infinity ? null : -b / deepest }));
  const weights = [...withBias.weights].map((w, idx) => ({ heat: idx % N > Math.floor(idx / N) ? null : w }));
  const i = s.query - 1;
  const rows: KeyRow[] = [];
  for (let j = i; j >= 0; j--)
    rows.push({
      key: j + 1,
      score: signed(without.scores[i * N + j] ?? 0),
      bias: signed(biasMatrix[i * N + j] ?? 0),
      plain: percent(without.weights[i * N + j] ?? 0),
      biased: percent(withBias.weights[i * N + j] ?? 0),
    });
  const recent = Math.min(3, s.query);
  let near = 0;
  let nearPlain = 0;
  for (let j = i; j > i - recent; j--) {
    near += withBias.weights[i * N + j] ?? 0;
    nearPlain += without.weights[i * N + j] ?? 0;
  }
  const readout =
    s.query === 1
      ? `Head ${s.head} of ${s.heads}, slope m = ${slopeText(slope)}: query 1 sees only itself, so it keeps all its weight there with or without the bias.`
      : `Head ${s.head} of ${s.heads}, slope m = ${slopeText(slope)}: query ${s.query}'s bias falls by ${signed(slope)} per ` +
        `token back, to ${signed(-slope * i)} at key 1. Its ${recent} most recent keys get ${percent(near)} of the ` +
        `weight with ALiBi, ${percent(nearPlain)} without.`;
  return { slope, slopeText: slopeText(slope), bias, weights, rows, readout };
}

export interface DistanceView {
  series: Series[];
  description: string;
}

/** The logit of a key with the query's own content, Δ tokens back: ALiBi heads against RoPE. */
export function distanceView(s: AlibiState): DistanceView {
  const x = randn(ROPE_DIM, SEED + 3);
  const freqs = ropeFrequencies(ROPE_DIM, ROPE_BASE);
  const scale = 1 / Math.sqrt(ROPE_DIM);
  let norm = 0;
  for (const v of x) norm += v * v;
  const base = norm * scale;
  const deltas = Array.from({ length: MAX_DISTANCE + 1 }, (_, d) => d);
  const slopes = alibiSlopes(s.heads);
  const alibi = (h: number, color: number, dashed = false): Series => {
    const m = slopes[h - 1] ?? 0;
    return {
      id: `alibi-${h}`,
      label: `ALiBi, head ${h} (m = ${slopeText(m)})`,
      points: deltas.map((d) => ({ x: d, y: base - m * d })),
      color,
      dashed,
    };
  };
  const heads = [...new Set([s.head, s.heads])];
  return {
    series: [
      ...heads.map((h, i) => alibi(h, i === 0 ? 2 : 5, i > 0)),
      {
        id: 'rope',
        label: `RoPE (d = ${ROPE_DIM}, base ${ROPE_BASE.toLocaleString('en-US')})`,
        points: deltas.map((d) => ({ x: d, y: ropeScore(x, x, d, 0, freqs) * scale })),
        color: 1,
      },
    ],
    description:
      'Logit of a key whose content equals the query, against how many tokens back it sits: ALiBi subtracts a ' +
      'straight line per head, RoPE rotates and the score oscillates within a slowly shrinking envelope',
  };
}
