import { describe, expect, it } from 'vitest';
import { makeRamp, packRgb, paintAttention, parseRgb } from './paint';

describe('parseRgb', () => {
  it.each([
    ['rgb(67, 56, 202)', [67, 56, 202]],
    ['rgba(1, 2, 3, 0.5)', [1, 2, 3]],
    ['rgb(10 20 30 / 50%)', [10, 20, 30]],
    ['color(srgb 1 0.5 0)', [255, 128, 0]],
    ['rgb(100%, 0%, 50%)', [255, 0, 128]],
    ['nonsense', [0, 0, 0]],
    ['rgb(1, 2)', [0, 0, 0]],
  ])('%s → %j', (css, rgb) => expect(parseRgb(css)).toEqual(rgb));
});

describe('paintAttention', () => {
  const ramp = makeRamp([0, 0, 0], [255, 255, 255], [9, 9, 9]);

  it('maps weight 0 to the low end, 1 to the high end, 0.25 to √0.25 = half way; masked keys get their colour', () => {
    const out = new Uint32Array(4);
    paintAttention(Float32Array.from([1, 0, 0.25, 0.75]), 2, ramp, out);
    expect(out[0]).toBe(packRgb([255, 255, 255]));
    expect(out[1]).toBe(packRgb([9, 9, 9]));
    expect(out[2]).toBe(packRgb([128, 128, 128]));
    expect(out[3]).toBe(packRgb([221, 221, 221]));
  });

  it('packs little-endian ImageData words as 0xAABBGGRR and big-endian as 0xRRGGBBAA', () => {
    expect(packRgb([1, 2, 3], true)).toBe(0xff030201);
    expect(packRgb([1, 2, 3], false)).toBe(0x010203ff);
  });
});
