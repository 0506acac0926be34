/**
 * Memory accounting for the paging simulation (Kwon et al. 2023, arXiv:2309.06180 §3, Fig. 3): which slots hold a
 * token, which are reserved for tokens the request will still generate, which are reserved but never used (internal
 * fragmentation), and which free slots sit in holes too small for the next request (external fragmentation); plus the
 * free-block queue of the paged allocator (§4.2) and the first-fit placement of contiguous extents.
 */
/** One request of the trace. */
export interface TraceRequest {
  id: number;
  /** The step it arrives at. */
  arrival: number;
  /** Prompt tokens (written at admission). */
  prompt: number;
  /** The output limit the client asked for (max_tokens): what contiguous allocation must reserve. */
  maxNew: number;
  /** Tokens it actually generates before its end-of-sequence token (1 … maxNew). */
  output: number;
}

export interface PagingConfig {
  /** Token slots of KV-cache memory. */
  capacity: number;
  /** Tokens per block (paged allocation). */
  blockSize: number;
}

export type Allocator = 'contiguous' | 'paged';

/** Slot states in a memory map. */
export const SLOT = { free: 0, token: 1, future: 2, unused: 3, fragment: 4 } as const;

export interface StepMetrics {
  step: number;
  /** Slots holding a token. */
  used: number;
  /** Slots allocated to requests. */
  allocated: number;
  /** Allocated slots the owning request will fill later. */
  future: number;
  /** Allocated slots that will never hold a token (internal fragmentation). */
  unused: number;
  /** Free slots in holes too small for the first waiting request (external fragmentation). */
  fragmented: number;
  running: number;
  waiting: number;
  finished: number;
}

export interface PagingSummary {
  /** The step at which the last request finished. */
  steps: number;
  /** 1 − Σ used / Σ allocated over all steps: the share of reserved memory holding no token. */
  waste: number;
  /** Mean running requests per step (the decoding batch). */
  meanBatch: number;
  /** The largest external fragmentation seen, as a share of capacity. */
  peakFragmented: number;
  preemptions: number;
}

export interface PagingRun {
  metrics: StepMetrics[];
  /** Null when the run was stopped early by `until`. */
  summary: PagingSummary | null;
  /** The memory at the last simulated step: one SLOT code and one owner id (−1: none) per slot. */
  map: Uint8Array;
  owners: Int16Array;
}

export interface Live {
  req: TraceRequest;
  /** Tokens generated so far (kept across a preemption: the recompute prefill includes them). */
  generated: number;
  /** Contiguous: the first slot of the extent. Paged: the block ids in order. */
  start: number;
  blocks: number[];
}

/** Free block ids, first in first out (a freed block goes to the back), in a ring buffer. */
export class BlockQueue {
  private readonly ring: Int32Array;
  private head = 0;
  size: number;

  constructor(count: number) {
    this.ring = Int32Array.from({ length: count }, (_, b) => b);
    this.size = count;
  }

  take(): number {
    const block = this.ring[this.head] ?? 0;
    this.head = (this.head + 1) % this.ring.length;
    this.size -= 1;
    return block;
  }

  clone(): BlockQueue {
    const copy = Object.create(BlockQueue.prototype) as BlockQueue;
    return Object.assign(copy, { ring: Int32Array.from(this.ring), head: this.head, size: this.size });
  }

  give(blocks: readonly number[]): void {
    for (const b of blocks) {
      this.ring[(this.head + this.size) % this.ring.length] = b;
      this.size += 1;
    }
  }
}

export const final = (r: TraceRequest) => r.prompt + r.output;
export const reservation = (r: TraceRequest) => r.prompt + r.maxNew;

/** First-fit search of a hole of `size` slots among extents sorted by start; −1 when none fits. */
export function firstFit(running: readonly Live[], size: number, capacity: number): number {
  let cursor = 0;
  for (const l of [...running].sort((a, b) => a.start - b.start)) {
    if (l.start - cursor >= size) return cursor;
    cursor = l.start + reservation(l.req);
  }
  return capacity - cursor >= size ? cursor : -1;
}

/** Slots a request has been given: its reservation (contiguous) or its blocks (paged). */
const allocatedSlots = (l: Live, B: number, allocator: Allocator) =>
  allocator === 'contiguous' ? reservation(l.req) : l.blocks.length * B;

export function measure(
  step: number,
  running: readonly Live[],
  waiting: readonly Live[],
  finished: number,
  config: PagingConfig,
  allocator: Allocator,
): StepMetrics {
  let used = 0;
  let allocated = 0;
  let future = 0;
  for (const l of running) {
    const tokens = l.req.prompt + l.generated;
    const slots = allocatedSlots(l, config.blockSize, allocator);
    used += tokens;
    allocated += slots;
    future += Math.min(slots, final(l.req)) - tokens;
  }
  const fragmented = allocator === 'contiguous' ? externalFragment(running, waiting, config.capacity) : 0;
  return {
    step,
    used,
    allocated,
    future,
    unused: allocated - used - future,
    fragmented,
    running: running.length,
    waiting: waiting.length,
    finished,
  };
}

/**
 * External fragmentation: when the first waiting request finds no hole of its size although the free slots add up
 * to enough, all those free slots are fragmented; otherwise none are (free memory nobody waits for is not lost).
 */
function externalFragment(running: readonly Live[], waiting: readonly Live[], capacity: number): number {
  const head = waiting[0];
  if (!head || firstFit(running, reservation(head.req), capacity) >= 0) return 0;
  const free = holes(running, capacity).reduce((s, [a, b]) => s + (b - a), 0);
  return free >= reservation(head.req) ? free : 0;
}

/** Free [start, end) ranges between contiguous extents. */
function holes(running: readonly Live[], capacity: number): [number, number][] {
  const out: [number, number][] = [];
  let cursor = 0;
  for (const l of [...running].sort((a, b) => a.start - b.start)) {
    if (l.start > cursor) out.push([cursor, l.start]);
    cursor = l.start + reservation(l.req);
  }
  if (cursor < capacity) out.push([cursor, capacity]);
  return out;
}

export function memoryMap(
  running: readonly Live[],
  waiting: readonly Live[],
  config: PagingConfig,
  allocator: Allocator,
): { map: Uint8Array; owners: Int16Array } {
  const map = new Uint8Array(config.capacity);
  const owners = new Int16Array(config.capacity).fill(-1);
  const B = config.blockSize;
  for (const l of running) {
    const tokens = l.req.prompt + l.generated;
    const slots = allocatedSlots(l, B, allocator);
    for (let t = 0; t < slots; t++) {
      const slot = allocator === 'contiguous' ? l.start + t : (l.blocks[Math.floor(t / B)] ?? 0) * B + (t % B);
      map[slot] = t < tokens ? SLOT.token : t < final(l.req) ? SLOT.future : SLOT.unused;
      owners[slot] = l.req.id;
    }
  }
  if (allocator === 'contiguous' && externalFragment(running, waiting, config.capacity) > 0)
    for (const [a, b] of holes(running, config.capacity)) map.fill(SLOT.fragment, a, b);
  return { map, owners };
}

export function summarize(metrics: readonly StepMetrics[], capacity: number, preemptions: number): PagingSummary {
  let used = 0;
  let allocated = 0;
  let batch = 0;
  let peak = 0;
  for (const m of metrics) {
    used += m.used;
    allocated += m.allocated;
    batch += m.running;
    peak = Math.max(peak, m.fragmented);
  }
  return {
    steps: metrics.length,
    waste: allocated > 0 ? 1 - used / allocated : 0,
    meanBatch: metrics.length > 0 ? batch / metrics.length : 0,
    peakFragmented: peak / capacity,
    preemptions,
  };
}
