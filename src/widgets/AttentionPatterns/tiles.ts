/**
 * Kernel tiles of a mask: a FlashAttention-style kernel walks the score matrix in square blocks of query and key rows
 * and can skip a block whose pairs are all masked, run one with no masked pair unmasked, and apply the mask only in
 * the rest (Dao 2023, "FlashAttention-2", §3.1, causal masking). Counted from the mask matrix itself.
 */

/** How the tiles of a mask split into skipped, unmasked and partly masked ones. */
export interface TileSummary {
  /** Tile side in tokens. */
  tile: number;
  /** Tiles along each side (the last may be smaller when N is not a multiple of the tile). */
  perSide: number;
  total: number;
  /** Every pair masked: the kernel skips the tile. */
  skipped: number;
  /** No pair masked: the kernel runs the tile without a mask. */
  full: number;
  /** Some pairs masked: the kernel applies the mask inside the tile. */
  partial: number;
}

/** A power-of-two tile giving about four tiles a side, at most 128 (a common FlashAttention block size). */
export function tileSizeFor(n: number): number {
  if (!Number.isFinite(n) || n < 8) return 1;
  return Math.min(128, 2 ** Math.round(Math.log2(n / 4)));
}

/** Counts the tiles of side `tile` of the n×n `matrix` (row = query) by how many of their pairs are attended. */
export function summarizeTiles(matrix: Uint8Array, n: number, tile: number): TileSummary {
  const side = Math.max(1, Math.floor(tile));
  const perSide = Math.ceil(n / side);
  let skipped = 0;
  let full = 0;
  for (let tq = 0; tq < perSide; tq++) {
    const q0 = tq * side;
    const q1 = Math.min(n, q0 + side);
    for (let tk = 0; tk < perSide; tk++) {
      const k0 = tk * side;
      const k1 = Math.min(n, k0 + side);
      let attended = 0;
      for (let q = q0; q < q1; q++) {
        const row = q * n;
        for (let k = k0; k < k1; k++) attended += matrix[row + k] ?? 0;
      }
      if (attended === 0) skipped += 1;
      else if (attended === (q1 - q0) * (k1 - k0)) full += 1;
    }
  }
  const total = perSide * perSide;
  return { tile: side, perSide, total, skipped, full, partial: total - skipped - full };
}
