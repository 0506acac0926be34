/**
 * PatchTokens view-model, part 1: how the chosen encoder cuts the picture into token cells, what each position of
 * the token sequence is, and where to draw it. Token counts come from src/core/vision (ViT Eq. 1, LLaVA-1.5's
 * [CLS]-less features, Qwen2-VL's smart_resize and 2×2 merge).
 */
import { InputError } from '../../core/modelSpec';
import { formatInteger } from '../../core/units';
import { LLAVA_15, llava15Tokens, QWEN2_VL, qwen2vlTokens, vitSetting, vitTokens } from '../../core/vision';
import { DEFAULT_PATCH_STATE, type PatchState } from './state';

/** How the picture becomes tokens under one scheme. */
export interface Layout {
  /** The (resized) image in pixels. */
  image: { width: number; height: number };
  /** Side of one token cell in pixels: P, or 28 for Qwen2-VL's merged 2×2 patches. */
  cell: number;
  /** Side of one encoder patch in pixels. */
  patch: number;
  /** Token cells. */
  rows: number;
  cols: number;
  /** Special tokens before and after the image cells. */
  prefix: readonly string[];
  suffix: readonly string[];
  /** prefix + rows·cols + suffix. */
  sequence: number;
  /** One line naming the scheme and its count, e.g. "ViT-B/16 at 224 px: 14 × 14 = 196 patches + [CLS] = 197 tokens". */
  summary: string;
  /** What the positions mean for this scheme. */
  positions: 'learned-1d' | 'mrope';
}

/** The layout of `state.scheme` (Qwen2-VL at state.width × state.height), and notes for inputs that fell back. */
export function layoutFor(state: PatchState): { layout: Layout; notes: string[] } {
  const notes: string[] = [];
  if (state.scheme === 'qwen2-vl') {
    let q;
    try {
      q = qwen2vlTokens(state.height, state.width);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const d = DEFAULT_PATCH_STATE;
      notes.push(`${error.message}; showing ${d.width} × ${d.height}.`);
      q = qwen2vlTokens(d.height, d.width);
    }
    const resized =
      q.resized.mode === 'rounded'
        ? `resized to ${q.resized.width} × ${q.resized.height}`
        : `${q.resized.mode === 'scaled-down' ? 'scaled down' : 'scaled up'} to ${q.resized.width} × ${q.resized.height}`;
    return {
      layout: {
        image: { width: q.resized.width, height: q.resized.height },
        cell: QWEN2_VL.factor,
        patch: QWEN2_VL.patch,
        rows: q.mergedRows,
        cols: q.mergedCols,
        prefix: ['<|vision_start|>'],
        suffix: ['<|vision_end|>'],
        sequence: q.llmTokens,
        summary:
          `Qwen2-VL, ${q.input.width} × ${q.input.height} px ${resized}: ${q.grid.cols} × ${q.grid.rows} = ` +
          `${formatInteger(q.grid.patches)} patches, merged 2×2 into ${formatInteger(q.imageTokens)} tokens, ` +
          `${formatInteger(q.llmTokens)} with the two vision markers`,
        positions: 'mrope',
      },
      notes,
    };
  }
  if (state.scheme === 'llava-1.5') {
    const { grid, imageTokens } = llava15Tokens();
    return {
      layout: {
        image: { width: grid.width, height: grid.height },
        cell: grid.patch,
        patch: grid.patch,
        rows: grid.rows,
        cols: grid.cols,
        prefix: [],
        suffix: [],
        sequence: imageTokens,
        summary:
          `LLaVA-1.5, ${LLAVA_15.encoder}: ${grid.rows} × ${grid.cols} = ${imageTokens} patch features ` +
          `([CLS] dropped) become ${imageTokens} image tokens in the LLM`,
        positions: 'learned-1d',
      },
      notes,
    };
  }
  const s = vitSetting(state.scheme);
  const g = vitTokens(s.id);
  return {
    layout: {
      image: { width: g.width, height: g.height },
      cell: g.patch,
      patch: g.patch,
      rows: g.rows,
      cols: g.cols,
      prefix: ['[CLS]'],
      suffix: [],
      sequence: g.sequence,
      summary: `${s.label}: ${g.rows} × ${g.cols} = ${g.patches} patches + [CLS] = ${g.sequence} tokens`,
      positions: 'learned-1d',
    },
    notes,
  };
}

/** A pixel rectangle of the image. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What one position of the sequence is. */
export interface TokenInfo {
  pos: number;
  kind: 'special' | 'cell';
  label: string;
  /** Cell row and column (0-based), for image cells. */
  row: number | null;
  col: number | null;
  rect: Rect | null;
  sentence: string;
}

/** Clamps a position into the sequence. */
export function clampPos(layout: Layout, pos: number): number {
  return Math.min(layout.sequence - 1, Math.max(0, Math.round(Number.isFinite(pos) ? pos : 0)));
}

export function tokenInfo(layout: Layout, rawPos: number): TokenInfo {
  const pos = clampPos(layout, rawPos);
  const cells = layout.rows * layout.cols;
  const last = formatInteger(layout.sequence - 1);
  const at = formatInteger(pos);
  const k = pos - layout.prefix.length;
  if (k < 0 || k >= cells) {
    const label = k < 0 ? layout.prefix[pos]! : layout.suffix[k - cells]!;
    const sentence =
      label === '[CLS]'
        ? `Position 0 is [CLS]: a learned vector with no pixels, prepended to the ${cells} patches; the classifier reads it after the last layer.`
        : `Position ${at} is ${label}, a text-vocabulary token that marks where the image ${k < 0 ? 'starts' : 'ends'}.`;
    return { pos, kind: 'special', label, row: null, col: null, rect: null, sentence };
  }
  const row = Math.floor(k / layout.cols);
  const col = k % layout.cols;
  const rect = { x: col * layout.cell, y: row * layout.cell, w: layout.cell, h: layout.cell };
  const pixels = `pixels x ${rect.x}–${rect.x + rect.w - 1}, y ${rect.y}–${rect.y + rect.h - 1}`;
  const where = `row ${row + 1} of ${layout.rows}, column ${col + 1} of ${layout.cols}`;
  let sentence: string;
  if (layout.positions === 'mrope') {
    const p = layout.patch;
    sentence =
      `Position ${at} of 0–${last}: merged token ${formatInteger(k + 1)} of ${formatInteger(cells)}, ${where} — the 2×2 patches at ` +
      `rows ${row * 2}–${row * 2 + 1}, columns ${col * 2}–${col * 2 + 1} of the ${p}-px grid (${pixels}). ` +
      `M-RoPE gives it temporal index 0, height ${row} and width ${col}, offset by the text before the image.`;
  } else if (layout.prefix.length === 0) {
    sentence =
      `Position ${at} of 0–${last}: image token ${k + 1} of ${cells}, the patch at ${where} (${pixels}); ` +
      `its feature goes through the MLP projector into one LLM token.`;
  } else {
    sentence =
      `Position ${at} of 0–${last}: patch ${k + 1} of ${cells}, ${where} (${pixels}); ` +
      `it gets row ${pos} of the learned position-embedding table.`;
  }
  return { pos, kind: 'cell', label: `${pos}`, row, col, rect, sentence };
}

/** The sequence position of the cell under image pixel (x, y). */
export function positionAt(layout: Layout, x: number, y: number): number {
  const col = Math.min(layout.cols - 1, Math.max(0, Math.floor(x / layout.cell)));
  const row = Math.min(layout.rows - 1, Math.max(0, Math.floor(y / layout.cell)));
  return layout.prefix.length + row * layout.cols + col;
}

/** Most tiles the sequence strip draws; the rest are counted in a sentence. */
export const MAX_TILES = 2_048;

/** One tile of the sequence strip: a special token or an image cell, at (dx, dy) in strip pixels. */
export interface Tile {
  pos: number;
  special: string | null;
  src: Rect | null;
  dx: number;
  dy: number;
}

export interface Strip {
  tiles: Tile[];
  tile: number;
  perRow: number;
  width: number;
  height: number;
  /** Positions not drawn. */
  hidden: number;
  /** Text equivalent of the strip. */
  description: string;
}

/** Lays the sequence out left to right, top to bottom, in a strip `width` pixels wide. */
export function stripLayout(layout: Layout, width = 640): Strip {
  const drawn = Math.min(layout.sequence, MAX_TILES);
  const perRow = drawn <= 64 ? 16 : drawn <= 600 ? 24 : 32;
  const tile = width / perRow;
  const cells = layout.rows * layout.cols;
  const tiles: Tile[] = [];
  for (let pos = 0; pos < drawn; pos++) {
    const k = pos - layout.prefix.length;
    const special = k < 0 ? layout.prefix[pos]! : k >= cells ? layout.suffix[k - cells]! : null;
    const src = special
      ? null
      : {
          x: (k % layout.cols) * layout.cell,
          y: Math.floor(k / layout.cols) * layout.cell,
          w: layout.cell,
          h: layout.cell,
        };
    tiles.push({ pos, special, src, dx: (pos % perRow) * tile, dy: Math.floor(pos / perRow) * tile });
  }
  const specials = [...layout.prefix, ...layout.suffix];
  const description =
    `The token sequence, left to right and top to bottom: ` +
    (layout.prefix.length ? `${layout.prefix.join(', ')}, then ` : '') +
    `${formatInteger(cells)} image cells in raster order` +
    (layout.suffix.length ? `, then ${layout.suffix.join(', ')}` : '') +
    ` (${formatInteger(layout.sequence)} positions${specials.length ? '' : ', no special tokens'}).`;
  return {
    tiles,
    tile,
    perRow,
    width,
    height: Math.ceil(drawn / perRow) * tile,
    hidden: layout.sequence - drawn,
    description,
  };
}

/** The position under strip pixel (x, y), or null past the last drawn tile. */
export function stripPositionAt(strip: Strip, x: number, y: number): number | null {
  const col = Math.floor(x / strip.tile);
  const row = Math.floor(y / strip.tile);
  if (col < 0 || col >= strip.perRow || row < 0) return null;
  const pos = row * strip.perRow + col;
  return pos < strip.tiles.length ? pos : null;
}
