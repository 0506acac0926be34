/**
 * FlashTiles' view-model: seeded Q, K, V run through src/core/flashAttention (Algorithm 1) tile by tile, and the HBM
 * traffic model of the same module. Everything the widget draws or reads out comes from here: the score cells seen so
 * far, the current tile's running maximum m and sum ℓ before and after with the rescale factor, the final check
 * against naive attention, and the chart of HBM accesses against sequence length.
 */
import { flashAttention, hbmAccesses, type FlashResult, type TileStep } from '../../core/flashAttention';
import { randn } from '../../core/random';
import { naiveAttention } from '../../core/sdpa';
import { formatInteger } from '../../core/units';
import { compactNumber } from '../shared/format';
import type { Series } from '../shared/LineChart';
import { ParamReader, prefixed } from '../shared/params';

export const SIZES = [8, 12, 16] as const;
export const BLOCKS = [2, 3, 4, 6, 8] as const;
/** The demo's head dimension: small, so scores spread and maxima change from tile to tile. */
export const DEMO_DIM = 4;
const SEED = 2205;
/** Sequence lengths of the traffic chart: 2^8 … 2^17. */
export const MIN_EXP = 8;
export const MAX_EXP = 17;
export const HEAD_DIMS = [64, 128, 256] as const;
/** On-chip memory choices in KiB; 192 KiB is the A100's SRAM per streaming multiprocessor (paper §2.1). */
export const SRAM_KIB = [24, 48, 96, 192] as const;
/** Bytes per element when converting on-chip memory to elements (fp16/bf16). */
export const ELEMENT_BYTES = 2;

export interface FlashState {
  n: (typeof SIZES)[number];
  br: (typeof BLOCKS)[number];
  bc: (typeof BLOCKS)[number];
  causal: boolean;
  /** 0: before the first tile; s: after tile s. */
  step: number;
  /** log2 of the chart's sequence length N. */
  seqExp: number;
  headDim: (typeof HEAD_DIMS)[number];
  sramKib: (typeof SRAM_KIB)[number];
}

export const DEFAULT_STATE: FlashState = {
  n: 12,
  br: 4,
  bc: 4,
  causal: false,
  step: 4,
  seqExp: 12,
  headDim: 64,
  sramKib: 192,
};

const PREFIX = 'flash';

/** Block sizes are capped at the sequence length. */
const clampBlock = (b: FlashState['br'], n: number): FlashState['br'] =>
  [...BLOCKS].reverse().find((x) => x <= Math.min(b, n)) ?? 2;

/** Pixels of the score grid's side: cells get whole pixels (no aspect-ratio cells, which make layout slow). */
export const GRID_PX = 256;

/** The side of one score cell in pixels for n tokens. */
export const cellPx = (n: number) => Math.floor(GRID_PX / n) - 1;

/** The number of tiles for a state: T_r · T_c. */
export function tileCount(s: Pick<FlashState, 'n' | 'br' | 'bc'>): number {
  return Math.ceil(s.n / s.br) * Math.ceil(s.n / s.bc);
}

/** The state linked in a query string (bad values fall back, with notes). */
export function readState(query: URLSearchParams, base: FlashState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const n = r.choice('n', SIZES, base.n);
  const br = clampBlock(r.choice('br', BLOCKS, base.br), n);
  const bc = clampBlock(r.choice('bc', BLOCKS, base.bc), n);
  const partial = { n, br, bc };
  const state: FlashState = {
    ...partial,
    causal: r.flag('causal', base.causal),
    step: r.int('step', 0, tileCount(partial), Math.min(base.step, tileCount(partial))),
    seqExp: r.int('seq', MIN_EXP, MAX_EXP, base.seqExp),
    headDim: r.choice('d', HEAD_DIMS, base.headDim),
    sramKib: r.choice('sram', SRAM_KIB, base.sramKib),
  };
  return { state, notes: r.notes };
}

/** Query-string values of `state` (defaults left out). */
export function toUrl(s: FlashState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, {
    n: [s.n, d.n],
    br: [s.br, d.br],
    bc: [s.bc, d.bc],
    causal: [s.causal, d.causal],
    step: [s.step, d.step],
    seq: [s.seqExp, d.seqExp],
    d: [s.headDim, d.headDim],
    sram: [s.sramKib, d.sramKib],
  });
}

/** A state with sizes changed: block sizes re-clamped and the step kept within the new tile count. */
export function withSizes(s: FlashState, patch: Partial<Pick<FlashState, 'n' | 'br' | 'bc'>>): FlashState {
  const n = patch.n ?? s.n;
  const next = { ...s, n, br: clampBlock(patch.br ?? s.br, n), bc: clampBlock(patch.bc ?? s.bc, n) };
  return { ...next, step: Math.min(s.step, tileCount(next)) };
}

export interface FlashRun {
  result: FlashResult;
  /** Max |O_tiled − O_naive| over every element. */
  maxError: number;
  /** [n, n] scaled scores (−∞ where masked) from the naive reference, for the cell colours. */
  scores: Float64Array;
  min: number;
  max: number;
}

/** Runs the tiled kernel and the naive reference on the seeded tensors. */
export function runFlash(s: Pick<FlashState, 'n' | 'br' | 'bc' | 'causal'>): FlashRun {
  const d = DEMO_DIM;
  const q = randn(s.n * d, SEED);
  const k = randn(s.n * d, SEED + 1);
  const v = randn(s.n * d, SEED + 2);
  const shape = { queries: s.n, keys: s.n, dim: d };
  const result = flashAttention(q, k, v, shape, { blockRows: s.br, blockCols: s.bc, causal: s.causal });
  const naive = naiveAttention(q, k, v, shape, { causal: s.causal });
  let maxError = 0;
  naive.output.forEach((x, i) => (maxError = Math.max(maxError, Math.abs(x - (result.output[i] ?? 0)))));
  const finite = [...naive.scores].filter(Number.isFinite);
  return { result, maxError, scores: naive.scores, min: Math.min(...finite), max: Math.max(...finite) };
}

export type CellState = 'done' | 'current' | 'pending' | 'skipped' | 'masked';

export interface CellView {
  state: CellState;
  /** 0…1: the score's position between the matrix's smallest and largest score (for seen cells). */
  heat: number;
}

export interface RowStat {
  row: number;
  mBefore: string;
  tileMax: string;
  mAfter: string;
  rescale: string;
  lBefore: string;
  lAfter: string;
  /** The tile raised this row's maximum, so the old ℓ and O shrink. */
  raised: boolean;
}

export interface TileView {
  cells: CellView[];
  step: TileStep | null;
  /** "Tile 4 of 9 · queries 1–4 × keys 5–8". */
  caption: string;
  rows: RowStat[];
  readout: string;
  /** At the last step: the agreement with naive attention. */
  check: string | null;
}

const num = (x: number) => (x === -Infinity ? '−∞' : Math.abs(x) < 0.0005 ? '0.000' : x.toFixed(3).replace('-', '−'));
const range = ([a, b]: [number, number]) => (b - a === 1 ? `${a + 1}` : `${a + 1}–${b}`);

/** The cells, the current tile's statistics and the sentences after `stepIndex` tiles. */
export function tileView(run: FlashRun, n: number, stepIndex: number): TileView {
  const { steps } = run.result;
  const s = Math.max(0, Math.min(steps.length, stepIndex));
  const current = s > 0 ? (steps[s - 1] ?? null) : null;
  const cells: CellView[] = Array.from({ length: n * n }, () => ({ state: 'pending', heat: 0 }));
  const span = run.max - run.min || 1;
  steps.forEach((t, index) => {
    for (let r = t.rows[0]; r < t.rows[1]; r++)
      for (let c = t.cols[0]; c < t.cols[1]; c++) {
        const score = run.scores[r * n + c] ?? -Infinity;
        const cell = cells[r * n + c] as CellView;
        if (score === -Infinity) cell.state = t.skipped ? 'skipped' : 'masked';
        else if (index < s) {
          cell.state = index === s - 1 ? 'current' : 'done';
          cell.heat = (score - run.min) / span;
        }
      }
  });
  const total = steps.length;
  if (!current)
    return {
      cells,
      step: null,
      caption: `Before the first tile · ${total} tiles`,
      rows: [],
      readout: `Before the first tile: every row starts with m = −∞ and ℓ = 0. Step through the ${total} tiles.`,
      check: null,
    };
  const caption = `Tile ${s} of ${total} · queries ${range(current.rows)} × keys ${range(current.cols)}`;
  const rows: RowStat[] = [...current.mAfter].map((mAfter, i) => ({
    row: current.rows[0] + i + 1,
    mBefore: num(current.mBefore[i] ?? -Infinity),
    tileMax: num(current.tileMax[i] ?? -Infinity),
    mAfter: num(mAfter),
    rescale: num(current.rescale[i] ?? 1),
    lBefore: num(current.lBefore[i] ?? 0),
    lAfter: num(current.lAfter[i] ?? 0),
    raised: (current.mBefore[i] ?? -Infinity) > -Infinity && mAfter > (current.mBefore[i] ?? -Infinity),
  }));
  const check =
    s === total
      ? `All ${total} tiles done: the output matches naive attention to ${run.maxError.toExponential(1)} (max |Δ| over ${formatInteger(n * DEMO_DIM)} numbers).`
      : null;
  return { cells, step: current, caption, rows, readout: sentence(current, caption, check), check };
}

function sentence(t: TileStep, caption: string, check: string | null): string {
  const tail = check ? ` ${check}` : '';
  if (t.skipped) return `${caption}: skipped, every key follows every query under the causal mask.${tail}`;
  let pick = 0;
  t.rescale.forEach((f, i) => {
    if (f < (t.rescale[pick] ?? 1)) pick = i;
  });
  const row = t.rows[0] + pick + 1;
  const before = t.mBefore[pick] ?? -Infinity;
  const after = t.mAfter[pick] ?? -Infinity;
  const l = `ℓ ${num(t.lBefore[pick] ?? 0)} → ${num(t.lAfter[pick] ?? 0)}`;
  if (before === -Infinity)
    return `${caption}: the first keys these rows see. Row ${row} starts with m = ${num(after)}, ${l}.${tail}`;
  if (after > before)
    return (
      `${caption}: row ${row}'s maximum rises from ${num(before)} to ${num(after)}, so its old ℓ and O are rescaled ` +
      `by e^(${num(before)} − ${num(after)}) = ${num(t.rescale[pick] ?? 1)} before the tile is added: ${l}.${tail}`
    );
  return `${caption}: no row's maximum rises, nothing is rescaled; row ${row} adds the tile to its sum: ${l}.${tail}`;
}

const WORDS: Record<string, string> = { k: ' thousand', M: ' million', G: ' billion', T: ' trillion' };

/** 68_157_440 → "68.2 million" (M is the on-chip memory here, so no SI letters in sentences). */
export function inWords(n: number): string {
  const text = compactNumber(n);
  const suffix = text.slice(-1);
  return suffix in WORDS ? `${text.slice(0, -1)}${WORDS[suffix]}` : text;
}

export interface HbmView {
  series: Series[];
  n: number;
  sentence: string;
  /** Elements of on-chip memory M. */
  sram: number;
  blocks: string;
}

/** The model of HBM accesses against sequence length, with the readout for the chosen N. */
export function hbmView(s: Pick<FlashState, 'seqExp' | 'headDim' | 'sramKib'>): HbmView {
  const sram = (s.sramKib * 1024) / ELEMENT_BYTES;
  const points = [];
  for (let e = MIN_EXP; e <= MAX_EXP; e += 0.25) {
    const n = Math.round(2 ** e);
    points.push({ n, h: hbmAccesses(n, s.headDim, sram) });
  }
  const n = 2 ** s.seqExp;
  const h = hbmAccesses(n, s.headDim, sram);
  const series: Series[] = [
    { id: 'standard', label: 'Standard attention', points: points.map((p) => ({ x: p.n, y: p.h.standard.total })) },
    { id: 'tiled', label: 'FlashAttention (tiled)', points: points.map((p) => ({ x: p.n, y: p.h.flash.total })) },
  ];
  const ratio = h.ratio >= 1 ? `${h.ratio.toFixed(1)}× fewer` : `${(1 / h.ratio).toFixed(1)}× more`;
  return {
    series,
    n,
    sram,
    blocks: `B_c = ⌈M/4d⌉ = ${formatInteger(h.blockCols)}, B_r = ${formatInteger(h.blockRows)}, T_c = ${formatInteger(h.colBlocks)} passes`,
    sentence:
      `At N = ${formatInteger(n)}, d = ${s.headDim}, M = ${formatInteger(sram)} elements (${s.sramKib} KiB of fp16): ` +
      `standard attention reads and writes ${inWords(h.standard.total)} elements of HBM, the tiled kernel ` +
      `${inWords(h.flash.total)}: ${ratio}.`,
  };
}
