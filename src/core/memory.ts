/**
 * Serving memory = weights + KV cache + SSM state (notes/model-facts.md §2–3): weights are total parameters ×
 * bytes per weight (MoE memory uses N_total, Kaplan et al. 2020 §2.1 / notes §5), the cache comes from kvCache.ts.
 * Also: which common accelerator memory sizes a configuration fits, a memory-vs-context curve, and the reverse
 * solve (longest context, largest batch for a byte budget) by binary search on the exact, monotone byte count.
 * Runtime overheads (activations, CUDA context, compute buffers) are not modelled and are named in the caveats.
 */
import { bytesPerElement, type DType } from './dtypes';
import { kvCache, kvCacheExact, MAX_BATCH, MAX_TOKENS, type KvCacheOptions, type KvCacheResult } from './kvCache';
import { InputError, positiveInt, type ModelSpec } from './modelSpec';
import { countParams } from './params';
import { bytes, type Bytes, type UnitSystem } from './units';

/** Common accelerator memory sizes, in GB as marketed: 24 (RTX 4090), 40 / 80 (A100, H100), 48 (L40S, A6000), 141 (H200), 192 (MI300X, B200). */
export const GPU_MEMORY_SIZES_GB = [24, 40, 48, 80, 141, 192] as const;

export const GPU_FIT_CAVEAT =
  'Fit compares weights + cache with the nominal card size; real headroom is smaller (CUDA context, activations, ' +
  'compute buffers, allocator fragmentation, and cards that report slightly less, e.g. an "80 GB" H100 shows 79.6 GiB).';

export interface MemoryOptions extends KvCacheOptions {
  /** Weight element type (default bf16); null leaves the weights out (cache only). */
  weightDtype?: DType | null;
}

export interface GpuFit {
  /** The marketed size, e.g. 80. */
  sizeGB: number;
  /** "80 GB" */
  label: string;
  capacityBytes: Bytes;
  fits: boolean;
  /** capacity − required; negative when it does not fit. */
  headroomBytes: number;
  /** required / capacity. */
  usedFraction: number;
}

export interface MemoryEstimate {
  params: number;
  weightsBytes: Bytes;
  kvBytes: Bytes;
  stateBytes: Bytes;
  /** weightsBytes + kvBytes + stateBytes. */
  totalBytes: Bytes;
  kv: KvCacheResult;
  fits: GpuFit[];
  caveats: string[];
}

/** Exact bytes of `params` weights stored as `dtype` (rounded up to a whole byte). */
export function weightBytes(params: number, dtype: DType): Bytes {
  const b = bytesPerElement(dtype);
  const num = BigInt(params) * BigInt(b.num);
  const den = BigInt(b.den);
  return bytes(Number(num / den + (num % den === 0n ? 0n : 1n)));
}

/** Weights + KV + state for one configuration, and which GPU sizes it fits. Throws InputError on bad input. */
export function memoryEstimate(spec: ModelSpec, options: MemoryOptions, unit: UnitSystem = 'binary'): MemoryEstimate {
  const kv = kvCache(spec, options);
  const params = countParams(spec).total;
  const weightsBytes = weightsOf(spec, options.weightDtype, params);
  const total = weightsBytes + kv.bytes;
  if (!Number.isSafeInteger(total))
    throw new InputError('batch', 'weights + cache exceed Number.MAX_SAFE_INTEGER bytes');
  return {
    params,
    weightsBytes,
    kvBytes: kv.kvBytes,
    stateBytes: kv.stateBytes,
    totalBytes: bytes(total),
    kv,
    fits: gpuFit(total, GPU_MEMORY_SIZES_GB, unit),
    caveats: [...kv.caveats, GPU_FIT_CAVEAT],
  };
}

/**
 * Whether `requiredBytes` fits each memory size. Sizes are read as GiB (2^30 B, how A100 40 GB, RTX 4090 24 GB and
 * MI300X 192 GB actually come) unless `unit` is 'decimal' (10^9 B).
 */
export function gpuFit(
  requiredBytes: number,
  sizesGB: readonly number[] = GPU_MEMORY_SIZES_GB,
  unit: UnitSystem = 'binary',
): GpuFit[] {
  if (!Number.isFinite(requiredBytes) || requiredBytes < 0)
    throw new InputError(
      'requiredBytes',
      `requiredBytes must be a finite, non-negative byte count, got ${requiredBytes}`,
    );
  return sizesGB.map((sizeGB) => {
    const capacity = sizeGB * (unit === 'binary' ? 2 ** 30 : 1e9);
    return {
      sizeGB,
      label: `${sizeGB} GB`,
      capacityBytes: bytes(capacity),
      fits: requiredBytes <= capacity,
      headroomBytes: capacity - requiredBytes,
      usedFraction: requiredBytes / capacity,
    };
  });
}

export interface ReverseSolve {
  /** The largest value that fits (0 when even 1 does not). */
  value: number;
  /** Weights + cache at `value` (at 1 when nothing fits). */
  totalBytes: Bytes;
  /** 'budget': the next value would not fit; 'limit': the search limit was reached; 'nothing-fits'. */
  limitedBy: 'budget' | 'limit' | 'nothing-fits';
}

/**
 * The longest context T (per sequence, at options.batch) whose weights + cache fit `budgetBytes`, searched up to
 * `maxTokens` (default MAX_TOKENS). Pure-SSM and all-sliding models stop growing, so they end at the limit.
 */
export function maxContextForBudget(
  spec: ModelSpec,
  budgetBytes: number,
  options: Omit<MemoryOptions, 'tokens'> & { maxTokens?: number },
): ReverseSolve {
  const limit = positiveInt('maxTokens', options.maxTokens ?? MAX_TOKENS, MAX_TOKENS);
  return solve(spec, budgetBytes, limit, (tokens) => ({ ...options, tokens }));
}

/** The largest batch whose weights + cache at `options.tokens` fit `budgetBytes`, searched up to `maxBatch`. */
export function maxBatchForBudget(
  spec: ModelSpec,
  budgetBytes: number,
  options: MemoryOptions & { maxBatch?: number },
): ReverseSolve {
  const limit = positiveInt('maxBatch', options.maxBatch ?? MAX_BATCH, MAX_BATCH);
  return solve(spec, budgetBytes, limit, (batch) => ({ ...options, batch }));
}

export interface MemoryPoint {
  tokens: number;
  kvBytes: Bytes;
  stateBytes: Bytes;
  weightsBytes: Bytes;
  totalBytes: Bytes;
}

/** Memory at `points` log-spaced context lengths from `fromTokens` to `toTokens` (both included): a chart series. */
export function memoryCurve(
  spec: ModelSpec,
  options: Omit<MemoryOptions, 'tokens'> & { fromTokens?: number; toTokens?: number; points?: number },
): MemoryPoint[] {
  const from = positiveInt('fromTokens', options.fromTokens ?? 1, MAX_TOKENS);
  const to = positiveInt('toTokens', options.toTokens ?? MAX_TOKENS, MAX_TOKENS);
  if (to < from) throw new InputError('toTokens', `toTokens (${to}) must be at least fromTokens (${from})`);
  const points = positiveInt('points', options.points ?? 64, 2_000);
  const weightsBytes = weightsOf(spec, options.weightDtype, countParams(spec).total);
  const ts = new Set<number>();
  for (let i = 0; i < points; i++) {
    const f = points === 1 ? 1 : i / (points - 1);
    ts.add(Math.min(to, Math.max(from, Math.round(from * (to / from) ** f))));
  }
  return [...ts].map((tokens) => {
    const kv = kvCache(spec, { ...options, tokens });
    return {
      tokens,
      kvBytes: kv.kvBytes,
      stateBytes: kv.stateBytes,
      weightsBytes,
      totalBytes: bytes(weightsBytes + kv.bytes),
    };
  });
}

function weightsOf(spec: ModelSpec, dtype: DType | null | undefined, params: number): Bytes {
  return dtype === null ? bytes(0) : weightBytes(params, dtype ?? 'bf16');
}

function solve(
  spec: ModelSpec,
  budgetBytes: number,
  limit: number,
  at: (value: number) => KvCacheOptions & { weightDtype?: DType | null },
): ReverseSolve {
  if (!Number.isSafeInteger(budgetBytes) || budgetBytes < 1)
    throw new InputError(
      'budgetBytes',
      `budgetBytes must be a whole number of bytes from 1 to ${Number.MAX_SAFE_INTEGER}, got ${budgetBytes}`,
    );
  const base = at(1);
  const weights = BigInt(weightsOf(spec, base.weightDtype, countParams(spec).total));
  const need = (v: number) => weights + kvCacheExact(spec, at(v)).total;
  const budget = BigInt(budgetBytes);
  const report = (value: number, limitedBy: ReverseSolve['limitedBy']) => ({
    value,
    totalBytes: bytes(Number(need(Math.max(1, value)))),
    limitedBy,
  });
  if (need(1) > budget) return report(0, 'nothing-fits');
  if (need(limit) <= budget) return report(limit, 'limit');
  let lo = 1;
  let hi = limit;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (need(mid) <= budget) lo = mid;
    else hi = mid;
  }
  return report(lo, 'budget');
}
