/** Messages between the lab page and its training Worker (structured-clone data only). */
import type { CurveDelta } from './record';
import type { VariantAttention } from './trainer';

/** Where jax-js runs: wasm (default, every browser) or WebGPU (offered when the browser has an adapter). */
export type LabDevice = 'wasm' | 'webgpu';

export interface StartMessage {
  type: 'start';
  /** Chosen by the page; every message about this run carries it, so late messages of an old run are ignored. */
  run: number;
  /** Variant ids (variants.ts), two to four. */
  variants: string[];
  steps: number;
  seed: number;
  device: LabDevice;
}

export type ToWorker =
  | StartMessage
  | { type: 'pause' }
  | { type: 'resume' }
  /** Ends the run and frees its models; the Worker stays ready for the next start. */
  | { type: 'reset' }
  | { type: 'sample'; prompt: number[]; length: number; temperature: number; seed: number }
  | { type: 'attention'; prompt: number[] };

/** Messages about one run; `run` is the id from its start message. */
export type RunMessage =
  /** Importing jax-js and compiling. */
  | { type: 'loading'; run: number }
  /** jax-js is ready on `device` (after `ms`); the vocabulary maps prompt characters to ids. */
  | { type: 'ready'; run: number; device: LabDevice; ms: number; vocab: string; note: string | null }
  /** New curve points and current throughput since the last message. */
  | {
      type: 'progress';
      run: number;
      step: number;
      curves: CurveDelta[];
      routerLoads: { id: string; loads: number[][] }[];
    }
  | { type: 'paused'; run: number; step: number }
  | { type: 'resumed'; run: number; step: number }
  | { type: 'done'; run: number; step: number }
  | { type: 'samples'; run: number; step: number; results: { id: string; text: string }[] }
  | { type: 'attention'; run: number; step: number; maps: VariantAttention[] }
  /** `run` is null when the Worker itself failed (e.g. could not load). */
  | { type: 'error'; run: number | null; message: string };

export type FromWorker =
  | RunMessage
  /** The run was ended and its models freed. */
  | { type: 'reset' };
