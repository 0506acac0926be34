import { describe, expect, it } from 'vitest';
import { SLOT } from '../../core/paging';
import {
  CAPACITY,
  DEFAULT_STATE,
  PAINT,
  lastStep,
  paged,
  paintCells,
  readState,
  stepView,
  toUrl,
  traceView,
} from './model';

describe('paged KV view', () => {
  const run = paged(16);

  it('step 150: contiguous runs 9 requests with 48.6% of its reservation empty, 16-token blocks run 18 with 3.3%', () => {
    const v = stepView(run, 16, 150);
    expect(v.readout).toBe(
      'Step 150: contiguous allocation runs 9 requests with 48.6% of its reserved memory empty; paging with ' +
        '16-token blocks runs 18 requests with 3.3% of its reserved memory empty.',
    );
    expect(v.panels.map((p) => p.line)).toEqual([
      '9 running, 24 waiting · 1,806 tokens in 3,516 reserved slots (48.6% empty)',
      '18 running, 6 waiting · 3,867 tokens in 4,000 reserved slots (3.3% empty)',
    ]);
    expect(v.panels[0].cells).toHaveLength(CAPACITY);
  });

  it('the map counts agree with the line: 1,806 token cells on the contiguous side', () => {
    const cells = stepView(run, 16, 150).panels[0].cells;
    const tokens = cells.filter((c) => c === PAINT.tokenA || c === PAINT.tokenB).length;
    expect(tokens).toBe(1806);
  });

  it('once paging has finished, its panel says so while contiguous still runs', () => {
    const v = stepView(run, 16, 900);
    expect(v.readout).toBe(
      'Step 900: contiguous allocation runs 1 request with 35.1% of its reserved memory empty; paging with 16-token ' +
        'blocks has finished every request.',
    );
    expect(v.panels[1].line).toBe('All requests finished.');
  });

  it('the whole trace: 49.8% against 2.9% empty, batch 5.0 against 9.1, 1,120 against 622 steps', () => {
    const t = traceView(run, 16);
    expect(t.rows.map((r) => [r.contiguous, r.paged])).toEqual([
      ['49.8%', '2.9%'],
      ['5.0', '9.1'],
      ['1,120', '622'],
      ['40.9%', '0.0%'],
      ['0', '21'],
    ]);
    expect(t.sentence).toBe(
      'Over the whole simulated trace, 49.8% of contiguously reserved memory holds no token against 2.9% with ' +
        '16-token blocks; the paged cache runs 9.1 requests at a time instead of 5.0 and finishes the trace in 622 ' +
        'steps instead of 1,120.',
    );
    expect(t.series.every((s) => s.points.length <= 401 && s.points.every((p) => p.y >= 0 && p.y <= 100))).toBe(true);
  });

  it('larger blocks waste more: 256-token blocks leave 31.8% of the reservation empty', () => {
    expect(traceView(paged(256), 256).rows[0]!.paged).toBe('31.8%');
  });

  it('paints tokens of neighbouring requests in two tones', () => {
    const map = Uint8Array.from([SLOT.token, SLOT.token, SLOT.future, SLOT.unused, SLOT.free, SLOT.fragment]);
    const owners = Int16Array.from([2, 3, 3, 3, -1, -1]);
    expect([...paintCells(map, owners)]).toEqual([
      PAINT.tokenA,
      PAINT.tokenB,
      PAINT.future,
      PAINT.unused,
      PAINT.free,
      PAINT.fragment,
    ]);
  });
});

describe('paged KV state', () => {
  it('bad link values fall back with notes; the step is clamped to the last step', () => {
    const { state, notes } = readState(new URLSearchParams('paged.block=3&paged.step=99999'));
    expect(state).toEqual({ blockSize: 16, step: lastStep(paged(16)) });
    expect(notes).toEqual([
      'From the link: paged.block "3" is not one of 1, 2, 4, 8, 16, 32, 64, 128, 256; using 16.',
      'From the link: paged.step "99999" is not in the range 0–1119; using 1119.',
    ]);
  });

  it('leaves defaults out of the URL', () => {
    expect(toUrl(DEFAULT_STATE)).toEqual({ 'paged.block': undefined, 'paged.step': undefined });
    expect(toUrl({ blockSize: 64, step: 10 })).toEqual({ 'paged.block': 64, 'paged.step': 10 });
  });
});
