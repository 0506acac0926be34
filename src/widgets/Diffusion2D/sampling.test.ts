import { describe, expect, it } from 'vitest';
import { initMlp } from '../../core/diffusion/mlp';
import { advanceRun, PATH_COUNT, runProgress, startRun } from './sampling';

const mlp = initMlp({ hidden: 8, depth: 2 }, 1);

describe('a sampling run', () => {
  it('starts at x_T with every traced path recorded at step 0', () => {
    const run = startRun(mlp, { kind: 'ddim', steps: 5, cls: 'none', guidance: 3, n: 100, seed: 4 });
    expect(run.traced.length).toBe(PATH_COUNT);
    expect(runProgress(run)).toEqual({ step: 0, total: 5, t: 100, done: false });
    const i = run.traced[1] ?? 0;
    expect(run.paths[6 * 2]).toBe(run.start[2 * i]);
    expect(run.tracedStart[2]).toBe(run.start[2 * i]);
    expect(run.tracedStart.length).toBe(PATH_COUNT * 2);
    expect(run.cond).toBeNull();
  });
  it('advances one step at a time, records each step, and ends at t = 0', () => {
    const run = startRun(mlp, { kind: 'ddpm', steps: 10, cls: 'a', guidance: 2, n: 20, seed: 4 });
    expect(run.traced.length).toBe(20);
    expect(Array.from(run.cond ?? [])).toEqual(new Array(20).fill(0));
    advanceRun(run);
    expect(runProgress(run).step).toBe(1);
    expect(runProgress(run).t).toBe(90);
    advanceRun(run, 100);
    expect(runProgress(run)).toEqual({ step: 10, total: 10, t: 0, done: true });
    const last = run.traced[3] ?? 0;
    expect(run.paths[(3 * 11 + 10) * 2]).toBe(run.sampler.x[2 * last]);
    expect(run.sampler.x.every(Number.isFinite)).toBe(true);
  });
  it('is seeded: the same settings give the same samples, class b conditions every point on 1', () => {
    const settings = { kind: 'ddim' as const, steps: 4, cls: 'b' as const, guidance: 1.5, n: 10, seed: 9 };
    const a = startRun(mlp, settings);
    const b = startRun(mlp, settings);
    advanceRun(a, 4);
    advanceRun(b, 4);
    expect(Array.from(a.sampler.x)).toEqual(Array.from(b.sampler.x));
    expect(Array.from(a.cond ?? [])).toEqual(new Array(10).fill(1));
  });
});
