import { describe, expect, it } from 'vitest';
import { InputError } from './modelSpec';
import { checkEntry, packTensors, unpackTensors } from './tensorFile';

const tensors = [
  { name: 'a', shape: [3], data: Float32Array.from([1, -2, 0.1]) },
  { name: 'b', shape: [2, 2], data: Float32Array.from([0.5, 0.25, 65504, -0]) },
];

describe('packTensors / unpackTensors', () => {
  it('f16: 3 values take 6 bytes, padded to 8, so b starts at byte 8; 16 bytes in all', () => {
    const { bytes, entries } = packTensors(tensors);
    expect(entries).toEqual([
      { name: 'a', shape: [3], offset: 0, dtype: 'f16' },
      { name: 'b', shape: [2, 2], offset: 8, dtype: 'f16' },
    ]);
    expect(bytes.byteLength).toBe(16);
  });

  it('f16 round trip: exact for f16-representable values, 0.1 → 0.0999755859375', () => {
    const { bytes, entries } = packTensors(tensors);
    const back = unpackTensors(bytes, entries);
    expect(Array.from(back.a ?? [])).toEqual([1, -2, 0.0999755859375]);
    expect(Array.from(back.b ?? [])).toEqual([0.5, 0.25, 65504, -0]);
  });

  it('f32 round trip is exact to the float32 value', () => {
    const { bytes, entries } = packTensors(tensors, 'f32');
    expect(bytes.byteLength).toBe(28);
    expect(Array.from(unpackTensors(bytes, entries).a ?? [])).toEqual([1, -2, Math.fround(0.1)]);
  });

  it('reads from a view into a larger buffer (byteOffset honoured)', () => {
    const { bytes, entries } = packTensors(tensors);
    const larger = new Uint8Array(bytes.byteLength + 4);
    larger.set(bytes, 4);
    expect(Array.from(unpackTensors(larger.subarray(4), entries).b ?? [])).toEqual([0.5, 0.25, 65504, -0]);
  });

  it('refuses data that does not fit its shape, naming the tensor', () => {
    expect(() => packTensors([{ name: 'w', shape: [2, 2], data: new Float32Array(3) }])).toThrow(
      /w holds 3 values but its shape \[2,2\] needs 4/,
    );
  });

  it('refuses an entry past the end of the binary, naming tensors[i].offset', () => {
    const { bytes, entries } = packTensors(tensors);
    const bad = [entries[0]!, { ...entries[1]!, offset: 12 }];
    try {
      unpackTensors(bytes, bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('tensors[1].offset');
    }
  });

  it.each([
    [null, 'entry'],
    [{ name: '', shape: [1], offset: 0, dtype: 'f16' }, 'entry.name'],
    [{ name: 'x', shape: [0], offset: 0, dtype: 'f16' }, 'entry.shape'],
    [{ name: 'x', shape: [1], offset: 1.5, dtype: 'f16' }, 'entry.offset'],
    [{ name: 'x', shape: [1], offset: 0, dtype: 'bf16' }, 'entry.dtype'],
  ])('checkEntry(%j) names %s', (entry, field) => {
    expect(() => checkEntry(entry)).toThrow(expect.objectContaining({ field }));
  });
});
