/**
 * CSV export of the breakdown: one row per layer type with its formula, then the KV, state, weights and total rows.
 * Exact byte counts (not rounded units), so a spreadsheet can re-derive every figure.
 */
import { memoryEstimate } from '../../core/memory';
import type { ModelSpec } from '../../core/modelSpec';
import { memoryOptions } from './model';
import type { CalculatorModel } from './spec';
import type { CalcState } from './state';

const HEADER = [
  'item',
  'layers',
  'window',
  'tokens_cached_per_layer',
  'elements_per_token_per_layer',
  'bytes_per_token_per_layer',
  'state_elements_per_layer',
  'bytes',
  'formula',
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvFile {
  filename: string;
  text: string;
}

/** The breakdown of `model` at `state` as a CSV file (throws the core's InputError if it cannot be computed). */
export function breakdownCsv(model: CalculatorModel, spec: ModelSpec, state: CalcState): CsvFile {
  const est = memoryEstimate(spec, memoryOptions(state), state.units);
  const rows: (string | number | null)[][] = est.kv.breakdown.map((r) => [
    r.label,
    r.layers,
    r.window,
    r.tokensCached,
    r.elementsPerToken,
    r.bytesPerToken,
    r.stateElementsPerLayer,
    r.bytes,
    r.formula,
  ]);
  const blank = [null, null, null, null, null, null];
  rows.push(['KV cache (attention and MLA)', ...blank, est.kvBytes, null]);
  rows.push(['SSM state', ...blank, est.stateBytes, null]);
  rows.push([
    state.wdtype === 'none' ? 'weights (left out)' : `weights (${est.params} parameters × ${state.wdtype})`,
    ...blank,
    est.weightsBytes,
    null,
  ]);
  rows.push([
    `total: ${model.name}, ${state.tokens} tokens × ${state.batch} sequences, KV ${state.dtype}`,
    ...blank,
    est.totalBytes,
    est.kv.formula,
  ]);
  const text = [HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  const safe = model.id.replace(/[^\w.-]+/g, '-');
  return { filename: `kv-cache_${safe}_${state.tokens}x${state.batch}_${state.dtype}.csv`, text };
}
