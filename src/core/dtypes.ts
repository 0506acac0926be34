/**
 * Element sizes of the number formats a KV cache, SSM state or weight tensor is stored in, as exact rationals of
 * bytes per element. Block-quantized formats carry their scale overhead: GGML q8_0 stores 32 int8 values plus one
 * fp16 scale in 34 bytes (8.5 bits per element), q4_0 stores 32 nibbles plus one fp16 scale in 18 bytes (4.5 bits)
 * — ggml-org/llama.cpp ggml/src/ggml-common.h (block_q8_0, block_q4_0), and notes/model-facts.md §3 "Quantized KV".
 */

/** An exact non-negative rational number of bytes: `num / den`, with `den` > 0. */
export interface Rational {
  readonly num: number;
  readonly den: number;
}

/** The number formats the calculators accept. */
export const DTYPE_NAMES = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4', 'q8_0', 'q4_0'] as const;
export type DType = (typeof DTYPE_NAMES)[number];

/** What a dtype costs per element and how to label it. */
export interface DTypeInfo {
  readonly name: DType;
  /** Bytes per element, exact. */
  readonly bytes: Rational;
  /** Bits per element including any block-scale overhead (8.5 for q8_0). */
  readonly bits: number;
  /** One line for a legend or a tooltip. */
  readonly description: string;
}

const info = (name: DType, num: number, den: number, description: string): DTypeInfo => ({
  name,
  bytes: { num, den },
  bits: (8 * num) / den,
  description,
});

/** Every dtype with its exact size. */
export const DTYPES: Readonly<Record<DType, DTypeInfo>> = {
  fp32: info('fp32', 4, 1, '32-bit float'),
  fp16: info('fp16', 2, 1, '16-bit float (IEEE half)'),
  bf16: info('bf16', 2, 1, '16-bit bfloat'),
  fp8: info('fp8', 1, 1, '8-bit float (E4M3/E5M2), no scale overhead counted'),
  int8: info('int8', 1, 1, '8-bit integer, no scale overhead counted'),
  int4: info('int4', 1, 2, '4-bit integer, no scale overhead counted'),
  q8_0: info('q8_0', 34, 32, 'GGML q8_0: blocks of 32 int8 + one fp16 scale = 34 bytes (8.5 bits)'),
  q4_0: info('q4_0', 18, 32, 'GGML q4_0: blocks of 32 nibbles + one fp16 scale = 18 bytes (4.5 bits)'),
};

const ALIASES: Readonly<Record<string, DType>> = {
  float32: 'fp32',
  f32: 'fp32',
  float16: 'fp16',
  half: 'fp16',
  f16: 'fp16',
  bfloat16: 'bf16',
  float8: 'fp8',
  fp8_e4m3: 'fp8',
  fp8_e5m2: 'fp8',
  e4m3: 'fp8',
  e5m2: 'fp8',
  q8: 'q8_0',
  q4: 'q4_0',
};

/** True when `value` is one of the dtype names in DTYPE_NAMES. */
export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && (DTYPE_NAMES as readonly string[]).includes(value);
}

/**
 * Reads a dtype name, accepting common aliases (float16, f16, bfloat16, float32, e4m3, …), case-insensitively.
 * Returns undefined for anything else, so callers can name the field in their own error.
 */
export function parseDType(value: string): DType | undefined {
  const key = value.trim().toLowerCase();
  if (isDType(key)) return key;
  return ALIASES[key];
}

/** Exact bytes per element of `dtype`. */
export function bytesPerElement(dtype: DType): Rational {
  return DTYPES[dtype].bytes;
}
