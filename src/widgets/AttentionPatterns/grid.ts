/**
 * The labelled-grid view of a mask (N ≤ 64): one cell per (query, key) pair of the matrix from src/core/masks, with
 * the current token's row and keys marked, words of the example passage as labels, kernel-tile edges, keyboard
 * movement between cells, and the sentence shown when a cell is hovered or focused.
 */
import { GRID_MAX_N } from './model';
import type { WidgetState } from './state';
import { tileSizeFor } from './tiles';
import { wordOf } from './words';

export interface GridCell {
  key: number;
  attends: boolean;
  /** An attended key of the current token. */
  mark: boolean;
  /** Spoken name: "Query 3 (every), key 5 (look): attends". */
  label: string;
  /** A kernel-tile boundary follows this column. */
  tileEdge: boolean;
}

export interface GridRow {
  query: number;
  word: string;
  current: boolean;
  /** A kernel-tile boundary follows this row. */
  tileEdge: boolean;
  cells: GridCell[];
}

export interface GridColumn {
  key: number;
  /** The number drawn above the column, or "" to keep a crowded header readable. */
  text: string;
  /** An attended key of the current token. */
  mark: boolean;
}

export interface GridHeader {
  columns: GridColumn[];
  /** The query positions, 1…N, one row each. */
  queries: number[];
  /** Many columns: smaller type, numbers only every few columns. */
  dense: boolean;
}

export interface GridView extends GridHeader {
  rows: GridRow[];
}

const named = (position: number) => {
  const word = wordOf(position);
  return word ? `${position} (${word})` : `${position}`;
};

const denseGrid = (n: number) => n > 24;
const tileEdgeTest = (state: WidgetState) => {
  const { n } = state.params;
  const tile = state.tiles ? tileSizeFor(n) : 0;
  return (position: number) => tile > 0 && position % tile === 0 && position < n;
};

/** The column headers of `state`'s grid, with the current token's keys marked. */
export function buildHeader(state: WidgetState, matrix: Uint8Array): GridHeader {
  const { n } = state.params;
  const dense = denseGrid(n);
  const row = (state.token - 1) * n;
  const columns: GridColumn[] = [];
  for (let key = 1; key <= n; key++) {
    const shown = !dense || key === 1 || key === n || key % 8 === 0;
    columns.push({ key, text: shown ? String(key) : '', mark: matrix[row + key - 1] === 1 });
  }
  return { columns, queries: Array.from({ length: n }, (_, i) => i + 1), dense };
}

/** Row `query` of `state`'s grid (built lazily: a token step rebuilds only the rows it changes). */
export function buildRow(state: WidgetState, matrix: Uint8Array, query: number): GridRow {
  const { n } = state.params;
  const isEdge = tileEdgeTest(state);
  const isCurrent = query === state.token;
  const cells: GridCell[] = [];
  for (let key = 1; key <= n; key++) {
    const attends = matrix[(query - 1) * n + key - 1] === 1;
    cells.push({
      key,
      attends,
      mark: isCurrent && attends,
      label: `Query ${named(query)}, key ${named(key)}: ${attends ? 'attends' : 'masked'}`,
      tileEdge: isEdge(key),
    });
  }
  return { query, word: wordOf(query) ?? '', current: isCurrent, tileEdge: isEdge(query), cells };
}

/** The whole grid of `state`'s mask `matrix` (n×n, row = query). */
export function buildGrid(state: WidgetState, matrix: Uint8Array): GridView {
  const header = buildHeader(state, matrix);
  return { ...header, rows: header.queries.map((query) => buildRow(state, matrix, query)) };
}

/**
 * What a grid row's rendering depends on besides the mask (`version`): whether it is the current token's row and
 * which of its cells holds the tab stop. Rows whose key is unchanged are not rendered again.
 */
export const rowMemoKey = (version: string, query: number, token: number, focus: Cell): string =>
  `${version}|${query === token ? 1 : 0}|${query === focus.query ? focus.key : 0}`;

/** A (query, key) position, both 1-based. */
export interface Cell {
  query: number;
  key: number;
}

/**
 * Where a grid cell's focus goes on `key` (arrows, Home/End within the row, Ctrl+Home/End to the corners), or null
 * for keys the grid does not handle. Movement stops at the edges.
 */
export function moveCell(cell: Cell, key: string, n: number, ctrl = false): Cell | null {
  const clamp = (v: number) => Math.min(n, Math.max(1, v));
  switch (key) {
    case 'ArrowUp':
      return { query: clamp(cell.query - 1), key: cell.key };
    case 'ArrowDown':
      return { query: clamp(cell.query + 1), key: cell.key };
    case 'ArrowLeft':
      return { query: cell.query, key: clamp(cell.key - 1) };
    case 'ArrowRight':
      return { query: cell.query, key: clamp(cell.key + 1) };
    case 'Home':
      return ctrl ? { query: 1, key: 1 } : { query: cell.query, key: 1 };
    case 'End':
      return ctrl ? { query: n, key: n } : { query: cell.query, key: n };
    default:
      return null;
  }
}

/** The sentence for a hovered or focused cell: "Query 3 (every) → key 5 (look): can attend". */
export function probeText(state: WidgetState, matrix: Uint8Array, cell: Cell): string {
  const { n } = state.params;
  if (cell.query < 1 || cell.query > n || cell.key < 1 || cell.key > n) return '';
  const attends = matrix[(cell.query - 1) * n + cell.key - 1] === 1;
  const label = (p: number) => (n <= GRID_MAX_N ? named(p) : String(p));
  return `Query ${label(cell.query)} → key ${label(cell.key)}: ${attends ? 'can attend' : 'masked, cannot attend'}`;
}

/** The token to show when a cell is chosen (click, Enter or Space): its query. */
export const tokenOfCell = (cell: Cell) => cell.query;

/** `cell` moved inside a grid of n × n (after N shrinks). */
export function clampCell(cell: Cell, n: number): Cell {
  const clamp = (v: number) => Math.min(n, Math.max(1, v));
  return { query: clamp(cell.query), key: clamp(cell.key) };
}

/** The attribute selector of a cell's element in the grid. */
export const cellSelector = (cell: Cell) => `[data-query="${cell.query}"][data-key="${cell.key}"]`;

/** Reads the cell of a grid element from its data attributes, or null for anything else. */
export function cellOfElement(dataset: Readonly<Record<string, string | undefined>> | undefined): Cell | null {
  const query = Number(dataset?.query);
  const key = Number(dataset?.key);
  return Number.isInteger(query) && Number.isInteger(key) && query > 0 && key > 0 ? { query, key } : null;
}
