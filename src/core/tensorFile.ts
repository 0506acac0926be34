/**
 * A weights file: named tensors packed into one little-endian binary, described by a JSON list of
 * `{ name, shape, offset, dtype }` entries (offset in bytes, shape row-major). Tensors are stored as IEEE 754
 * binary16 (f16.ts) or binary32 and start on 4-byte boundaries. Packing and unpacking are pure: the caller reads and
 * writes the bytes (fetch in the browser, fs in Node).
 */
import { decodeF16, encodeF16 } from './f16';
import { InputError } from './modelSpec';

/** Element types a weights file stores. */
export type TensorDtype = 'f16' | 'f32';

/** One tensor's place in the binary. */
export interface TensorEntry {
  readonly name: string;
  readonly shape: readonly number[];
  /** Byte offset of the first element. */
  readonly offset: number;
  readonly dtype: TensorDtype;
}

/** A tensor to pack. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

const BYTES: Record<TensorDtype, number> = { f16: 2, f32: 4 };
const align4 = (n: number) => Math.ceil(n / 4) * 4;
const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Packs `tensors` in order into one binary; throws an InputError naming a tensor whose data does not fit its shape. */
export function packTensors(
  tensors: readonly NamedTensor[],
  dtype: TensorDtype = 'f16',
): { bytes: Uint8Array; entries: TensorEntry[] } {
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const t of tensors) {
    if (t.data.length !== count(t.shape))
      throw new InputError(
        t.name,
        `${t.name} holds ${t.data.length} values but its shape [${t.shape}] needs ${count(t.shape)}`,
      );
    entries.push({ name: t.name, shape: [...t.shape], offset, dtype });
    offset = align4(offset + t.data.length * BYTES[dtype]);
  }
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  tensors.forEach((t, i) => {
    const start = entries[i]?.offset ?? 0;
    if (dtype === 'f32') t.data.forEach((v, j) => view.setFloat32(start + 4 * j, v, true));
    else encodeF16(t.data).forEach((h, j) => view.setUint16(start + 2 * j, h, true));
  });
  return { bytes, entries };
}

/**
 * Reads every entry out of `bytes` as a Float32Array (f16 widened exactly). Throws an InputError naming the entry
 * and field when an entry is malformed or points outside the binary.
 */
export function unpackTensors(bytes: Uint8Array, entries: readonly TensorEntry[]): Record<string, Float32Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Record<string, Float32Array> = {};
  entries.forEach((entry, i) => {
    const field = `tensors[${i}]`;
    checkEntry(entry, field);
    const n = count(entry.shape);
    const size = BYTES[entry.dtype];
    if (entry.offset % size !== 0 || entry.offset + n * size > bytes.byteLength)
      throw new InputError(
        `${field}.offset`,
        `${field}.offset must be a multiple of ${size} with ${n * size} bytes after it inside the ${bytes.byteLength}-byte binary, got ${entry.offset}`,
      );
    if (entry.dtype === 'f32') {
      out[entry.name] = Float32Array.from({ length: n }, (_, j) => view.getFloat32(entry.offset + 4 * j, true));
    } else {
      const bits = new Uint16Array(n);
      for (let j = 0; j < n; j++) bits[j] = view.getUint16(entry.offset + 2 * j, true);
      out[entry.name] = decodeF16(bits);
    }
  });
  return out;
}

/** Validates an entry read from JSON: a non-empty name, positive integer dimensions, a whole offset, a known dtype. */
export function checkEntry(entry: unknown, field = 'entry'): asserts entry is TensorEntry {
  const e = entry as Partial<TensorEntry> | null;
  if (typeof e !== 'object' || e === null) throw new InputError(field, `${field} must be an object`);
  if (typeof e.name !== 'string' || e.name === '')
    throw new InputError(`${field}.name`, `${field}.name must be a non-empty string`);
  if (!Array.isArray(e.shape) || !e.shape.every((d) => Number.isInteger(d) && d > 0))
    throw new InputError(`${field}.shape`, `${field}.shape must be a list of positive integers`);
  if (!Number.isInteger(e.offset) || (e.offset as number) < 0)
    throw new InputError(`${field}.offset`, `${field}.offset must be a non-negative integer`);
  if (e.dtype !== 'f16' && e.dtype !== 'f32')
    throw new InputError(`${field}.dtype`, `${field}.dtype must be "f16" or "f32"`);
}
