/**
 * One sampling run of the toy, advanced a step at a time so the page can animate the reverse process: the core
 * DDPM/DDIM sampler over the hand-written MLP, plus the recorded trajectories of a subset of points (start x_T, every
 * intermediate x, end x_0) for drawing paths. Pure: no DOM, no timers.
 */
import { mlpEpsPredictor, type Mlp } from '../../core/diffusion/mlp';
import { createSampler, type Sampler, type SamplerKind } from '../../core/diffusion/sample';
import { linearSchedule } from '../../core/diffusion/schedule';
import { TOY_T } from './config';

/** Which condition the samples get: none (∅, unconditional) or one of the two classes. */
export type ClassChoice = 'none' | 'a' | 'b';

export interface RunSettings {
  kind: SamplerKind;
  steps: number;
  cls: ClassChoice;
  guidance: number;
  n: number;
  seed: number;
}

/** Points whose whole trajectory is kept and drawn. */
export const PATH_COUNT = 48;

export interface SampleRun {
  readonly settings: RunSettings;
  readonly sampler: Sampler;
  /** x_T, N × 2. */
  readonly start: Float32Array;
  /** x_T of the traced points only (the rings at the start of each drawn path). */
  readonly tracedStart: Float32Array;
  /** The traced points' indices. */
  readonly traced: Int32Array;
  /** Trajectories: traced point p at step s is at paths[(p·(S + 1) + s)·2 …]. */
  readonly paths: Float32Array;
  /** Class per point, or null when unconditional. */
  readonly cond: Int32Array | null;
}

const schedule = linearSchedule(TOY_T);

/** Sets up a run (x_T drawn from the seed) without taking a step. */
export function startRun(mlp: Mlp, settings: RunSettings): SampleRun {
  const cond = settings.cls === 'none' ? null : new Int32Array(settings.n).fill(settings.cls === 'a' ? 0 : 1);
  const sampler = createSampler(mlpEpsPredictor(mlp, TOY_T), {
    schedule,
    kind: settings.kind,
    steps: settings.steps,
    n: settings.n,
    dim: 2,
    seed: settings.seed,
    cond,
    guidance: settings.guidance,
  });
  const count = Math.min(PATH_COUNT, settings.n);
  const traced = Int32Array.from({ length: count }, (_, p) => Math.floor((p * settings.n) / count));
  const paths = new Float32Array(count * (settings.steps + 1) * 2);
  const start = sampler.x.slice();
  const tracedStart = new Float32Array(count * 2);
  traced.forEach((i, p) => {
    tracedStart[2 * p] = start[2 * i] ?? 0;
    tracedStart[2 * p + 1] = start[2 * i + 1] ?? 0;
  });
  const run = { settings, sampler, start, tracedStart, traced, paths, cond };
  record(run);
  return run;
}

function record(run: SampleRun): void {
  const s = run.sampler.index;
  const stride = run.settings.steps + 1;
  run.traced.forEach((i, p) => {
    run.paths[(p * stride + s) * 2] = run.sampler.x[2 * i] ?? 0;
    run.paths[(p * stride + s) * 2 + 1] = run.sampler.x[2 * i + 1] ?? 0;
  });
}

/** Takes up to `maxSteps` denoising steps, recording the traced points after each. */
export function advanceRun(run: SampleRun, maxSteps = 1): void {
  for (let k = 0; k < maxSteps && !run.sampler.done; k++) {
    run.sampler.step();
    record(run);
  }
}

export interface RunProgress {
  step: number;
  total: number;
  /** The timestep the points are at now (0 when done). */
  t: number;
  done: boolean;
}

export function runProgress(run: SampleRun): RunProgress {
  const { index, times, done } = run.sampler;
  return { step: index, total: times.length - 1, t: times[index] ?? 0, done };
}
