/**
 * The training loop of a lab run, shared by the browser Worker and the Node scripts: validation before the first
 * step, then one step of every variant per round, validation on the schedule of record.ts, and a hook between
 * rounds where the caller yields, pauses, serves sample/attention requests or stops.
 */
import { isValidationStep, type Recorder } from './record';
import type { LabSession, VariantStep } from './trainer';

export interface LoopHooks {
  /** Runs before every round; resolve false to stop the loop (the run can be continued by calling runLab again). */
  between(): Promise<boolean>;
  /** Called after every round and validation, with the steps done so far. */
  progress(step: number): void;
  /** Sees every round's per-variant results (losses, times, router loads). */
  stepped?(results: readonly VariantStep[]): void;
}

/** Trains `session` up to `total` steps, recording into `recorder`; returns the steps done. */
export async function runLab(
  session: LabSession,
  recorder: Recorder,
  total: number,
  hooks: LoopHooks,
): Promise<number> {
  if (session.steps === 0) {
    recorder.addValidation(0, await session.validate());
    hooks.progress(0);
  }
  while (session.steps < total) {
    if (!(await hooks.between())) break;
    const results = await session.step();
    const step = session.steps;
    recorder.addStep(step, results);
    hooks.stepped?.(results);
    if (isValidationStep(step, total)) recorder.addValidation(step, await session.validate());
    hooks.progress(step);
  }
  return session.steps;
}
