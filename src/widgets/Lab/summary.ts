/**
 * The end-of-run summary: validation loss against the cache each variant needs and against its throughput. The
 * cache is taken at the full context of 64 tokens (KV core, windows capped, SSM state included), so a sliding
 * window or a state-space block gets credit for what it does not keep; the frontier marks variants no other beats
 * on both loss and cache. Pure.
 */
import type { VariantMetrics } from '../../lab/metrics';
import { formatBytes, formatInteger } from '../../core/units';
import { compactNumber } from '../shared/format';
import type { RunState, VariantRun } from './runState';
import { lastOf, metricsOf, nats } from './view';

/** One row of the summary; every cell is display text. */
export interface SummaryRow {
  readonly id: string;
  readonly label: string;
  readonly color: number;
  readonly val: string;
  /** Validation loss above the best, e.g. "+0.041" ("best" for the best). */
  readonly behind: string;
  readonly kv: string;
  /** Cache plus state of one sequence at 64 tokens. */
  readonly cache: string;
  /** The cache relative to the largest in the run, e.g. "0.25×". */
  readonly cacheShare: string;
  readonly throughput: string;
  /** Throughput relative to the fastest, e.g. "0.82×". */
  readonly speedShare: string;
  /** No other variant has both a lower (or equal) validation loss and a smaller (or equal) cache, one strictly. */
  readonly frontier: boolean;
}

export interface SummaryView {
  readonly rows: SummaryRow[];
  readonly sentences: string[];
}

interface Entry {
  readonly v: VariantRun;
  readonly i: number;
  readonly m: VariantMetrics;
  readonly val: number;
}

const cacheText = (m: VariantMetrics) =>
  m.kvBytesPerToken === 0 ? `${formatBytes(m.cacheBytes)} of fixed state` : formatBytes(m.cacheBytes);

/** The summary, sorted by validation loss; null until every variant has a validation loss. */
export function summaryView(state: RunState, catalogue: readonly VariantMetrics[]): SummaryView | null {
  const entries: Entry[] = [];
  for (const [i, v] of state.variants.entries()) {
    const m = metricsOf(catalogue, v.id);
    const val = lastOf(v.val);
    if (!m || val === null) return null;
    entries.push({ v, i, m, val });
  }
  if (entries.length === 0) return null;
  entries.sort((a, b) => a.val - b.val);
  const best = entries[0] as Entry;
  const maxCache = Math.max(...entries.map((e) => e.m.cacheBytes));
  const fastest = Math.max(...entries.map((e) => e.v.tokensPerSecond ?? 0));
  const dominated = (e: Entry) =>
    entries.some(
      (o) =>
        o !== e &&
        o.val <= e.val &&
        o.m.cacheBytes <= e.m.cacheBytes &&
        (o.val < e.val || o.m.cacheBytes < e.m.cacheBytes),
    );
  const rows = entries.map((e) => ({
    id: e.v.id,
    label: e.v.label,
    color: e.i + 1,
    val: nats(e.val),
    behind: e === best ? 'best' : `+${(e.val - best.val).toFixed(3)}`,
    kv: `${formatInteger(e.m.kvBytesPerToken)} B`,
    cache: cacheText(e.m),
    cacheShare: maxCache > 0 ? `${(e.m.cacheBytes / maxCache).toFixed(2)}×` : '–',
    throughput: e.v.tokensPerSecond === null ? '–' : compactNumber(e.v.tokensPerSecond),
    speedShare: e.v.tokensPerSecond === null || fastest <= 0 ? '–' : `${(e.v.tokensPerSecond / fastest).toFixed(2)}×`,
    frontier: !dominated(e),
  }));
  const smallest = [...entries].sort((a, b) => a.m.cacheBytes - b.m.cacheBytes || a.val - b.val)[0] ?? best;
  const quickest = [...entries].sort((a, b) => (b.v.tokensPerSecond ?? 0) - (a.v.tokensPerSecond ?? 0))[0] ?? best;
  const sameCache = entries.every((e) => e.m.cacheBytes === best.m.cacheBytes);
  const cacheSentence = sameCache
    ? `All of them keep the same cache at 64 tokens (${cacheText(best.m)}).`
    : smallest === best
      ? `It also keeps the smallest cache at 64 tokens: ${cacheText(best.m)}.`
      : `Smallest cache at 64 tokens: ${smallest.v.label}, ${cacheText(smallest.m)} against ${cacheText(best.m)}, for ${(smallest.val - best.val).toFixed(3)} nats more.`;
  const sentences = [
    `Lowest validation loss: ${best.v.label}, ${nats(best.val)} nats per character after ${formatInteger(state.step)} steps.`,
    cacheSentence,
    quickest.v.tokensPerSecond
      ? `Fastest in this run: ${quickest.v.label}, ${compactNumber(quickest.v.tokensPerSecond)} tokens/s (each model's own step time; the models take turns).`
      : 'Throughput is measured while training live.',
    `Differences of a few hundredths of a nat are within the noise of one seed and ${formatInteger(state.step)} steps.`,
  ];
  return { rows, sentences };
}
