/**
 * The attention-patterns view-model: from the widget state and its mask matrix to every label, number and sentence
 * the widget shows. All mask rules, readouts, costs and the receptive field come from src/core/masks (Longformer
 * §3.1, Mistral 7B §2, Sparse Transformers §4, T5 §3.2.1); this file only arranges and words them.
 */
import {
  PATTERNS,
  getPattern,
  maskCost,
  maskMatrix,
  readout,
  receptiveField,
  type Citation,
  type MaskCost,
  type MaskPattern,
  type PatternName,
} from '../../core/masks';
import type { Series } from '../shared/LineChart';
import { heatmapLabel } from './heatmap';
import { queryString, rangeOf, type WidgetState } from './state';
import { summarizeTiles, tileSizeFor, type TileSummary } from './tiles';
import { wordOf } from './words';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * "1,048,576": digits grouped as core's formatInteger does, with one cached formatter (`toLocaleString` builds a new
 * one per call, which showed in the N = 1024 repaint profile).
 */
export const formatCount = (n: number): string => INTEGER.format(Math.round(n));

/** Up to this N the mask is drawn as labelled, focusable cells; above it as a Canvas heatmap. */
export const GRID_MAX_N = 64;

/** The parameter controls a pattern can show. */
export type ControlName = 'window' | 'dilation' | 'global' | 'group' | 'chunk' | 'prefix' | 'direction' | 'layers';

export interface LinkView {
  text: string;
  href: string;
}

export interface CostView {
  /** Attended (query, key) pairs, formatted. */
  pairs: string;
  /** N², formatted. */
  all: string;
  /** pairs / N² as a percentage. */
  share: string;
  perToken: string;
  total: string;
}

export interface ReceptiveView {
  sentence: string;
  series: Series[];
  description: string;
  layers: number;
}

export interface TileView extends TileSummary {
  sentence: string;
}

export interface HeatmapView {
  /** The text alternative of the canvas. */
  label: string;
  /** Kernel-tile side in tokens, 0 when tiles are off. */
  tile: number;
}

/** Everything the widget renders apart from the cells themselves. */
export interface View {
  pattern: MaskPattern;
  patternOptions: { value: PatternName; label: string }[];
  show: Record<ControlName, boolean>;
  ranges: Record<'window' | 'dilation' | 'group' | 'chunk' | 'prefix' | 'token', { min: number; max: number }>;
  /** "1 of 16 · Attention" */
  tokenText: string;
  /** The live readout: "Token 1 can attend to tokens 1–3". */
  sentence: string;
  /** The readout in pieces, so each range ("1–3") can be kept on one line. */
  sentenceParts: { text: string; range: boolean }[];
  /** The one-line note that decoders use the causal variant (bidirectional patterns only). */
  causalNote: string | null;
  cost: CostView;
  receptive: ReceptiveView | null;
  tiles: TileView | null;
  citation: LinkView;
  seeAlso: LinkView[];
  display: 'grid' | 'heatmap';
  /** What to do to see a cell's query and key, shown until a cell is hovered or focused. */
  probeHint: string;
  heatmap: HeatmapView;
  /** The standalone explorer in this state. */
  explorerHref: string;
}

/** Reuses `buffer` when it holds n² cells, so the N = 1024 heatmap does not allocate a megabyte per repaint. */
export function computeMatrix(state: WidgetState, buffer?: Uint8Array): Uint8Array {
  const cells = state.params.n * state.params.n;
  return maskMatrix(state.pattern, state.params, buffer && buffer.length >= cells ? buffer : undefined);
}

/**
 * The number of attended pairs in the first n² cells of `matrix`, four cells per step (each byte is 0 or 1, so the
 * top byte of w·0x01010101 is the sum of w's four bytes). Equal to core's countPairs, without rebuilding the rows.
 */
export function countAttended(matrix: Uint8Array, n: number): number {
  const cells = n * n;
  let pairs = 0;
  let i = 0;
  if (matrix.byteOffset % 4 === 0) {
    const words = new Uint32Array(matrix.buffer, matrix.byteOffset, cells >> 2);
    for (let w = 0; w < words.length; w++) pairs += Math.imul(words[w] ?? 0, 0x01010101) >>> 24;
    i = words.length * 4;
  }
  for (; i < cells; i++) pairs += matrix[i] ?? 0;
  return pairs;
}

/** The cost of `state`'s mask as core's maskCost gives it, with the pairs counted from its `matrix`. */
export function costFromMatrix(state: WidgetState, matrix: Uint8Array): MaskCost {
  const { n } = state.params;
  const pairs = countAttended(matrix, n);
  const { perToken, total } = getPattern(state.pattern).cost;
  return { pairs, fraction: pairs / (n * n), perToken, total };
}

/** "28.9%": one decimal, two significant digits below 0.1%, never "0.0%" for a non-empty mask. */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction <= 0) return '0%';
  if (fraction >= 1) return '100%';
  const percent = fraction * 100;
  return percent < 0.1 ? `${Number(percent.toPrecision(2))}%` : `${percent.toFixed(1)}%`;
}

function citationLink(c: Citation): LinkView {
  return {
    text: `${c.title} (${c.authors}, ${c.year}), ${c.where}`,
    href: c.arxiv ? `https://arxiv.org/abs/${c.arxiv}` : (c.url ?? ''),
  };
}

const plural = (count: number, one: string, many = `${one}s`) => `${formatCount(count)} ${count === 1 ? one : many}`;

function causalNote(state: WidgetState, pattern: MaskPattern): string | null {
  if (!pattern.uses.includes('direction') || state.params.direction !== 'bidirectional') return null;
  const first = readout(state.pattern, 1, { ...state.params, direction: 'causal' });
  const sees = first.count === 1 ? 'sees only itself' : first.sentence.replace('Token 1 can attend to', 'sees');
  return `Decoder LLMs use the causal variant, where token 1 ${sees}.`;
}

function receptiveView(state: WidgetState): ReceptiveView | null {
  if (state.pattern !== 'sliding') return null;
  const { window: w, direction } = state.params;
  const layers = state.layers;
  const field = receptiveField(w, layers);
  const xs = Array.from({ length: layers }, (_, i) => i + 1);
  const bound: Series = {
    id: 'bound',
    label: 'W·L, Mistral 7B’s bound',
    points: field.perLayer.map((y, i) => ({ x: i + 1, y })),
  };
  if (direction === 'causal') {
    const exact: Series = {
      id: 'exact',
      label: 'L·(W − 1), this mask exactly',
      points: xs.map((x) => ({ x, y: receptiveField(w, x).exactReach })),
      dashed: true,
    };
    return {
      layers,
      series: [bound, exact],
      description: `Tokens reachable through 1 to ${layers} stacked causal sliding-window layers of W = ${w}.`,
      sentence:
        `After L = ${layers} layers, information can move forward by up to W·L = ${w} × ${layers} = ` +
        `${formatCount(field.span)} tokens (Mistral 7B §2); since this window counts the token itself among its ` +
        `W, exactly L·(W − 1) = ${formatCount(field.exactReach)} positions back.`,
    };
  }
  const half = w >> 1;
  const each: Series = {
    id: 'each-side',
    label: '⌊W/2⌋·L each way, this centred window',
    points: xs.map((x) => ({ x, y: half * x })),
    dashed: true,
  };
  return {
    layers,
    series: [bound, each],
    description: `Tokens reachable through 1 to ${layers} stacked centred windows of W = ${w}, each way.`,
    sentence:
      `A centred window of ${w} reaches ⌊W/2⌋ = ${half} ${half === 1 ? 'token' : 'tokens'} each way per layer: ` +
      `${formatCount(half * layers)} each way after L = ${layers} layers. Mistral 7B’s W·L = ` +
      `${formatCount(field.span)} (§2) is for the causal window.`,
  };
}

function tileView(state: WidgetState, matrix: Uint8Array): TileView | null {
  if (!state.tiles) return null;
  const summary = summarizeTiles(matrix, state.params.n, tileSizeFor(state.params.n));
  const { tile, perSide, total, skipped, full, partial } = summary;
  const size = tile === 1 ? '1-token tiles' : `${tile} × ${tile}-token tiles`;
  return {
    ...summary,
    sentence:
      `In ${size} (${perSide} × ${perSide} = ${plural(total, 'tile')}), a tiled kernel such as FlashAttention ` +
      `skips ${plural(skipped, 'tile')} where every pair is masked and computes the other ` +
      `${formatCount(full + partial)}; ${formatCount(partial)} of those need the mask applied inside.`,
  };
}

/**
 * The view of `state`, whose mask is `matrix` (from `computeMatrix`). Pass `cost` when it is already known for this
 * pattern and parameters (it does not depend on the token), to skip recounting the pairs.
 */
export function buildView(
  state: WidgetState,
  matrix: Uint8Array,
  cost: MaskCost = maskCost(state.pattern, state.params),
): View {
  const pattern = getPattern(state.pattern);
  const { params, token } = state;
  const uses = new Set<string>(pattern.uses);
  const word = params.n <= GRID_MAX_N ? wordOf(token) : null;
  const query = queryString(state);
  const share = formatShare(cost.fraction);
  const sentence = readout(state.pattern, token, params).sentence;
  return {
    pattern,
    patternOptions: PATTERNS.map((p) => ({ value: p.id, label: p.label })),
    show: {
      window: uses.has('window'),
      dilation: uses.has('dilation'),
      global: uses.has('global'),
      group: uses.has('group'),
      chunk: uses.has('chunk'),
      prefix: uses.has('prefix'),
      direction: uses.has('direction'),
      layers: state.pattern === 'sliding',
    },
    ranges: {
      window: rangeOf('window', params),
      dilation: rangeOf('dilation', params),
      group: rangeOf('group', params),
      chunk: rangeOf('chunk', params),
      prefix: rangeOf('prefix', params),
      token: rangeOf('token', params),
    },
    tokenText: `${token} of ${formatCount(params.n)}${word ? ` · ${word}` : ''}`,
    sentence,
    sentenceParts: sentence
      .split(/(\d+–\d+)/)
      .map((text, i) => ({ text, range: i % 2 === 1 }))
      .filter((part) => part.text !== ''),
    causalNote: causalNote(state, pattern),
    cost: {
      pairs: formatCount(cost.pairs),
      all: formatCount(params.n * params.n),
      share,
      perToken: cost.perToken,
      total: cost.total,
    },
    receptive: receptiveView(state),
    tiles: tileView(state, matrix),
    citation: citationLink(pattern.citation),
    seeAlso: pattern.seeAlso.map(citationLink),
    display: params.n <= GRID_MAX_N ? 'grid' : 'heatmap',
    probeHint:
      params.n <= GRID_MAX_N
        ? 'Hover over or focus a cell to see its query and key; click it or press Enter to step to its row.'
        : 'Hover over the heatmap to see a cell’s query and key; click to step to its row.',
    heatmap: {
      label: heatmapLabel(formatCount(params.n), token, share),
      tile: state.tiles ? tileSizeFor(params.n) : 0,
    },
    explorerHref: `/explore/attention-patterns/${query ? `?${query}` : ''}`,
  };
}

/** The layer count as the chart's slider shows it. */
export const formatLayers = (layers: number) => plural(layers, 'layer');
