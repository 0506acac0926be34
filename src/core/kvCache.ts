/**
 * KV-cache and recurrent-state memory per model, exact to the byte. Per sequence, summed over layers
 * (notes/model-facts.md §3):
 *   MHA/GQA/MQA layer: 2 · KV · hd elements per cached token (K and V; Shazeer 2019; Ainslie et al. 2023, §2);
 *   sliding-window layer: the same, for min(T, W) tokens (Mistral 7B, arXiv:2310.06825 §2, rolling buffer cache);
 *   MLA layer: kv_lora_rank + qk_rope_head_dim elements per token (DeepSeek-V2, arXiv:2405.04434 §2.1.2, Table 1);
 *   Mamba-1 layer: d_inner · d_state + d_inner · c elements per sequence, c = d_conv − 1 (llama.cpp, vLLM) or d_conv
 *     (mamba_ssm `allocate_inference_cache`, HF) (Gu & Dao 2023, arXiv:2312.00752 §3.3);
 *   Mamba-2 layer: nheads · headdim · d_state + c · (d_inner + 2 · ngroups · d_state) (llama.cpp n_embd_s / n_embd_r);
 * times the batch. Sizes are exact rationals per element (dtypes.ts); each breakdown row is rounded up to whole
 * bytes, and results past Number.MAX_SAFE_INTEGER are refused rather than rounded.
 */
import { bytesPerElement, DTYPE_NAMES, isDType, type DType, type Rational } from './dtypes';
import { InputError, positiveInt, validateKvSpec, type KvSpec, type SsmSpec } from './modelSpec';
import { bytes, formatBytes, formatInteger, type Bytes, type UnitSystem } from './units';

/** The longest context the calculators accept, in tokens. */
export const MAX_TOKENS = 10_000_000;
/** The largest batch (concurrent sequences) the calculators accept. */
export const MAX_BATCH = 1_000_000;

/** How many conv columns an SSM cache keeps: d_conv − 1 (llama.cpp, vLLM) or d_conv (mamba_ssm, HF transformers). */
export type ConvLayout = 'd_conv-1' | 'd_conv';
/** Sliding-window layers capped at min(T, W) (the theoretical minimum), or counted at T as engines that ignore windows. */
export type WindowPolicy = 'cap' | 'ignore';

export interface KvCacheOptions {
  /** T: tokens cached per sequence, 1 … MAX_TOKENS. */
  tokens: number;
  /** B: sequences, 1 … MAX_BATCH (default 1). Sequences share nothing. */
  batch?: number;
  /** K/V element type (default bf16). */
  dtype?: DType;
  /** SSM state element type (default fp32, as published SSM figures and llama.cpp use). */
  stateDtype?: DType;
  /** Default 'd_conv-1'. */
  convLayout?: ConvLayout;
  /** Default 'cap'. */
  windows?: WindowPolicy;
  /** Units of the total in `formula`: binary (GiB, default) or decimal (GB). Bytes are exact either way. */
  units?: UnitSystem;
}

export type CacheRowType = 'full-attention' | 'sliding-attention' | 'mla' | 'mamba1-state' | 'mamba2-state';

/** One group of identical layers. Per-layer figures are per sequence; `bytes` covers all its layers and the batch. */
export interface KvBreakdownRow {
  type: CacheRowType;
  /** Human label, e.g. "sliding attention (W = 1,024)". */
  label: string;
  layers: number;
  /** Sliding window W, or null. */
  window: number | null;
  /** Tokens each layer caches per sequence (0 for SSM state). */
  tokensCached: number;
  /** Elements cached per token per layer (0 for SSM state). */
  elementsPerToken: number;
  /** Bytes per cached token per layer per sequence; fractional only for sub-byte dtypes. */
  bytesPerToken: number;
  /** Constant state elements per layer per sequence (SSM), else 0. */
  stateElementsPerLayer: number;
  bytes: Bytes;
  /** This row's term of the formula, numbers substituted. */
  formula: string;
}

export interface KvCacheResult {
  /** Exact total: kvBytes + stateBytes. */
  bytes: Bytes;
  /** Attention and MLA caches (grow with T). */
  kvBytes: Bytes;
  /** SSM recurrent state (constant in T). */
  stateBytes: Bytes;
  tokens: number;
  batch: number;
  dtype: DType;
  stateDtype: DType;
  breakdown: KvBreakdownRow[];
  /** The whole computation with the numbers substituted, ending in the total. */
  formula: string;
  caveats: string[];
}

/** Caveat shown whenever sliding-window layers are capped at min(T, W). */
export const SLIDING_WINDOW_CAVEAT =
  'Sliding-window layers are counted at min(T, W) tokens, the theoretical minimum; some engines allocate more ' +
  '(vLLM adds up to a prefill chunk and one block, llama.cpp pads and --swa-full keeps every token, some ' +
  'reference caches allocate the full context on every layer).';

/** A breakdown row with its exact BigInt byte count, before the safe-integer check. */
export interface ExactRow extends Omit<KvBreakdownRow, 'bytes'> {
  exact: bigint;
  /** True when sub-byte sizes were rounded up. */
  rounded: boolean;
}

/** Exact rows and total in bytes, as BigInt (no overflow check). Used by the reverse solvers in memory.ts. */
export function kvCacheExact(spec: KvSpec, options: KvCacheOptions): { rows: ExactRow[]; total: bigint } {
  validateKvSpec(spec);
  const o = resolveOptions(options);
  const b = bytesPerElement(o.dtype);
  const sb = bytesPerElement(o.stateDtype);
  const groups = new Map<string, { type: CacheRowType; window: number | null; layers: number }>();
  for (const layer of spec.layers) {
    const window = layer.mixer === 'attention' && o.windows === 'cap' ? layer.window : null;
    const type: CacheRowType =
      layer.mixer === 'mla'
        ? 'mla'
        : layer.mixer === 'ssm'
          ? spec.ssm?.version === 2
            ? 'mamba2-state'
            : 'mamba1-state'
          : window === null
            ? 'full-attention'
            : 'sliding-attention';
    const key = `${type}:${window ?? ''}`;
    const group = groups.get(key) ?? { type, window, layers: 0 };
    group.layers += 1;
    groups.set(key, group);
  }
  const order: CacheRowType[] = ['full-attention', 'sliding-attention', 'mla', 'mamba1-state', 'mamba2-state'];
  const sorted = [...groups.values()].sort(
    (x, y) => order.indexOf(x.type) - order.indexOf(y.type) || (x.window ?? 0) - (y.window ?? 0),
  );
  const rows = sorted.map((g) => buildRow(spec, g, o, b, sb));
  return { rows, total: rows.reduce((sum, r) => sum + r.exact, 0n) };
}

/**
 * KV cache plus SSM state of `spec` for `tokens` cached tokens per sequence and `batch` sequences: exact bytes, a
 * breakdown per layer type, the formula with numbers substituted, and caveats. Throws an InputError naming the
 * option when an input is out of range or the total exceeds Number.MAX_SAFE_INTEGER bytes.
 */
export function kvCache(spec: KvSpec, options: KvCacheOptions): KvCacheResult {
  const o = resolveOptions(options);
  const { rows, total } = kvCacheExact(spec, o);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InputError(
      'batch',
      `the cache would be ${total} bytes, past Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}); lower tokens or batch`,
    );
  }
  const breakdown = rows.map(({ exact, rounded: _rounded, ...row }) => ({ ...row, bytes: bytes(Number(exact)) }));
  const sum = (pick: (r: ExactRow) => boolean) => bytes(Number(rows.filter(pick).reduce((s, r) => s + r.exact, 0n)));
  const isState = (r: ExactRow) => r.type === 'mamba1-state' || r.type === 'mamba2-state';
  const terms = breakdown.map((r) => r.formula).join(' + ');
  const body = o.batch === 1 ? terms : `${formatInteger(o.batch)} sequences × (${terms})`;
  const totalBytes = Number(total);
  return {
    bytes: bytes(totalBytes),
    kvBytes: sum((r) => !isState(r)),
    stateBytes: sum(isState),
    tokens: o.tokens,
    batch: o.batch,
    dtype: o.dtype,
    stateDtype: o.stateDtype,
    breakdown,
    formula: `${body} = ${formatInteger(totalBytes)} B (${formatBytes(totalBytes, o.units, 4)})`,
    caveats: caveats(spec, rows, o),
  };
}

/**
 * Bytes per token per sequence with every attention layer at full context (windows ignored, SSM state excluded):
 * the "KV B/token" column of notes/model-facts.md §1.1.
 */
export function kvBytesPerToken(spec: KvSpec, dtype: DType = 'bf16'): Bytes {
  return kvCache(spec, { tokens: 1, dtype, windows: 'ignore' }).kvBytes;
}

type Resolved = Required<KvCacheOptions>;

function resolveOptions(options: KvCacheOptions): Resolved {
  const dtype = options.dtype ?? 'bf16';
  const stateDtype = options.stateDtype ?? 'fp32';
  for (const [field, value] of [
    ['dtype', dtype],
    ['stateDtype', stateDtype],
  ] as const) {
    if (!isDType(value))
      throw new InputError(field, `${field} must be one of ${DTYPE_NAMES.join(', ')}, got "${value}"`);
  }
  return {
    tokens: positiveInt('tokens', options.tokens, MAX_TOKENS),
    batch: positiveInt('batch', options.batch ?? 1, MAX_BATCH),
    dtype,
    stateDtype,
    convLayout: options.convLayout ?? 'd_conv-1',
    windows: options.windows ?? 'cap',
    units: options.units ?? 'binary',
  };
}

function buildRow(
  spec: KvSpec,
  g: { type: CacheRowType; window: number | null; layers: number },
  o: Resolved,
  b: Rational,
  sb: Rational,
): ExactRow {
  const L = g.layers;
  const T = o.tokens;
  const unit = byteLabel(b);
  const base = { type: g.type, layers: L, window: g.window, tokensCached: 0, elementsPerToken: 0 };
  if (g.type === 'mamba1-state' || g.type === 'mamba2-state') {
    const ssm = spec.ssm as SsmSpec;
    const { ssmElements, convElements, ssmText, convText } = stateElements(ssm, o.convLayout);
    const [exact, rounded] = ceilBytes(BigInt(L) * BigInt(o.batch) * BigInt(ssmElements + convElements), sb);
    const s = byteLabel(sb);
    return {
      ...base,
      label: ssm.version === 2 ? 'Mamba-2 state' : 'Mamba-1 state',
      bytesPerToken: 0,
      stateElementsPerLayer: ssmElements + convElements,
      formula: `${L} ${ssm.version === 2 ? 'Mamba-2' : 'Mamba-1'} layers × (${ssmText} × ${s} + ${convText} × ${s})`,
      exact,
      rounded,
    };
  }
  let elementsPerToken: number;
  let elementsText: string;
  if (g.type === 'mla') {
    const mla = spec.mla!;
    elementsPerToken = mla.kvLoraRank + mla.qkRopeHeadDim;
    elementsText = `(${n(mla.kvLoraRank)} + ${n(mla.qkRopeHeadDim)})`;
  } else {
    const att = spec.attention!;
    elementsPerToken = 2 * att.kvHeads * att.headDim;
    elementsText = `2·${n(att.kvHeads)}·${n(att.headDim)}`;
  }
  const tokensCached = g.window === null ? T : Math.min(T, g.window);
  const tokensText = g.window === null ? formatInteger(T) : `min(${formatInteger(T)}, ${formatInteger(g.window)})`;
  const [exact, rounded] = ceilBytes(BigInt(L) * BigInt(o.batch) * BigInt(tokensCached) * BigInt(elementsPerToken), b);
  const label =
    g.type === 'mla'
      ? 'MLA latent'
      : g.window === null
        ? 'full attention'
        : `sliding attention (W = ${formatInteger(g.window)})`;
  const kind = g.type === 'mla' ? 'MLA' : g.window === null ? 'full-attention' : 'sliding-attention';
  return {
    ...base,
    label,
    tokensCached,
    elementsPerToken,
    bytesPerToken: (elementsPerToken * b.num) / b.den,
    stateElementsPerLayer: 0,
    formula: `${L} ${kind} layers × ${tokensText} tokens × ${elementsText} × ${unit}`,
    exact,
    rounded,
  };
}

/** Constant state elements per layer: the SSM state and the conv window, with their formulas. */
function stateElements(ssm: SsmSpec, layout: ConvLayout) {
  const c = layout === 'd_conv' ? ssm.dConv : ssm.dConv - 1;
  if (ssm.version === 2) {
    const convWidth = ssm.dInner + 2 * ssm.nGroups * ssm.dState;
    return {
      ssmElements: ssm.nHeads * ssm.headDim * ssm.dState,
      convElements: c * convWidth,
      ssmText: `${n(ssm.nHeads)}·${n(ssm.headDim)}·${n(ssm.dState)}`,
      convText: `${c}·(${n(ssm.dInner)} + 2·${n(ssm.nGroups)}·${n(ssm.dState)})`,
    };
  }
  return {
    ssmElements: ssm.dInner * ssm.dState,
    convElements: ssm.dInner * c,
    ssmText: `${n(ssm.dInner)}·${n(ssm.dState)}`,
    convText: `${n(ssm.dInner)}·${c}`,
  };
}

const n = formatInteger;

function ceilBytes(elements: bigint, size: Rational): [bigint, boolean] {
  const num = elements * BigInt(size.num);
  const den = BigInt(size.den);
  const q = num / den;
  return num % den === 0n ? [q, false] : [q + 1n, true];
}

function byteLabel(size: Rational): string {
  return size.den === 1 ? `${size.num} B` : `${size.num}/${size.den} B`;
}

function caveats(spec: KvSpec, rows: ExactRow[], o: Resolved): string[] {
  const out: string[] = [];
  const windowed = spec.layers.some((l) => l.mixer === 'attention' && l.window !== null);
  if (windowed && o.windows === 'cap') out.push(SLIDING_WINDOW_CAVEAT);
  if (windowed && o.windows === 'ignore')
    out.push(
      'Sliding windows ignored: every attention layer is counted at the full T, as engines that allocate full pages do.',
    );
  if (rows.some((r) => r.type === 'mla'))
    out.push(
      'MLA is counted as the absorbed latent cache (kv_lora_rank + qk_rope_head_dim per layer); implementations that ' +
        'cache decompressed K and V need H·(qk_nope + qk_rope + v_head_dim) per layer instead.',
    );
  if (rows.some((r) => r.type === 'mamba1-state' || r.type === 'mamba2-state'))
    out.push(
      `SSM state is per sequence and independent of T, stored in ${o.stateDtype}; the conv window keeps ` +
        (o.convLayout === 'd_conv'
          ? 'd_conv columns (mamba_ssm and HF transformers layout; llama.cpp and vLLM keep d_conv − 1).'
          : 'd_conv − 1 columns (llama.cpp and vLLM layout; mamba_ssm and HF transformers keep d_conv).'),
    );
  if (o.dtype === 'q8_0' || o.dtype === 'q4_0')
    out.push(`${o.dtype} includes its block scales (${o.dtype === 'q8_0' ? '34' : '18'} bytes per 32 elements).`);
  if (o.dtype === 'fp8' || o.dtype === 'int8' || o.dtype === 'int4')
    out.push(`${o.dtype} is counted without scale overhead; per-token or per-head scales add a little.`);
  if (rows.some((r) => r.rounded)) out.push('Sub-byte sizes are rounded up to whole bytes per layer group.');
  return out;
}
