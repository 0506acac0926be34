/**
 * The paged-KV widget's view-model: a seeded trace of requests run through src/core/paging under contiguous
 * allocation (each request reserves prompt + max_tokens up front) and paged allocation (blocks on demand, vLLM §4),
 * with the memory maps at one decoding step, the share of reserved memory holding no token over time, the whole-trace
 * summary and the sentences. The trace is simulated; the accounting is exact for it.
 */
import {
  pagingTimeline,
  requestTrace,
  SLOT,
  type PagingTimeline,
  type StepMetrics,
  type TraceRequest,
} from '../../core/paging';
import { formatInteger } from '../../core/units';
import type { Series } from '../shared/LineChart';
import { ParamReader, prefixed } from '../shared/params';

/** Token slots of KV memory in the simulation (a 64 × 64 map). */
export const CAPACITY = 4096;
export const COLUMNS = 64;
export const BLOCK_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256] as const;
export type BlockSize = (typeof BLOCK_SIZES)[number];
export const REQUESTS = 40;
/** Steps between checkpoints of a timeline: moving the step slider replays fewer than this many steps. */
const CHECKPOINT_EVERY = 16;

export interface PagedState {
  blockSize: BlockSize;
  step: number;
}

export const DEFAULT_STATE: PagedState = { blockSize: 16, step: 150 };

const PREFIX = 'paged';

/** The simulated trace every view uses. */
export const TRACE: readonly TraceRequest[] = requestTrace(REQUESTS);

/** Contiguous allocation does not depend on the block size: one timeline for every view. */
let contiguousTimeline: PagingTimeline | undefined;
export function contiguous(): PagingTimeline {
  contiguousTimeline ??= pagingTimeline(TRACE, { capacity: CAPACITY, blockSize: 1 }, 'contiguous', CHECKPOINT_EVERY);
  return contiguousTimeline;
}

export function paged(blockSize: BlockSize): PagingTimeline {
  return pagingTimeline(TRACE, { capacity: CAPACITY, blockSize }, 'paged', CHECKPOINT_EVERY);
}

/** The last step either allocator needs (the slider's maximum). */
export function lastStep(pagedRun: PagingTimeline): number {
  return Math.max(contiguous().metrics.length, pagedRun.metrics.length) - 1;
}

export function readState(query: URLSearchParams, base: PagedState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const blockSize = r.choice('block', BLOCK_SIZES, base.blockSize);
  const step = r.int('step', 0, lastStep(paged(blockSize)), base.step);
  return { state: { blockSize, step }, notes: r.notes };
}

export function toUrl(s: PagedState) {
  return prefixed(PREFIX, { block: [s.blockSize, DEFAULT_STATE.blockSize], step: [s.step, DEFAULT_STATE.step] });
}

/** Palette indices of a memory map cell. */
export const PAINT = { free: 0, tokenA: 1, tokenB: 2, future: 3, unused: 4, fragment: 5 } as const;

/** PAINT index of each SLOT code (tokens get their tone from the owner). */
const PAINT_OF_SLOT = [PAINT.free, PAINT.tokenA, PAINT.future, PAINT.unused, PAINT.fragment];

/** One palette index per slot: tokens alternate two tones by request so neighbouring requests stay apart. */
export function paintCells(map: Uint8Array, owners: Int16Array): Uint8Array {
  const out = new Uint8Array(map.length);
  for (let i = 0; i < map.length; i++) {
    const state = map[i] as number;
    out[i] = state === SLOT.token ? PAINT.tokenA + ((owners[i] as number) & 1) : (PAINT_OF_SLOT[state] as number);
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const emptyShare = (m: StepMetrics | undefined) => (m && m.allocated > 0 ? (m.allocated - m.used) / m.allocated : 0);

export interface PanelView {
  title: string;
  cells: Uint8Array;
  /** One line of figures at this step. */
  line: string;
}

function panelLine(m: StepMetrics | undefined, done: boolean): string {
  if (!m || done) return 'All requests finished.';
  const fragmented = m.fragmented > 0 ? ` · ${formatInteger(m.fragmented)} free slots fragmented` : '';
  return (
    `${m.running} running, ${m.waiting} waiting · ${formatInteger(m.used)} tokens in ${formatInteger(m.allocated)} ` +
    `reserved slots (${pct(emptyShare(m))} empty)${fragmented}`
  );
}

export interface PagedView {
  panels: [PanelView, PanelView];
  readout: string;
}

/** The two memory maps and the readout at `step`. */
export function stepView(pagedRun: PagingTimeline, blockSize: BlockSize, step: number): PagedView {
  const c = contiguous();
  const at = (t: PagingTimeline) => {
    const done = step >= t.metrics.length;
    const memory = t.memoryAt(Math.min(step, t.metrics.length - 1));
    return { m: t.metrics[Math.min(step, t.metrics.length - 1)], done, memory };
  };
  const left = at(c);
  const right = at(pagedRun);
  const blocks = `${blockSize}-token block${blockSize === 1 ? '' : 's'}`;
  const side = (label: string, x: ReturnType<typeof at>) =>
    x.done
      ? `${label} has finished every request`
      : `${label} runs ${x.m?.running ?? 0} request${x.m?.running === 1 ? '' : 's'} with ${pct(emptyShare(x.m))} of its reserved memory empty`;
  return {
    panels: [
      {
        title: 'Contiguous: reserve prompt + max_tokens',
        cells: left.done ? new Uint8Array(CAPACITY) : paintCells(left.memory.map, left.memory.owners),
        line: panelLine(left.m, left.done),
      },
      {
        title: `Paged: ${blocks} on demand`,
        cells: right.done ? new Uint8Array(CAPACITY) : paintCells(right.memory.map, right.memory.owners),
        line: panelLine(right.m, right.done),
      },
    ],
    readout: `Step ${formatInteger(step)}: ${side('contiguous allocation', left)}; ${side(`paging with ${blocks}`, right)}.`,
  };
}

export interface TraceView {
  series: Series[];
  rows: { label: string; contiguous: string; paged: string }[];
  sentence: string;
}

function wasteSeries(id: string, label: string, metrics: readonly StepMetrics[], color: number): Series {
  const stride = Math.max(1, Math.ceil(metrics.length / 400));
  const points = metrics
    .filter((m, i) => i % stride === 0 && m.allocated > 0)
    .map((m) => ({ x: m.step, y: 100 * emptyShare(m) }));
  return { id, label, points, color };
}

/** The whole-trace chart, summary table and sentence for a block size. */
export function traceView(pagedRun: PagingTimeline, blockSize: BlockSize): TraceView {
  const c = contiguous();
  const a = c.summary;
  const b = pagedRun.summary;
  const row = (label: string, f: (s: NonNullable<typeof a>) => string) => ({
    label,
    contiguous: a ? f(a) : '–',
    paged: b ? f(b) : '–',
  });
  return {
    series: [
      wasteSeries('contiguous', 'Contiguous', c.metrics, 2),
      wasteSeries('paged', `Paged, ${blockSize}-token blocks`, pagedRun.metrics, 1),
    ],
    rows: [
      row('Reserved memory holding no token', (s) => pct(s.waste)),
      row('Mean running requests (batch)', (s) => s.meanBatch.toFixed(1)),
      row(`Steps to finish all ${REQUESTS} requests`, (s) => formatInteger(s.steps)),
      row('Peak external fragmentation', (s) => pct(s.peakFragmented)),
      row('Preemptions (recomputed later)', (s) => formatInteger(s.preemptions)),
    ],
    sentence:
      a && b
        ? `Over the whole simulated trace, ${pct(a.waste)} of contiguously reserved memory holds no token against ` +
          `${pct(b.waste)} with ${blockSize}-token blocks; the paged cache runs ${b.meanBatch.toFixed(1)} requests at a ` +
          `time instead of ${a.meanBatch.toFixed(1)} and finishes the trace in ${formatInteger(b.steps)} steps ` +
          `instead of ${formatInteger(a.steps)}.`
        : 'The simulation did not finish.',
  };
}
