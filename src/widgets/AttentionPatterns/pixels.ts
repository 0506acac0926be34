/**
 * Fast pixel writers for the mask heatmap: masks are mostly long runs of equal cells (a window, a causal prefix, a
 * block), so each row is filled with the masked colour and only the runs of attended cells are written, found four
 * cells at a time. Cost: n²/4 word reads plus one fill per run (native for long runs), instead of one branch per cell.
 */

/** Every byte of a word is 1: four attended cells. The same in either byte order. */
const ALL_ONES = 0x01010101;

/**
 * Calls `fill(start, end)` for every maximal run of non-zero bytes in `bytes[from … to)` (end exclusive). Reads four
 * bytes at a time when `from` and the array are 4-byte aligned.
 */
export function forEachRun(bytes: Uint8Array, from: number, to: number, fill: (start: number, end: number) => void) {
  let run = -1;
  let i = from;
  if ((bytes.byteOffset + from) % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, (to - from) >> 2);
    for (let w = 0; w < words.length; w++) {
      const word = words[w] ?? 0;
      if (word === ALL_ONES) {
        if (run < 0) run = from + w * 4;
        continue;
      }
      if (word === 0) {
        if (run >= 0) fill(run, from + w * 4);
        run = -1;
        continue;
      }
      for (let b = from + w * 4, end = b + 4; b < end; b++) {
        if (bytes[b]) {
          if (run < 0) run = b;
        } else if (run >= 0) {
          fill(run, b);
          run = -1;
        }
      }
    }
    i = from + words.length * 4;
  }
  for (; i < to; i++) {
    if (bytes[i]) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      fill(run, i);
      run = -1;
    }
  }
  if (run >= 0) fill(run, to);
}

/** One pixel per cell: `out[i]` is `attends` where `matrix[i]` is set, `masked` elsewhere, for i < cells. */
export function paintCells(matrix: Uint8Array, cells: number, out: Uint32Array, attends: number, masked: number) {
  out.fill(masked, 0, cells);
  forEachRun(matrix, 0, cells, (start, end) => fillSpan(out, attends, start, end));
}

/** Runs up to this many pixels are written in a loop: a native fill costs more than that for strided masks. */
const SHORT_SPAN = 16;

/** `out[start … end)` = `value`; short spans (the summary tokens of a grouped window, a dilated row) by hand. */
function fillSpan(out: Uint32Array, value: number, start: number, end: number) {
  if (end - start > SHORT_SPAN) out.fill(value, start, end);
  else for (let i = start; i < end; i++) out[i] = value;
}

/**
 * `factor` × `factor` cells per pixel (max-pooling: a pixel is attended when any of its cells is) into a
 * `size` × `size` image.
 */
export function paintPooled(
  matrix: Uint8Array,
  n: number,
  factor: number,
  size: number,
  out: Uint32Array,
  attends: number,
  masked: number,
) {
  const words = n % 4 === 0 && matrix.byteOffset % 4 === 0 ? n / 4 : 0;
  const matrixWords = words ? new Uint32Array(matrix.buffer, matrix.byteOffset, matrix.length >> 2) : null;
  const acc = new Uint8Array(n);
  const accWords = new Uint32Array(acc.buffer, 0, words);
  let offset = 0;
  const fillRun = (start: number, end: number) =>
    fillSpan(out, attends, offset + Math.floor(start / factor), offset + Math.floor((end - 1) / factor) + 1);
  for (let r = 0; r < size; r++) {
    acc.fill(0);
    const last = Math.min(n, (r + 1) * factor);
    for (let q = r * factor; q < last; q++) {
      if (matrixWords) {
        const base = q * words;
        for (let j = 0; j < words; j++) accWords[j] = (accWords[j] ?? 0) | (matrixWords[base + j] ?? 0);
      } else {
        const row = q * n;
        for (let k = 0; k < n; k++) acc[k] = (acc[k] ?? 0) | (matrix[row + k] ?? 0);
      }
    }
    offset = r * size;
    out.fill(masked, offset, offset + size);
    forEachRun(acc, 0, n, fillRun);
  }
}
