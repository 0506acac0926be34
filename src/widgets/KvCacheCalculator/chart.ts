/**
 * The memory-vs-context chart: for each model, cache (or weights + cache) at log-spaced context lengths from 1 to
 * 10M tokens, in GiB or GB, from src/core/kvCache.ts. Points the core refuses (past 2^53 bytes at a huge batch) are
 * left out rather than drawn wrong.
 */
import { countParams } from '../../core/params';
import { kvCacheExact, MAX_TOKENS } from '../../core/kvCache';
import { weightBytes } from '../../core/memory';
import type { ModelSpec } from '../../core/modelSpec';
import { formatInteger } from '../../core/units';
import type { Marker, Series } from '../shared/LineChart';
import { tokensText } from './describe';
import { memoryOptions } from './model';
import type { CalculatorModel } from './spec';
import type { CalcState } from './state';

/** Grid points per decade of context (plus each model's window sizes, where its curve bends). */
export const POINTS_PER_DECADE = 3;

export interface ChartView {
  series: Series[];
  xLabel: string;
  yLabel: string;
  description: string;
}

/** Context lengths 1 … MAX_TOKENS, evenly spaced in log10, plus `knees` (window sizes) inside that range. */
export function chartTokens(knees: readonly number[] = []): number[] {
  const decades = Math.log10(MAX_TOKENS);
  const n = Math.round(decades * POINTS_PER_DECADE);
  const out = new Set<number>(knees.filter((k) => k >= 1 && k <= MAX_TOKENS));
  for (let i = 0; i <= n; i++) out.add(Math.round(10 ** ((decades * i) / n)));
  return [...out].sort((a, b) => a - b);
}

/** One series per model; the current model first. Does not depend on `state.tokens`. */
export function buildChart(
  models: readonly { model: CalculatorModel; spec: ModelSpec }[],
  state: CalcState,
): ChartView {
  const per = state.units === 'binary' ? 2 ** 30 : 1e9;
  const unit = state.units === 'binary' ? 'GiB' : 'GB';
  const options = memoryOptions(state);
  const series: Series[] = models.map(({ model, spec }, i) => {
    const weights =
      state.chart === 'total' && options.weightDtype ? weightBytes(countParams(spec).total, options.weightDtype) : 0;
    const knees = spec.layers.flatMap((l) => (l.window === null ? [] : [l.window]));
    const points = [];
    // kvCacheExact: the same bytes as kvCache without its summary sentences.
    for (const t of chartTokens(knees)) {
      const b = Number(kvCacheExact(spec, { ...options, tokens: t }).total) + weights;
      if (b > 0 && Number.isSafeInteger(b)) points.push({ x: t, y: b / per });
    }
    return { id: `${model.id}-${i}`, label: i === 0 ? `${model.name} (current)` : model.name, points, color: i + 1 };
  });
  const what = state.chart === 'total' ? 'weights + cache' : 'KV cache + state';
  return {
    series,
    xLabel: 'context length (tokens per sequence, log)',
    yLabel: `${what}, ${unit} (log)`,
    description:
      `${what} in ${unit} against context length, both axes logarithmic, at ${formatInteger(state.batch)} ` +
      `${state.batch === 1 ? 'sequence' : 'sequences'} and ${state.dtype}, for ${models.map((m) => m.model.name).join(', ')}.`,
  };
}

/** The chart's marker at the current context length (kept apart so moving the token slider redraws only it). */
export function chartMarkers(tokens: number): Marker[] {
  return [{ x: tokens, label: tokensText(tokens) }];
}
