import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagingTimeline, requestTrace, simulatePaging, SLOT, type TraceRequest } from './paging';

const req = (id: number, prompt: number, maxNew: number, output: number, arrival = 0): TraceRequest => ({
  id,
  arrival,
  prompt,
  maxNew,
  output,
});

describe('contiguous allocation (pre-allocate prompt + max_tokens)', () => {
  const trace = [req(0, 3, 8, 2), req(1, 2, 4, 4)];
  const run = simulatePaging(trace, { capacity: 16, blockSize: 4 }, 'contiguous');

  it('A reserves 11 slots and holds 4 tokens after step 0: 1 slot for its last token, 6 never used; B waits', () => {
    expect(run.metrics[0]).toEqual({
      step: 0,
      used: 4,
      allocated: 11,
      future: 1,
      unused: 6,
      fragmented: 0,
      running: 1,
      waiting: 1,
      finished: 0,
    });
  });

  it('B runs after A finishes; all done in 6 steps, 13 of 29 reserved slot-steps hold no token', () => {
    expect(run.metrics.map((m) => [m.used, m.allocated])).toEqual([
      [4, 11],
      [0, 0],
      [3, 6],
      [4, 6],
      [5, 6],
      [0, 0],
    ]);
    expect(run.summary).toEqual({ steps: 6, waste: 13 / 29, meanBatch: 4 / 6, peakFragmented: 0, preemptions: 0 });
  });

  it('the memory map at step 0: slots 0–3 tokens, 4 future, 5–10 never used, 11–15 free', () => {
    const { map, owners } = simulatePaging(trace, { capacity: 16, blockSize: 4 }, 'contiguous', 0);
    expect([...map]).toEqual([1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0]);
    expect([...owners.slice(0, 12)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1]);
  });

  it('external fragmentation: 8 free slots in two holes of 4 cannot take a 6-slot request', () => {
    const frag = [req(0, 2, 2, 1), req(1, 1, 3, 3), req(2, 2, 2, 1), req(3, 3, 3, 1)];
    const r = simulatePaging(frag, { capacity: 12, blockSize: 4 }, 'contiguous');
    expect(r.metrics.map((m) => m.fragmented)).toEqual([8, 8, 0, 0]);
    expect(r.summary?.peakFragmented).toBeCloseTo(8 / 12, 12);
    const { map } = simulatePaging(frag, { capacity: 12, blockSize: 4 }, 'contiguous', 1);
    expect([...map]).toEqual([4, 4, 4, 4, 1, 1, 1, 2, 4, 4, 4, 4]);
  });
});

describe('paged allocation (blocks on demand)', () => {
  const trace = [req(0, 3, 8, 2), req(1, 2, 4, 4)];

  it('both requests fit at once in 4-slot blocks; done in 4 steps with 4 of 20 slot-steps empty', () => {
    const run = simulatePaging(trace, { capacity: 16, blockSize: 4 }, 'paged');
    expect(run.metrics.map((m) => [m.used, m.allocated, m.running])).toEqual([
      [7, 8, 2],
      [4, 4, 1],
      [5, 8, 1],
      [0, 0, 0],
    ]);
    expect(run.summary).toMatchObject({ steps: 4, preemptions: 0, peakFragmented: 0 });
    expect(run.summary?.waste).toBeCloseTo(0.2, 12);
  });

  it("B's blocks are 1 and 3 at step 2: freed blocks go to the back of the free queue", () => {
    const { owners, map } = simulatePaging(trace, { capacity: 16, blockSize: 4 }, 'paged', 2);
    expect([...owners]).toEqual([-1, -1, -1, -1, 1, 1, 1, 1, -1, -1, -1, -1, 1, 1, 1, 1]);
    expect([...map.slice(12)]).toEqual([SLOT.token, SLOT.future, SLOT.unused, SLOT.unused]);
  });

  it('preempts the newest request when no block is free, and still finishes every request', () => {
    const tight = [req(0, 4, 8, 8), req(1, 4, 8, 8)];
    const run = simulatePaging(tight, { capacity: 16, blockSize: 4 }, 'paged');
    expect(run.summary?.preemptions).toBeGreaterThan(0);
    expect(run.metrics.at(-1)?.finished).toBe(2);
  });
});

describe('the seeded trace (40 requests, 4,096 slots)', () => {
  const trace = requestTrace();

  it('is reproducible: request 0 arrives at step 0 with an 82-token prompt, max_tokens 512, 144 tokens out', () => {
    expect(trace).toHaveLength(40);
    expect(trace[0]).toEqual({ id: 0, arrival: 0, prompt: 82, maxNew: 512, output: 144 });
    expect(requestTrace()).toEqual(trace);
  });

  it('contiguous wastes 49.8% of reserved memory and needs 1,120 steps; 16-token blocks waste 2.9% in 622', () => {
    const contiguous = simulatePaging(trace, { capacity: 4096, blockSize: 16 }, 'contiguous').summary!;
    const paged = simulatePaging(trace, { capacity: 4096, blockSize: 16 }, 'paged').summary!;
    expect(contiguous.steps).toBe(1120);
    expect(contiguous.waste).toBeCloseTo(0.498, 3);
    expect(paged.steps).toBe(622);
    expect(paged.waste).toBeCloseTo(0.0287, 4);
    expect(paged.meanBatch).toBeGreaterThan(contiguous.meanBatch);
  });

  it('the timeline replays any step to the same memory as a run stopped there', () => {
    const config = { capacity: 4096, blockSize: 8 };
    for (const allocator of ['contiguous', 'paged'] as const) {
      const timeline = pagingTimeline(trace, config, allocator, 32);
      for (const step of [0, 31, 32, 100, 333]) {
        const { map, owners } = simulatePaging(trace, config, allocator, step);
        expect(timeline.memoryAt(step)).toEqual({ map, owners });
      }
    }
  });
});

describe('invariants over random traces', () => {
  it('paged waste is under one block per running request; contiguous never over-commits; all requests finish', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom(1, 2, 4, 8, 16, 32, 64),
        (seed, count, blockSize) => {
          const trace = requestTrace(count, seed);
          const config = { capacity: 2048, blockSize };
          const paged = simulatePaging(trace, config, 'paged');
          const contiguous = simulatePaging(trace, config, 'contiguous');
          return (
            paged.summary !== null &&
            contiguous.summary !== null &&
            paged.metrics.every((m) => m.allocated - m.used <= (blockSize - 1) * m.running && m.fragmented === 0) &&
            contiguous.metrics.every((m) => m.allocated <= 2048 && m.used + m.future + m.unused === m.allocated)
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names a block size that does not divide the capacity, and a request larger than memory', () => {
    expect(() => simulatePaging([], { capacity: 100, blockSize: 16 }, 'paged')).toThrow(
      'blockSize must divide the capacity 100, got 16',
    );
    expect(() => simulatePaging([req(0, 90, 20, 5)], { capacity: 100, blockSize: 4 }, 'contiguous')).toThrow(
      'request 0 reserves 110 slots, more than the capacity',
    );
  });
});
