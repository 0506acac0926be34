/**
 * Seeded embedding tables for the live demos: each distinct symbol (a character, a word) gets a fixed random vector
 * drawn from N(0, std²) with a seed derived from the symbol's text (FNV-1a, Fowler–Noll–Vo) and the table seed, so
 * the same symbol maps to the same vector in every run, in Node and in every browser. A table like this is what a
 * model's input embedding is before training; nothing here is learned.
 */
import { InputError, positiveInt } from './modelSpec';
import { randn } from './random';

/** 32-bit FNV-1a hash of `text` (UTF-16 code units). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The row of `symbol` in a seeded table of width `dim`. */
export function embedSymbol(symbol: string, dim: number, seed: number, std = 1): Float64Array {
  positiveInt('dim', dim, 65_536);
  return Float64Array.from(randn(dim, (fnv1a(symbol) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0, std));
}

/**
 * Rows for a sequence of symbols, as one T × dim array (row-major). `mean` (length dim) is added to every row: real
 * embeddings share a common direction, which is what makes an untrained router favour a few experts.
 */
export function embedSequence(
  symbols: readonly string[],
  dim: number,
  seed: number,
  options: { std?: number; mean?: ArrayLike<number> } = {},
): Float64Array {
  if (symbols.length === 0) throw new InputError('symbols', 'symbols must hold at least one symbol');
  const { std = 1, mean } = options;
  if (mean && mean.length !== dim) throw new InputError('mean', `mean must have ${dim} elements, got ${mean.length}`);
  const out = new Float64Array(symbols.length * dim);
  symbols.forEach((symbol, t) => {
    const row = embedSymbol(symbol, dim, seed, std);
    for (let j = 0; j < dim; j++) out[t * dim + j] = (row[j] ?? 0) + (mean?.[j] ?? 0);
  });
  return out;
}
