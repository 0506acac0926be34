/**
 * KV-cache memory management compared on a simulated request trace (Kwon et al. 2023, "Efficient Memory Management for
 * Large Language Model Serving with PagedAttention", arXiv:2309.06180). §3: systems that store each request's cache
 * contiguously pre-allocate its maximum length, so memory is lost to slots reserved for tokens not yet generated, to
 * internal fragmentation (reserved but never used, because the output ended early) and to external fragmentation
 * (free memory split into holes too small for the next request). §4.1–4.2: PagedAttention stores the cache in
 * fixed-size blocks mapped through a block table and allocates a block only when the previous one is full, so the only
 * waste is the unfilled tail of each request's last block, and any free block serves any request. Scheduling follows
 * §4.5: first come, first served; when a paged request needs a block and none is free, the most recently admitted
 * request is preempted (its blocks freed, recomputed later).
 *
 * Time advances in decoding steps: at each step every running request appends one token. Memory is counted in token
 * slots. The trace is simulated (seeded), not measured.
 */
import { InputError, positiveInt } from './modelSpec';
import {
  BlockQueue,
  firstFit,
  measure,
  memoryMap,
  reservation,
  summarize,
  type Allocator,
  type Live,
  type PagingConfig,
  type PagingRun,
  type PagingSummary,
  type StepMetrics,
  type TraceRequest,
} from './pagingMemory';
import { mulberry32 } from './random';

export {
  SLOT,
  type Allocator,
  type PagingConfig,
  type PagingRun,
  type PagingSummary,
  type StepMetrics,
  type TraceRequest,
} from './pagingMemory';

/** The largest capacity accepted (token slots). */
export const MAX_CAPACITY = 1 << 16;
const MAX_STEPS = 200_000;

/** A seeded trace: arrival gaps of 0–6 steps, prompts of 16–256 tokens, max_tokens 128/256/512, outputs 8…max. */
export function requestTrace(count = 40, seed = 2309): TraceRequest[] {
  positiveInt('count', count, 1000);
  const rng = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  let arrival = 0;
  return Array.from({ length: count }, (_, id) => {
    if (id > 0) arrival += int(0, 6);
    const maxNew = [128, 256, 512][int(0, 2)] ?? 256;
    return { id, arrival, prompt: int(16, 256), maxNew, output: int(8, maxNew) };
  });
}
function checkConfig(trace: readonly TraceRequest[], config: PagingConfig): void {
  positiveInt('capacity', config.capacity, MAX_CAPACITY);
  positiveInt('blockSize', config.blockSize, config.capacity);
  if (config.capacity % config.blockSize !== 0)
    throw new InputError('blockSize', `blockSize must divide the capacity ${config.capacity}, got ${config.blockSize}`);
  for (const r of trace)
    if (reservation(r) > config.capacity)
      throw new InputError('trace', `request ${r.id} reserves ${reservation(r)} slots, more than the capacity`);
}
/**
 * The trace running under one allocator, one decoding step per `advance()`. `clone()` copies the whole state, so a
 * timeline can keep checkpoints and replay any step quickly.
 */
export class PagingSimulator {
  private pending: TraceRequest[];
  private waiting: Live[] = [];
  private running: Live[] = [];
  private free: BlockQueue;
  private finished = 0;
  /** Preempted requests so far (paged only). */
  preemptions = 0;
  /** The next step to simulate. */
  step = 0;

  constructor(
    private readonly trace: readonly TraceRequest[],
    private readonly config: PagingConfig,
    private readonly allocator: Allocator,
  ) {
    checkConfig(trace, config);
    this.pending = [...trace].sort((a, b) => a.arrival - b.arrival || a.id - b.id);
    this.free = new BlockQueue(config.capacity / config.blockSize);
  }

  /** Every request has finished. */
  get done(): boolean {
    return this.finished === this.trace.length;
  }

  clone(): PagingSimulator {
    const copy = Object.create(PagingSimulator.prototype) as PagingSimulator;
    const live = (l: Live): Live => ({ ...l, blocks: [...l.blocks] });
    Object.assign(copy, this, {
      pending: [...this.pending],
      waiting: this.waiting.map(live),
      running: this.running.map(live),
      free: this.free.clone(),
    });
    return copy;
  }

  private blocksFor(tokens: number): number {
    return Math.ceil(tokens / this.config.blockSize);
  }

  private admit(live: Live): boolean {
    if (this.allocator === 'contiguous') {
      const start = firstFit(this.running, reservation(live.req), this.config.capacity);
      if (start < 0) return false;
      live.start = start;
    } else {
      const need = this.blocksFor(live.req.prompt + live.generated);
      if (this.free.size < need) return false;
      live.blocks = Array.from({ length: need }, () => this.free.take());
    }
    this.running.push(live);
    return true;
  }

  /** Paged: gives `live` the blocks its tokens need, preempting the newest request while none is free. */
  private grow(live: Live): void {
    while (this.blocksFor(live.req.prompt + live.generated) > live.blocks.length) {
      if (this.free.size > 0) {
        live.blocks.push(this.free.take());
        continue;
      }
      const victim = this.running.pop() as Live;
      this.free.give(victim.blocks);
      victim.blocks = [];
      this.waiting.unshift(victim);
      this.preemptions += 1;
      if (victim === live) {
        live.generated -= 1;
        return;
      }
    }
  }

  /** Simulates one step: arrivals, first-come-first-served admission, one token per running request, releases. */
  advance(): StepMetrics {
    const step = this.step;
    while (this.pending.length && (this.pending[0]?.arrival ?? Infinity) <= step)
      this.waiting.push({ req: this.pending.shift() as TraceRequest, generated: 0, start: 0, blocks: [] });
    while (this.waiting.length && this.admit(this.waiting[0] as Live)) this.waiting.shift();
    for (const live of [...this.running]) {
      if (this.allocator === 'paged' && live.blocks.length === 0) continue;
      live.generated += 1;
      if (this.allocator === 'paged') this.grow(live);
    }
    for (const l of this.running) if (l.generated >= l.req.output) this.free.give(l.blocks);
    const before = this.running.length;
    this.running = this.running.filter((l) => l.generated < l.req.output);
    this.finished += before - this.running.length;
    this.step += 1;
    return measure(step, this.running, this.waiting, this.finished, this.config, this.allocator);
  }

  /** The memory now: one SLOT code and one owner id (−1: none) per slot. */
  memory(): { map: Uint8Array; owners: Int16Array } {
    return memoryMap(this.running, this.waiting, this.config, this.allocator);
  }
}

/** Simulates the trace under one allocator up to step `until` (default: until every request has finished). */
export function simulatePaging(
  trace: readonly TraceRequest[],
  config: PagingConfig,
  allocator: Allocator,
  until = Infinity,
): PagingRun {
  const sim = new PagingSimulator(trace, config, allocator);
  const metrics: StepMetrics[] = [];
  while (!sim.done && sim.step <= Math.min(until, MAX_STEPS)) metrics.push(sim.advance());
  return {
    metrics,
    summary: sim.done ? summarize(metrics, config.capacity, sim.preemptions) : null,
    ...sim.memory(),
  };
}

/** A whole run with checkpoints: `memoryAt(step)` replays at most `every − 1` steps from the nearest one. */
export interface PagingTimeline {
  metrics: StepMetrics[];
  summary: PagingSummary | null;
  memoryAt(step: number): { map: Uint8Array; owners: Int16Array };
}

/** Runs the trace to the end, keeping a checkpoint every `every` steps. */
export function pagingTimeline(
  trace: readonly TraceRequest[],
  config: PagingConfig,
  allocator: Allocator,
  every = 32,
): PagingTimeline {
  const sim = new PagingSimulator(trace, config, allocator);
  const checkpoints: PagingSimulator[] = [];
  const metrics: StepMetrics[] = [];
  while (!sim.done && sim.step <= MAX_STEPS) {
    if (sim.step % every === 0) checkpoints.push(sim.clone());
    metrics.push(sim.advance());
  }
  const last = Math.max(0, metrics.length - 1);
  return {
    metrics,
    summary: sim.done ? summarize(metrics, config.capacity, sim.preemptions) : null,
    memoryAt(step) {
      const target = Math.min(last, Math.max(0, Math.floor(step)));
      const replay = (checkpoints[Math.floor(target / every)] ?? checkpoints[0] ?? sim).clone();
      while (replay.step <= target && !replay.done) replay.advance();
      return replay.memory();
    },
  };
}
