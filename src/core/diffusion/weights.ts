/**
 * Shipped denoiser weights: IEEE 754 binary16 ("f16", 1 sign, 5 exponent, 10 fraction bits; IEEE 754-2008 §3.6)
 * packed little-endian in one binary per model, described by a JSON manifest of { name, shape, offset } entries.
 * f32 → f16 rounds to nearest, ties to even; overflow becomes ±Infinity and is then refused by the loader, which
 * accepts only finite weights of the shapes the MLP config implies (src/core/diffusion/mlp.ts).
 */
import { InputError } from '../modelSpec';
import { mlpFromTensors, mlpShapes, type Mlp, type MlpConfig } from './mlp';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The f16 bit pattern nearest to `value` (round half to even). */
export function f32ToF16(value: number): number {
  f32[0] = value;
  const x = u32[0] ?? 0;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rem > halfway || (rem === halfway && half & 1)) half += 1;
    return sign | half;
  }
  let half = sign | (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && half & 1)) half += 1;
  return half;
}

/** The value of an f16 bit pattern. */
export function f16ToF32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Concatenates tensors into one f16 array. */
export function encodeF16(tensors: readonly Float32Array[]): Uint16Array {
  const total = tensors.reduce((s, t) => s + t.length, 0);
  const out = new Uint16Array(total);
  let offset = 0;
  for (const t of tensors) {
    for (let i = 0; i < t.length; i++) out[offset + i] = f32ToF16(t[i] ?? 0);
    offset += t.length;
  }
  return out;
}

export interface TensorEntry {
  name: string;
  shape: number[];
  /** Offset in elements (not bytes) into the model's binary. */
  offset: number;
}

export interface ModelEntry {
  /** Also the dataset it was trained on. */
  id: 'moons' | 'spiral';
  /** The binary, relative to the manifest. */
  file: string;
  dtype: 'f16';
  mlp: MlpConfig;
  /** T and schedule of the diffusion the model was trained for. */
  T: number;
  schedule: 'linear';
  train: { steps: number; batch: number; lr: number; seed: number; pUncond: number; finalLoss: number };
  /** The quality figure of the shipped weights: mean nearest-data distance of seeded samples. */
  quality: { sampler: 'ddpm' | 'ddim'; steps: number; n: number; seed: number; meanDistance: number };
  tensors: TensorEntry[];
}

export interface WeightManifest {
  format: 'ai-arch-diffusion-weights/1';
  models: ModelEntry[];
}

/** The manifest entries for tensors laid out back to back in mlpShapes order. */
export function tensorEntries(config: MlpConfig): TensorEntry[] {
  let offset = 0;
  return mlpShapes(config).map(({ name, shape }) => {
    const entry = { name, shape, offset };
    offset += shape.reduce((a, b) => a * b, 1);
    return entry;
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a parsed manifest's structure; throws an InputError naming the first bad field. */
export function parseManifest(json: unknown): WeightManifest {
  if (!isRecord(json) || json.format !== 'ai-arch-diffusion-weights/1') {
    throw new InputError('format', 'the manifest format must be "ai-arch-diffusion-weights/1"');
  }
  if (!Array.isArray(json.models) || json.models.length === 0) {
    throw new InputError('models', 'the manifest must list at least one model');
  }
  json.models.forEach((m: unknown, i) => {
    const at = `models[${i}]`;
    if (!isRecord(m)) throw new InputError(at, `${at} must be an object`);
    if (m.id !== 'moons' && m.id !== 'spiral') throw new InputError(`${at}.id`, `${at}.id must be "moons" or "spiral"`);
    if (typeof m.file !== 'string' || !/^[\w.-]+$/.test(m.file)) {
      throw new InputError(`${at}.file`, `${at}.file must be a plain file name`);
    }
    if (m.dtype !== 'f16') throw new InputError(`${at}.dtype`, `${at}.dtype must be "f16"`);
    if (!isRecord(m.mlp)) throw new InputError(`${at}.mlp`, `${at}.mlp must be an object`);
    const expected = tensorEntries(m.mlp as unknown as MlpConfig);
    if (JSON.stringify(m.tensors) !== JSON.stringify(expected)) {
      throw new InputError(
        `${at}.tensors`,
        `${at}.tensors must list ${expected.map((e) => e.name).join(', ')} in order`,
      );
    }
    if (!Number.isInteger(m.T) || (m.T as number) < 2)
      throw new InputError(`${at}.T`, `${at}.T must be an integer ≥ 2`);
    if (!isRecord(m.train) || !isRecord(m.quality)) {
      throw new InputError(`${at}.train`, `${at}.train and ${at}.quality must be objects`);
    }
  });
  return json as unknown as WeightManifest;
}

/** Decodes one model's binary (f16, little-endian) into an Mlp; refuses wrong sizes and non-finite weights. */
export function mlpFromBinary(entry: ModelEntry, buffer: ArrayBuffer): Mlp {
  const total = entry.tensors.reduce((s, t) => s + t.shape.reduce((a, b) => a * b, 1), 0);
  if (buffer.byteLength !== total * 2) {
    throw new InputError('weights', `${entry.file} must be ${total * 2} bytes, got ${buffer.byteLength}`);
  }
  const view = new DataView(buffer);
  const tensors = entry.tensors.map((t) => {
    const size = t.shape.reduce((a, b) => a * b, 1);
    const out = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const v = f16ToF32(view.getUint16((t.offset + i) * 2, true));
      if (!Number.isFinite(v)) throw new InputError('weights', `${entry.file}: ${t.name}[${i}] is not finite`);
      out[i] = v;
    }
    return out;
  });
  return mlpFromTensors(entry.mlp, tensors);
}

/** The little-endian bytes of an f16 array (what the training script writes). */
export function f16Bytes(bits: Uint16Array): Uint8Array {
  const out = new Uint8Array(bits.length * 2);
  const view = new DataView(out.buffer);
  bits.forEach((b, i) => view.setUint16(i * 2, b, true));
  return out;
}
