/**
 * The Canvas heatmap of a mask (N up to 1024): one pixel per (query, key) pair of the matrix from src/core/masks,
 * written as packed RGBA words into an ImageData buffer so a full 1024 × 1024 repaint is one pass over the matrix.
 * Colours come from the theme's heatmap tokens, resolved by the component and parsed here.
 */
import type { Cell } from './grid';
import { paintCells, paintPooled } from './pixels';

/** Red, green, blue 0–255 and alpha 0–255. */
export type Rgba = readonly [number, number, number, number];

const OPAQUE_BLACK: Rgba = [0, 0, 0, 255];

/** A CSS number or percentage as a fraction of 1 ("50%" → 0.5); NaN when absent or malformed. */
const fraction = (text: string | undefined): number =>
  text === undefined ? NaN : text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
const toByte = (value: number) => Math.round(Math.min(255, Math.max(0, value)));

/**
 * Parses a computed CSS colour: "rgb(r, g, b)", "rgba(r, g, b, a)", "rgb(r g b / a)" or "color(srgb r g b)".
 * Anything else is opaque black, so a surprise never yields NaN pixels.
 */
export function parseColor(css: string): Rgba {
  const text = css.trim().toLowerCase();
  const srgb = /^color\(srgb\s+([^)]+)\)$/.exec(text);
  const rgb = /^rgba?\(([^)]+)\)$/.exec(text);
  const body = srgb?.[1] ?? rgb?.[1];
  if (body === undefined) return OPAQUE_BLACK;
  const [r, g, b, a] = body.split(/[\s,/]+/).filter(Boolean);
  // rgb() channels are 0–255 (or percentages), color(srgb) channels 0–1; alpha is 0–1 (or a percentage) in both.
  const colour = (part: string | undefined) =>
    srgb || part?.endsWith('%') ? fraction(part) * 255 : part === undefined ? NaN : Number(part);
  const values = [colour(r), colour(g), colour(b), a === undefined ? 255 : fraction(a) * 255];
  if (!values.every(Number.isFinite)) return OPAQUE_BLACK;
  const [red = 0, green = 0, blue = 0, alpha = 255] = values.map(toByte);
  return [red, green, blue, alpha];
}

/** True on little-endian platforms (all current browsers), where ImageData's RGBA bytes read as 0xAABBGGRR. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One pixel as a 32-bit word in ImageData byte order. */
export function packColor([r, g, b, a]: Rgba, littleEndian = LITTLE_ENDIAN): number {
  return littleEndian ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

/** Packed colours of the heatmap. */
export interface HeatPalette {
  attends: number;
  masked: number;
  /** An attended key of the current token. */
  markKey: number;
  /** A masked key of the current token. */
  markRow: number;
  /** Kernel-tile boundaries, drawn over masked cells only so no attended pair is hidden. */
  tileLine: number;
}

/** How the n×n mask maps onto canvas pixels. */
export interface HeatGeometry {
  /** Cells per canvas pixel along each side (max-pooled, so no attended cell disappears). */
  factor: number;
  /** Canvas side in pixels: ⌈n / factor⌉. */
  size: number;
  /** Scale smoothly: the canvas is stretched by less than 2×, where square pixels would look uneven. */
  smooth: boolean;
}

/**
 * The canvas resolution for `n` tokens drawn `devicePixels` wide: one pixel per cell when that fits, otherwise
 * `factor` × `factor` cells per pixel, so the canvas is never larger than the screen area it covers and thin
 * features (a global token's row, a dilated key) stay visible instead of being averaged away by downscaling.
 */
export function heatGeometry(n: number, devicePixels: number): HeatGeometry {
  const target = Number.isFinite(devicePixels) && devicePixels >= 1 ? Math.floor(devicePixels) : n;
  const factor = Math.max(1, Math.ceil(n / target));
  const size = Math.ceil(n / factor);
  return { factor, size, smooth: target / size < 2 };
}

/**
 * Writes the mask without the current token into `out` (size² pixels for `geometry.size`, row = query): a pixel is
 * attended when any of its cells is; kernel-tile boundaries every `tile` tokens when `tile` > 0, over masked pixels.
 */
export function paintBase(
  matrix: Uint8Array,
  n: number,
  palette: HeatPalette,
  out: Uint32Array,
  tile: number,
  geometry: HeatGeometry,
): void {
  const { factor, size } = geometry;
  const { attends, masked } = palette;
  if (factor === 1) paintCells(matrix, n * n, out, attends, masked);
  else paintPooled(matrix, n, factor, size, out, attends, masked);
  if (tile > 0 && tile < n) {
    for (let boundary = tile; boundary < n; boundary += tile) {
      const line = Math.floor(boundary / factor);
      for (let c = 0; c < size; c++) if (out[line * size + c] === masked) out[line * size + c] = palette.tileLine;
      for (let r = 0; r < size; r++) if (out[r * size + line] === masked) out[r * size + line] = palette.tileLine;
    }
  }
}

/** The pixel row that shows `token`'s row of the mask. */
export const pixelRowOf = (token: number, geometry: HeatGeometry): number => Math.floor((token - 1) / geometry.factor);

/** Marks `token`'s row in `out`, from that row of the mask alone: its attended keys and its masked keys. */
export function paintRow(
  matrix: Uint8Array,
  n: number,
  token: number,
  palette: HeatPalette,
  out: Uint32Array,
  geometry: HeatGeometry,
): void {
  if (!(token >= 1 && token <= n)) return;
  const { factor, size } = geometry;
  const pooled = new Uint8Array(size);
  const row = (token - 1) * n;
  for (let k = 0; k < n; k++) if (matrix[row + k]) pooled[Math.floor(k / factor)] = 1;
  const offset = pixelRowOf(token, geometry) * size;
  for (let c = 0; c < size; c++) out[offset + c] = pooled[c] ? palette.markKey : palette.markRow;
}

/** Copies the pixel row of `token` from `base` back into `out` (to unmark the previous token). */
export function restoreRow(base: Uint32Array, out: Uint32Array, token: number, geometry: HeatGeometry): void {
  const offset = pixelRowOf(token, geometry) * geometry.size;
  if (offset >= 0 && offset + geometry.size <= out.length) {
    out.set(base.subarray(offset, offset + geometry.size), offset);
  }
}

/** The whole picture: `paintBase`, then the current token's row. */
export function paintMask(
  matrix: Uint8Array,
  n: number,
  token: number,
  palette: HeatPalette,
  out: Uint32Array,
  tile = 0,
  geometry: HeatGeometry = { factor: 1, size: n, smooth: false },
): void {
  paintBase(matrix, n, palette, out, tile, geometry);
  paintRow(matrix, n, token, palette, out, geometry);
}

/** A rectangle in CSS pixels, as getBoundingClientRect returns it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The cell under the pointer at client coordinates (x, y) over a heatmap drawn in `box`, or null outside it. */
export function cellAtPoint(x: number, y: number, box: Box, n: number): Cell | null {
  const dx = x - box.left;
  const dy = y - box.top;
  if (!(box.width > 0 && box.height > 0) || dx < 0 || dy < 0 || dx >= box.width || dy >= box.height) return null;
  return { query: Math.floor((dy / box.height) * n) + 1, key: Math.floor((dx / box.width) * n) + 1 };
}

/** The heatmap palette from a resolver of CSS colour tokens (the component passes theme.ts's resolveColor). */
export function paletteFrom(resolve: (token: string) => string): HeatPalette {
  const packed = (token: string) => packColor(parseColor(resolve(token)));
  return {
    attends: packed('--heat-1'),
    masked: packed('--heat-0'),
    markKey: packed('--heat-mark'),
    markRow: packed('--attn-row'),
    tileLine: packed('--attn-tile'),
  };
}

/** The centre of `token`'s row, as a percentage of the heatmap's height (for the row marker beside it). */
export const rowCentrePercent = (token: number, n: number): number => ((token - 0.5) / n) * 100;

/** The heatmap's text alternative. */
export function heatmapLabel(size: string, token: number, share: string): string {
  return (
    `Attention mask of ${size} × ${size} query–key pairs, ${share} attended: rows are queries, columns are keys; ` +
    `the row of token ${token} is highlighted.`
  );
}
