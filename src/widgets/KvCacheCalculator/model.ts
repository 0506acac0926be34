/**
 * View-model of the KV-cache calculator: for one model and the current settings, the totals (weights + KV + SSM
 * state), the per-layer-type breakdown with each term's formula, the caveats, the GPU sizes it fits and the reverse
 * solve. Every byte comes from src/core (kvCache.ts, memory.ts); this file picks units and writes the sentences.
 * Inputs out of range never reach the core (state.ts clamps them); a total past 2^53 bytes becomes `error`.
 */
import { kvCache, type KvCacheOptions } from '../../core/kvCache';
import {
  GPU_FIT_CAVEAT,
  maxBatchForBudget,
  maxContextForBudget,
  memoryEstimate,
  type MemoryOptions,
  type ReverseSolve,
} from '../../core/memory';
import { InputError, type ModelSpec } from '../../core/modelSpec';
import { formatBytes, formatInteger, type UnitSystem } from '../../core/units';
import { sequences, tokensText } from './describe';
import type { CalculatorModel } from './spec';
import type { CalcState } from './state';

/** Cards of each marketed size (memory.ts GPU_MEMORY_SIZES_GB). */
const GPU_NAMES: Record<number, string> = {
  24: 'RTX 4090',
  40: 'A100 40 GB',
  48: 'L40S, RTX A6000',
  80: 'A100 80 GB, H100',
  141: 'H200',
  192: 'MI300X, B200',
};

export interface Amount {
  bytes: number;
  /** Formatted in the chosen units, e.g. "16 GiB". */
  text: string;
}

export interface BreakdownRowView {
  label: string;
  layers: number;
  /** "131,072 tokens" or "min(131,072, 1,024) = 1,024 tokens" or "constant". */
  cached: string;
  /** Bytes per cached token per layer, or the state elements per layer. */
  perLayer: string;
  bytes: Amount;
  /** "50.0 %" of the cache. */
  share: string;
  formula: string;
}

export interface FitView {
  /** "80 GB" as marketed. */
  label: string;
  /** Typical cards of that size. */
  cards: string;
  /** What the size is counted as: "80 GiB" (binary) or "80 GB" (decimal). */
  capacity: string;
  fits: boolean;
  /** "fits · 49 GiB free" or "short by 12 GiB". */
  status: string;
  /** Bar fill as a CSS width, capped at 100%. */
  usedWidth: string;
  usedText: string;
}

export interface ResultView {
  /** Set when the inputs cannot be computed (the total passes 2^53 bytes); everything else is then empty. */
  error: string | null;
  weights: Amount;
  kv: Amount;
  state: Amount;
  total: Amount;
  /** "weights 14.96 GiB + KV cache 16 GiB = 30.96 GiB" */
  equation: string;
  /** Parameter count and what it means for memory. */
  params: string;
  /** "128 KiB per token per sequence, all layers at full context" */
  perToken: string;
  breakdown: BreakdownRowView[];
  formula: string;
  caveats: string[];
  warnings: string[];
  fits: FitView[];
  fitNote: string;
  readout: string;
}

/** Four significant digits: 14.96 GiB, not 15 GiB. */
const fmt = (bytes: number, units: UnitSystem) => formatBytes(bytes, units, 4);
const amount = (bytes: number, units: UnitSystem): Amount => ({ bytes, text: fmt(bytes, units) });
const pct = (f: number) => `${(f * 100).toFixed(1)} %`;

/** The error's message, prefixed with its field when the message does not name it. */
export function fieldMessage(error: InputError): string {
  return error.message.includes(error.field) ? error.message : `${error.field}: ${error.message}`;
}

/** The core options for `state` (weights included unless wdtype is 'none'). */
export function memoryOptions(state: CalcState): MemoryOptions {
  return {
    tokens: state.tokens,
    batch: state.batch,
    dtype: state.dtype,
    stateDtype: state.stateDtype,
    convLayout: state.convLayout,
    windows: state.windows,
    weightDtype: state.wdtype === 'none' ? null : state.wdtype,
  };
}

function emptyResult(error: string, units: UnitSystem): ResultView {
  const zero = amount(0, units);
  return {
    error,
    weights: zero,
    kv: zero,
    state: zero,
    total: zero,
    equation: '',
    params: '',
    perToken: '',
    breakdown: [],
    formula: '',
    caveats: [],
    warnings: [],
    fits: [],
    fitNote: '',
    readout: error,
  };
}

/** Everything the results panel shows for `model` at `state`. */
export function buildResult(model: CalculatorModel, spec: ModelSpec, state: CalcState): ResultView {
  const { units } = state;
  let est;
  try {
    est = memoryEstimate(spec, memoryOptions(state), units);
  } catch (error) {
    if (error instanceof InputError) return emptyResult(fieldMessage(error), units);
    throw error;
  }
  const { kv } = est;
  const weights = amount(est.weightsBytes, units);
  const total = amount(est.totalBytes, units);
  const kvA = amount(est.kvBytes, units);
  const stateA = amount(est.stateBytes, units);
  const cacheBytes = kv.bytes;
  const breakdown = kv.breakdown.map((row) => {
    const isState = row.type === 'mamba1-state' || row.type === 'mamba2-state';
    return {
      label: row.label,
      layers: row.layers,
      cached: isState
        ? 'constant'
        : row.window === null
          ? `${formatInteger(row.tokensCached)} tokens`
          : `min(${formatInteger(state.tokens)}, ${formatInteger(row.window)}) = ${formatInteger(row.tokensCached)}`,
      perLayer: isState
        ? `${formatInteger(row.stateElementsPerLayer)} elements`
        : `${fmt(row.bytesPerToken, units)} / token`,
      bytes: amount(row.bytes, units),
      share: cacheBytes > 0 ? pct(row.bytes / cacheBytes) : '0.0 %',
      formula: row.formula,
    };
  });
  const terms = [
    ...(state.wdtype === 'none' ? [] : [`weights ${weights.text}`]),
    `KV cache ${kvA.text}`,
    ...(est.stateBytes > 0 ? [`SSM state ${stateA.text}`] : []),
  ];
  const warnings: string[] = [];
  if (model.maxPositions !== null && state.tokens > model.maxPositions)
    warnings.push(
      `${tokensText(state.tokens)} is beyond ${model.name}'s configured context of ` +
        `${formatInteger(model.maxPositions)}; the cache is computed anyway.`,
    );
  const fits = est.fits.map((f) => ({
    label: f.label,
    cards: GPU_NAMES[f.sizeGB] ?? '',
    capacity: units === 'binary' ? `${f.sizeGB} GiB` : `${f.sizeGB} GB`,
    fits: f.fits,
    status: f.fits ? `fits · ${fmt(f.headroomBytes, units)} free` : `short by ${fmt(-f.headroomBytes, units)}`,
    usedWidth: `${Number(Math.min(100, f.usedFraction * 100).toFixed(2))}%`,
    usedText: `${Math.round(f.usedFraction * 100)} %`,
  }));
  const smallest = fits.find((f) => f.fits);
  const perToken = kvPerToken(spec, state);
  const params = paramsText(model, est.params, state);
  return {
    error: null,
    weights,
    kv: kvA,
    state: stateA,
    total,
    equation: `${terms.join(' + ')} = ${total.text}`,
    params,
    perToken,
    breakdown,
    formula: kv.formula,
    caveats: kv.caveats,
    warnings,
    fits,
    fitNote:
      (units === 'binary'
        ? 'Card sizes are read as GiB (2^30 bytes), as the RTX 4090, A100 40 GB and MI300X are built. '
        : 'Card sizes are read as GB (10^9 bytes), the stricter reading. ') + GPU_FIT_CAVEAT,
    readout:
      `${model.name}, ${tokensText(state.tokens)} × ${sequences(state.batch)}, ${state.dtype} cache: ` +
      `${terms.join(' + ')} = ${total.text}; ` +
      (smallest ? `smallest card it fits: ${smallest.label}.` : 'larger than any single card up to 192 GB.'),
  };
}

/** Bytes one more token adds per sequence (all attention layers, windows ignored), as a sentence. */
function kvPerToken(spec: ModelSpec, state: CalcState): string {
  const options: KvCacheOptions = { tokens: 1, dtype: state.dtype, windows: 'ignore' };
  const b = kvCache(spec, options).kvBytes;
  if (b === 0) return 'No per-token cache: the SSM state is constant in the context length.';
  return `${fmt(b, state.units)} per token per sequence in ${state.dtype}, every attention layer at full context.`;
}

function paramsText(model: CalculatorModel, params: number, state: CalcState): string {
  const official = model.paramsOfficial ? ` (official: ${model.paramsOfficial})` : '';
  const weights = state.wdtype === 'none' ? 'weights left out' : `weights stored as ${state.wdtype}`;
  const moe = model.spec.moe ? '; every expert is held in memory, so weights use the total, not the active count' : '';
  return `${formatInteger(params)} parameters${official}; ${weights}${moe}.`;
}

export interface ReverseView {
  /** "1 × 80 GB, counted as 80 GiB" */
  budget: string;
  context: string;
  batch: string;
}

function solved(r: ReverseSolve, unit: string, limit: string, state: CalcState): string {
  if (r.limitedBy === 'nothing-fits') return `nothing fits: even 1 ${unit} needs ${fmt(r.totalBytes, state.units)}`;
  if (r.limitedBy === 'limit') return `${formatInteger(r.value)} ${unit}s or more (${limit})`;
  return `${formatInteger(r.value)} ${r.value === 1 ? unit : `${unit}s`} (${fmt(r.totalBytes, state.units)})`;
}

/** The longest context at the current batch and the largest batch at the current context within the budget. */
export function buildReverse(model: CalculatorModel, spec: ModelSpec, state: CalcState): ReverseView {
  const per = state.units === 'binary' ? 2 ** 30 : 1e9;
  const budgetBytes = state.gpus * state.gpuGB * per;
  const options = memoryOptions(state);
  const unit = state.units === 'binary' ? 'GiB' : 'GB';
  const budget = `${state.gpus} × ${state.gpuGB} GB, counted as ${formatInteger(state.gpus * state.gpuGB)} ${unit}`;
  let ctx: ReverseSolve;
  let bat: ReverseSolve;
  try {
    ctx = maxContextForBudget(spec, budgetBytes, options);
    bat = maxBatchForBudget(spec, budgetBytes, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { budget, context: fieldMessage(error), batch: '' };
  }
  let context = solved(ctx, 'token', 'the calculator’s limit: memory still fits there', state);
  if (ctx.limitedBy === 'budget' && model.maxPositions !== null && ctx.value > model.maxPositions)
    context += `, past the configured ${formatInteger(model.maxPositions)}`;
  return {
    budget,
    context: `Longest context at ${sequences(state.batch)}: ${context}.`,
    batch: `Largest batch at ${tokensText(state.tokens)}: ${solved(bat, 'sequence', 'the calculator’s limit', state)}.`,
  };
}
