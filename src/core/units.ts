/**
 * Units in the types. nanoGPT letters are used throughout the core: B batch, T tokens (sequence length), C channels
 * (model width), H query heads, KV key/value heads, hd head dimension, L layers, S state size.
 * A `Bytes` value is always an exact count of bytes; an `Elements` value counts tensor elements.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An exact number of bytes (may be fractional only for sub-byte dtypes before rounding). */
export type Bytes = Brand<number, 'Bytes'>;
/** A count of tokens. */
export type Tokens = Brand<number, 'Tokens'>;
/** A count of tensor elements. */
export type Elements = Brand<number, 'Elements'>;

export const bytes = (n: number): Bytes => n as Bytes;
export const tokens = (n: number): Tokens => n as Tokens;
export const elements = (n: number): Elements => n as Elements;

export type UnitSystem = 'binary' | 'decimal';

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Formats bytes with a correctly labelled unit: binary (KiB = 2^10, MiB = 2^20, GiB = 2^30) by default,
 * decimal (kB = 10^3, MB = 10^6, GB = 10^9) on request. Never returns "NaN": non-finite input is a programming
 * error and throws.
 */
export function formatBytes(value: Bytes | number, system: UnitSystem = 'binary', digits = 3): string {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`formatBytes: expected a finite, non-negative byte count, got ${value}`);
  const base = system === 'binary' ? 1024 : 1000;
  const units = system === 'binary' ? BINARY : DECIMAL;
  let i = 0;
  let v = value;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i += 1;
  }
  if (i === 0) return `${Math.round(v)} B`;
  const rounded = Number(v.toPrecision(digits + 1));
  return `${trimNumber(rounded, digits)} ${units[i]}`;
}

function trimNumber(v: number, digits: number): string {
  const fixed =
    v >= 100
      ? v.toFixed(Math.max(0, digits - 3))
      : v >= 10
        ? v.toFixed(Math.max(0, digits - 2))
        : v.toFixed(Math.max(0, digits - 1));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** Groups digits for display: 6738415616 → "6,738,415,616". */
export function formatInteger(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
