import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../modelSpec';
import { initMlp } from './mlp';
import {
  encodeF16,
  f16Bytes,
  f16ToF32,
  f32ToF16,
  mlpFromBinary,
  parseManifest,
  tensorEntries,
  type ModelEntry,
} from './weights';

describe('f16 conversion', () => {
  it('encodes 1 → 0x3c00, −2 → 0xc000, 0.1 → 0x2e66, 1/3 → 0x3555, 65504 → 0x7bff, 2^−24 → 0x0001', () => {
    expect(f32ToF16(1)).toBe(0x3c00);
    expect(f32ToF16(-2)).toBe(0xc000);
    expect(f32ToF16(0.1)).toBe(0x2e66);
    expect(f32ToF16(1 / 3)).toBe(0x3555);
    expect(f32ToF16(65504)).toBe(0x7bff);
    expect(f32ToF16(2 ** -24)).toBe(0x0001);
    expect(f32ToF16(0)).toBe(0);
  });
  it('rounds half to even: 1 + 2^−11 → 1, 1 + 3·2^−11 → 1 + 2^−9', () => {
    expect(f32ToF16(1 + 2 ** -11)).toBe(0x3c00);
    expect(f32ToF16(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });
  it('overflows to infinity (0x7c00) past 65520 and keeps NaN a NaN', () => {
    expect(f32ToF16(70000)).toBe(0x7c00);
    expect(f16ToF32(0x7c00)).toBe(Infinity);
    expect(Number.isNaN(f16ToF32(f32ToF16(NaN)))).toBe(true);
  });
  it('decodes 0x3555 → 0.333251953125 and 0x0001 → 2^−24', () => {
    expect(f16ToF32(0x3555)).toBe(0.333251953125);
    expect(f16ToF32(0x0001)).toBe(2 ** -24);
    expect(f16ToF32(0x8000)).toBe(-0);
  });
  it('round-trips every normal value within a relative error of 2^−11', () => {
    fc.assert(
      fc.property(fc.double({ min: 6.2e-5, max: 65000, noNaN: true }), fc.boolean(), (v, neg) => {
        const x = neg ? -v : v;
        expect(Math.abs(f16ToF32(f32ToF16(x)) - x)).toBeLessThanOrEqual(Math.abs(x) * 2 ** -11 * (1 + 1e-6));
      }),
    );
  });
});

function entryFor(hidden: number): ModelEntry {
  const mlp = { hidden, depth: 2 };
  return {
    id: 'moons',
    file: 'moons.f16.bin',
    dtype: 'f16',
    mlp,
    T: 100,
    schedule: 'linear',
    train: { steps: 1, batch: 1, lr: 1, seed: 1, pUncond: 0.2, finalLoss: 1 },
    quality: { sampler: 'ddim', steps: 1, n: 1, seed: 1, meanDistance: 1 },
    tensors: tensorEntries(mlp),
  };
}

describe('weight files', () => {
  it('lays tensors out back to back: w0 at 0, b0 at 20·4 = 80, w1 at 84, …', () => {
    expect(tensorEntries({ hidden: 4, depth: 1 })).toEqual([
      { name: 'w0', shape: [20, 4], offset: 0 },
      { name: 'b0', shape: [4], offset: 80 },
      { name: 'w1', shape: [4, 2], offset: 84 },
      { name: 'b1', shape: [2], offset: 92 },
    ]);
  });
  it('an MLP survives encode → bytes → decode to f16 precision', () => {
    const mlp = initMlp({ hidden: 8, depth: 2 }, 5);
    const tensors = mlp.layers.flatMap((l) => [l.w, l.b]);
    const bytes = f16Bytes(encodeF16(tensors));
    const back = mlpFromBinary(entryFor(8), bytes.buffer as ArrayBuffer);
    back.layers.forEach((l, i) => {
      l.w.forEach((v, j) => expect(Math.abs(v - (mlp.layers[i]?.w[j] ?? NaN))).toBeLessThan(4e-4));
    });
  });
  it('refuses a binary of the wrong size or with non-finite weights', () => {
    expect(() => mlpFromBinary(entryFor(8), new ArrayBuffer(10))).toThrow(/moons.f16.bin must be/);
    const bits = new Uint16Array(entryFor(2).tensors.reduce((s, t) => s + t.shape.reduce((a, b) => a * b, 1), 0));
    bits[3] = 0x7c00;
    expect(() => mlpFromBinary(entryFor(2), f16Bytes(bits).buffer as ArrayBuffer)).toThrow(/w0\[3\] is not finite/);
  });
  it('parses a valid manifest and names the first bad field of a broken one', () => {
    const good = { format: 'ai-arch-diffusion-weights/1', models: [entryFor(8)] };
    expect(parseManifest(JSON.parse(JSON.stringify(good))).models[0]?.id).toBe('moons');
    expect(() => parseManifest({})).toThrow(InputError);
    expect(() => parseManifest({ ...good, models: [] })).toThrow(/at least one model/);
    expect(() => parseManifest({ ...good, models: [{ ...entryFor(8), file: '../x' }] })).toThrow(/models\[0\].file/);
    expect(() => parseManifest({ ...good, models: [{ ...entryFor(8), tensors: [] }] })).toThrow(/models\[0\].tensors/);
    expect(() => parseManifest({ ...good, models: [{ ...entryFor(8), id: 'cats' }] })).toThrow(/models\[0\].id/);
  });
});
