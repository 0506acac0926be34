/** Messages between the page and the training Worker (structured-clone data only). */
import type { DatasetId } from '../../core/diffusion/data';

export interface StartMessage {
  type: 'start';
  dataset: DatasetId;
  /** N × 2 training points, their labels (0/1) and how many classes they carry. */
  points: Float32Array;
  labels: Int32Array;
  classes: 1 | 2;
  /** Adam steps to run. */
  steps: number;
  seed: number;
}

export type ToWorker = StartMessage | { type: 'stop' };

export type FromWorker =
  /** The Worker is importing jax-js and compiling its kernels. */
  | { type: 'loading' }
  /** jax-js is ready on `device`, after `ms` milliseconds. */
  | { type: 'ready'; device: string; ms: number }
  /** New (step, smoothed loss) points since the last message; `raw` is the latest unsmoothed loss. */
  | { type: 'progress'; step: number; points: { step: number; loss: number }[]; raw: number; stepsPerSecond: number }
  /** A preview during training: current weights and a few DDIM samples drawn in the Worker. */
  | { type: 'snapshot'; step: number; weights: Float32Array[]; samples: Float32Array; quality: number }
  /** Training ended (finished or stopped): the final weights. */
  | { type: 'done'; step: number; weights: Float32Array[]; stopped: boolean }
  | { type: 'error'; message: string };
