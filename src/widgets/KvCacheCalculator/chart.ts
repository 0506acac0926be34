/**
 * The memory-vs-context chart: for each model, cache (or weights + cache) at log-spaced context lengths from 1 to
 * 10M tokens, in GiB or GB, from src/core/kvCache.ts. Points the core refuses (past 2^53 bytes at a huge batch) are
 * left out rather than drawn wrong.
 */
import { countParams } from '../../core/params';
import { kvCache, MAX_TOKENS } from '../../core/kvCache';
import { weightBytes } from '../../core/memory';
import { InputError, type ModelSpec } from '../../core/modelSpec';
import { formatInteger } from '../../core/units';
import type { Marker, Series } from '../shared/LineChart';
import { memoryOptions } from './model';
import type { CalculatorModel } from './spec';
import type { CalcState } from './state';

/** Points per series. */
export const CHART_POINTS = 57;

export interface ChartView {
  series: Series[];
  markers: Marker[];
  xLabel: string;
  yLabel: string;
  description: string;
}

/** Context lengths 1 … MAX_TOKENS, evenly spaced in log10 (eight per decade). */
export function chartTokens(): number[] {
  const out = new Set<number>();
  for (let i = 0; i < CHART_POINTS; i++) out.add(Math.round(MAX_TOKENS ** (i / (CHART_POINTS - 1))));
  return [...out];
}

/** One series per model; the current model first. */
export function buildChart(
  models: readonly { model: CalculatorModel; spec: ModelSpec }[],
  state: CalcState,
): ChartView {
  const per = state.units === 'binary' ? 2 ** 30 : 1e9;
  const unit = state.units === 'binary' ? 'GiB' : 'GB';
  const options = memoryOptions(state);
  const tokens = chartTokens();
  const series: Series[] = models.map(({ model, spec }, i) => {
    const weights =
      state.chart === 'total' && options.weightDtype ? weightBytes(countParams(spec).total, options.weightDtype) : 0;
    const points = [];
    for (const t of tokens) {
      try {
        const b = kvCache(spec, { ...options, tokens: t }).bytes + weights;
        if (b > 0) points.push({ x: t, y: b / per });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
    return { id: `${model.id}-${i}`, label: i === 0 ? `${model.name} (current)` : model.name, points, color: i + 1 };
  });
  const what = state.chart === 'total' ? 'weights + cache' : 'KV cache + state';
  return {
    series,
    markers: [{ x: state.tokens, label: `${formatInteger(state.tokens)} tokens` }],
    xLabel: 'context length (tokens per sequence, log)',
    yLabel: `${what}, ${unit} (log)`,
    description:
      `${what} in ${unit} against context length, both axes logarithmic, at ${formatInteger(state.batch)} ` +
      `${state.batch === 1 ? 'sequence' : 'sequences'} and ${state.dtype}, for ${models.map((m) => m.model.name).join(', ')}.`,
  };
}
