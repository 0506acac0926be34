/**
 * Everything the lab draws and reads out, derived from the run state and the variants' computed figures: the loss
 * chart's series, the per-variant metrics table, the status line and the live readout (the end-of-run summary is in
 * summary.ts). Pure; no DOM.
 */
import type { VariantMetrics } from '../../lab/metrics';
import { parseVariantId, shortLabel } from '../../lab/variants';
import type { CurvePoint } from '../../lab/record';
import { formatBytes, formatInteger } from '../../core/units';
import { compactNumber, formatFlops, formatParams } from '../shared/format';
import type { Series } from '../shared/LineChart';
import type { RunState, VariantRun } from './runState';

/** Losses are shown to three decimals, in nats per character. */
export const nats = (loss: number) => loss.toFixed(3);
export const lastOf = (points: readonly CurvePoint[]) => points.at(-1)?.[1] ?? null;

/** The chart: per variant its training loss (solid) and validation loss (dashed) in one colour. */
export interface ChartView {
  readonly series: Series[];
  readonly yDomain: [number, number];
  readonly description: string;
  /** One entry per variant (its colour) plus the key to the two line styles. */
  readonly legend: { label: string; color: string; dashed: boolean }[];
}

export function chartView(state: RunState): ChartView {
  const series: Series[] = state.variants.flatMap((v, i) => [
    { id: `${v.id}-train`, label: `${v.label} · train`, points: v.train.map(([x, y]) => ({ x, y })), color: i + 1 },
    {
      id: `${v.id}-val`,
      label: `${v.label} · validation`,
      points: v.val.map(([x, y]) => ({ x, y })),
      color: i + 1,
      dashed: true,
    },
  ]);
  const ys = state.variants.flatMap((v) => [...v.train, ...v.val].map(([, y]) => y)).filter(Number.isFinite);
  const low = ys.length ? Math.floor(Math.min(...ys) * 2) / 2 : 0;
  const high = ys.length ? Math.ceil(Math.max(...ys) * 2) / 2 : 4.5;
  const what = state.source === 'recorded' ? 'Recorded' : 'Live';
  const legend = [
    ...state.variants.map((v, i) => ({ label: v.label, color: `var(--series-${i + 1})`, dashed: false })),
    { label: 'training (5-step means)', color: 'var(--text-muted)', dashed: false },
    { label: 'validation', color: 'var(--text-muted)', dashed: true },
  ];
  return {
    series,
    legend,
    yDomain: [low, Math.max(high, low + 0.5)],
    description: `${what} loss curves, nats per character against training step: training loss (solid, means of 5 steps) and validation loss (dashed) of ${state.variants.map((v) => v.label).join(', ')}.`,
  };
}

/** One row of the metrics table; every cell is display text. */
export interface MetricsRow {
  readonly id: string;
  readonly label: string;
  readonly color: number;
  readonly params: string;
  readonly kv: string;
  readonly cache: string;
  readonly flops: string;
  readonly throughput: string;
  readonly train: string;
  readonly val: string;
}

export const metricsOf = (catalogue: readonly VariantMetrics[], id: string) => catalogue.find((m) => m.id === id);

/** The train loss shown: the latest raw loss of a live run, else the last 5-step mean. */
function trainLoss(v: VariantRun): number | null {
  return v.lastLoss ?? lastOf(v.train);
}

export function metricsRows(state: RunState, catalogue: readonly VariantMetrics[]): MetricsRow[] {
  return state.variants.map((v, i) => {
    const m = metricsOf(catalogue, v.id);
    const train = trainLoss(v);
    const val = lastOf(v.val);
    const params = m
      ? m.activeParams !== m.params
        ? `${formatParams(m.params)} (${formatParams(m.activeParams)} active)`
        : formatParams(m.params)
      : '–';
    const cache = m ? (m.stateBytes > 0 ? `${formatBytes(m.cacheBytes)} state` : formatBytes(m.cacheBytes)) : '–';
    return {
      id: v.id,
      label: v.label,
      color: i + 1,
      params,
      kv: m ? `${formatInteger(m.kvBytesPerToken)} B` : '–',
      cache,
      flops: m ? formatFlops(m.flopsPerToken) : '–',
      throughput: v.tokensPerSecond === null ? '–' : compactNumber(v.tokensPerSecond),
      train: train === null ? '–' : nats(train),
      val: val === null ? '–' : nats(val),
    };
  });
}

/** The status line above the chart. */
export function statusText(state: RunState): string {
  const steps = `${formatInteger(state.step)} of ${formatInteger(state.settings.steps)} steps`;
  switch (state.status) {
    case 'recorded':
      return `Recorded run: ${steps}, seed ${state.settings.seed}, trained with ${state.runtime}. Press Start to train these variants live in your browser.`;
    case 'loading':
      return 'Loading jax-js (about 100 KB) and compiling the models…';
    case 'training':
      return `Training live: ${steps} on ${state.device ?? 'wasm'}.`;
    case 'paused':
      return `Paused after ${steps}.`;
    case 'done':
      return `Done: ${steps} trained live on ${state.device ?? 'wasm'}.`;
    case 'error':
      return `Training stopped: ${state.error ?? 'unknown error'}.`;
  }
}

/** A variant's compact name from its id (the id itself if it does not parse). */
const short = (id: string) => {
  const v = parseVariantId(id);
  return v ? shortLabel(v) : id;
};

/** The live readout: status, step, and each variant's latest losses (compact names) and throughput. */
export function readout(state: RunState): string {
  const list = (pick: (v: VariantRun) => number | null, digits = 3) => {
    const parts = state.variants.flatMap((v) => {
      const value = pick(v);
      return value === null ? [] : [`${short(v.id)} ${value.toFixed(digits)}`];
    });
    return parts.length ? parts.join(', ') : null;
  };
  const head =
    state.status === 'recorded'
      ? 'Recorded run'
      : state.status === 'training'
        ? 'Training'
        : state.status === 'paused'
          ? 'Paused'
          : state.status === 'done'
            ? 'Done'
            : state.status === 'loading'
              ? 'Loading'
              : 'Stopped';
  const sentences = [`${head}, step ${formatInteger(state.step)} of ${formatInteger(state.settings.steps)}.`];
  const val = list((v) => lastOf(v.val));
  const train = state.source === 'browser' ? list(trainLoss) : null;
  const speed = state.variants.flatMap((v) =>
    v.tokensPerSecond === null ? [] : [`${short(v.id)} ${compactNumber(v.tokensPerSecond)}`],
  );
  if (train) sentences.push(`Training loss: ${train}.`);
  sentences.push(val ? `Validation loss (nats per character): ${val}.` : 'No validation loss yet.');
  if (speed.length) sentences.push(`Tokens per second: ${speed.join(', ')}.`);
  return sentences.join(' ');
}

/** Notes about the current view: chosen variants the recording lacks, a device fallback. */
export function runNotes(state: RunState): string[] {
  const notes: string[] = [];
  const missing = state.variants.filter((v) => v.train.length === 0 && v.val.length === 0);
  if (state.status === 'recorded' && missing.length)
    notes.push(
      `The recorded run has no curve for ${missing.map((v) => v.label).join(', ')}; press Start to train ${missing.length > 1 ? 'them' : 'it'}.`,
    );
  if (state.note) notes.push(state.note);
  return notes;
}
