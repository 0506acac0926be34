/**
 * IEEE 754-2008 binary16 ("half", f16) ↔ binary32 conversion, written out so Node 20 and every browser agree (no
 * Float16Array needed): 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits; subnormals below 2^−14, largest
 * finite 65504. Encoding rounds to nearest, ties to even (IEEE 754-2008 §4.3.1), overflows to ±∞ and keeps NaN.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Rounds `value >> shift` to nearest, ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

/** The binary16 bit pattern (0 … 0xffff) nearest to `value` (first rounded to binary32, as a Float32Array would). */
export function f32ToF16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0] ?? 0;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const fraction = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (fraction ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    // Subnormal: the 24-bit significand (implicit 1 included) scaled to units of 2^−24; a carry gives the smallest normal.
    return sign | roundShift(fraction | 0x800000, 14 - e);
  }
  // A carry out of the fraction bumps the exponent, and out of the largest exponent gives ∞: both are correct.
  return sign | roundShift((e << 23) | fraction, 13);
}

/** The number a binary16 bit pattern encodes (exact: every f16 value is a float64). */
export function f16BitsToF32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Encodes values as binary16 bit patterns. */
export function encodeF16(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f32ToF16Bits(values[i] ?? 0);
  return out;
}

/** Decodes binary16 bit patterns to float32 values. */
export function decodeF16(bits: ArrayLike<number>): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = f16BitsToF32(bits[i] ?? 0);
  return out;
}
