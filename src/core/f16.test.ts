import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeF16, encodeF16, f16BitsToF32, f32ToF16Bits } from './f16';

describe('binary16 encoding (round to nearest, ties to even)', () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [0.1, 0x2e66],
    [65504, 0x7bff],
    [2 ** -14, 0x0400],
    [2 ** -24, 0x0001],
    [Infinity, 0x7c00],
    [-Infinity, 0xfc00],
  ])('f32ToF16Bits(%s) is %s', (value, bits) => expect(f32ToF16Bits(value)).toBe(bits));

  it('65520 (halfway past the largest finite) overflows to +∞; 65519 rounds down to 65504', () => {
    expect(f32ToF16Bits(65520)).toBe(0x7c00);
    expect(f32ToF16Bits(65519)).toBe(0x7bff);
  });

  it('ties go to the even neighbour: 1 + 2^-11 → 1, 1 + 3·2^-11 → 1 + 2^-9', () => {
    expect(f32ToF16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(f32ToF16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });

  it('subnormal ties: 2^-25 → 0, 3·2^-25 → 2^-23; a carry reaches the smallest normal', () => {
    expect(f32ToF16Bits(2 ** -25)).toBe(0x0000);
    expect(f32ToF16Bits(3 * 2 ** -25)).toBe(0x0002);
    expect(f32ToF16Bits(2 ** -14 - 2 ** -26)).toBe(0x0400);
  });

  it('NaN stays NaN', () => {
    expect(f16BitsToF32(f32ToF16Bits(NaN))).toBeNaN();
  });
});

describe('binary16 decoding', () => {
  it.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('f16BitsToF32(%s) is %s', (bits, value) => expect(f16BitsToF32(bits)).toBe(value));

  it('-0 decodes to negative zero', () => expect(Object.is(f16BitsToF32(0x8000), -0)).toBe(true));

  it('every one of the 63,490 non-NaN bit patterns survives decode → encode unchanged', () => {
    let checked = 0;
    const changed: number[] = [];
    for (let bits = 0; bits <= 0xffff; bits++) {
      if ((bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0) continue;
      if (f32ToF16Bits(f16BitsToF32(bits)) !== bits) changed.push(bits);
      checked += 1;
    }
    expect(changed).toEqual([]);
    expect(checked).toBe(63_490);
  });
});

describe('f32 → f16 → f32 round trip', () => {
  it('keeps a relative error of at most 2^-11 for normal values', () => {
    fc.assert(
      fc.property(fc.float({ min: 2 ** -14, max: 65504, noNaN: true }), fc.boolean(), (magnitude, negative) => {
        const value = negative ? -magnitude : magnitude;
        const back = f16BitsToF32(f32ToF16Bits(value));
        expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 2 ** -11);
      }),
    );
  });

  it('keeps an absolute error of at most 2^-25 for subnormal values', () => {
    fc.assert(
      fc.property(fc.float({ min: -(2 ** -14), max: 2 ** -14, noNaN: true }), (value) => {
        expect(Math.abs(f16BitsToF32(f32ToF16Bits(value)) - value)).toBeLessThanOrEqual(2 ** -25);
      }),
    );
  });

  it('is the nearest f16: no other pattern is closer', () => {
    fc.assert(
      fc.property(fc.float({ min: -60000, max: 60000, noNaN: true }), (value) => {
        const bits = f32ToF16Bits(value);
        const error = Math.abs(f16BitsToF32(bits) - Math.fround(value));
        for (const neighbour of [bits - 1, bits + 1]) {
          if (neighbour < 0 || (neighbour & 0x7fff) >= 0x7c00) continue;
          expect(Math.abs(f16BitsToF32(neighbour) - Math.fround(value))).toBeGreaterThanOrEqual(error);
        }
      }),
    );
  });

  it('encodeF16/decodeF16 convert whole arrays', () => {
    expect(Array.from(decodeF16(encodeF16([1, -2, 0.5, 65504])))).toEqual([1, -2, 0.5, 65504]);
  });
});
