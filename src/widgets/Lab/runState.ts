/**
 * The lab's run as pure state: a reducer over the training Worker's messages and the page's requests, starting
 * either from the recorded run (scripts/record-lab.ts) or from a fresh start, and the export of a run in the
 * recorded format (src/lab/record.ts).
 */
import type { FromWorker, LabDevice } from '../../lab/protocol';
import type { CurvePoint, LabRunRecord, RunSamples } from '../../lab/record';
import type { VariantAttention } from '../../lab/trainer';

export type RunStatus = 'recorded' | 'loading' | 'training' | 'paused' | 'done' | 'error';

export interface VariantRun {
  readonly id: string;
  readonly label: string;
  readonly train: readonly CurvePoint[];
  readonly val: readonly CurvePoint[];
  readonly tokensPerSecond: number | null;
  /** The latest raw training loss (live runs), null for the recorded run. */
  readonly lastLoss: number | null;
}

export interface AttentionView {
  readonly step: number;
  readonly prompt: string;
  readonly maps: readonly VariantAttention[];
}

export interface RunState {
  /** The run id sent to the Worker (0 for the recorded run); messages of other runs are ignored. */
  readonly run: number;
  readonly status: RunStatus;
  readonly source: 'recorded' | 'browser';
  readonly runtime: string;
  readonly settings: LabRunRecord['settings'];
  /** Steps every variant has taken. */
  readonly step: number;
  readonly variants: readonly VariantRun[];
  readonly routerLoads: readonly { id: string; loads: number[][] }[];
  readonly samples: RunSamples | null;
  readonly attention: AttentionView | null;
  readonly device: LabDevice | null;
  /** The vocabulary of the live models (prompts map onto it), null before the Worker is ready. */
  readonly vocab: string | null;
  readonly loadMs: number | null;
  /** A device fallback or similar remark from the Worker. */
  readonly note: string | null;
  readonly error: string | null;
  /** A sample or attention request is in flight: its prompt and parameters. */
  readonly pending: {
    readonly samples: Omit<RunSamples, 'results' | 'step'> | null;
    readonly attention: string | null;
  };
}

/** What the page does besides receiving Worker messages. */
export type LocalAction =
  | { type: 'request-samples'; prompt: string; temperature: number; seed: number }
  | { type: 'request-attention'; prompt: string };

const NO_PENDING = { samples: null, attention: null } as const;

/**
 * The page's first state: the recorded run's curves for the variants chosen, in their order; a chosen variant the
 * recording does not have gets empty curves (the view says so).
 */
export function recordedState(record: LabRunRecord, chosen: readonly { id: string; label: string }[]): RunState {
  const variants = chosen.map((v) => {
    const curve = record.curves.find((c) => c.id === v.id);
    return curve ? { ...curve, lastLoss: null } : { ...v, train: [], val: [], tokensPerSecond: null, lastLoss: null };
  });
  const results = record.samples?.results.filter((r) => variants.some((v) => v.id === r.id)) ?? [];
  return {
    run: 0,
    status: 'recorded',
    source: 'recorded',
    runtime: record.runtime,
    settings: record.settings,
    step: record.completed,
    variants,
    routerLoads: [],
    samples: record.samples ? { ...record.samples, results } : null,
    attention: null,
    device: null,
    vocab: null,
    loadMs: null,
    note: null,
    error: null,
    pending: NO_PENDING,
  };
}

/** A run just started: the Worker loads (or reuses) jax-js; curves are empty. */
export function startState(
  run: number,
  variants: readonly { id: string; label: string }[],
  steps: number,
  seed: number,
  batch: number,
  previous: RunState | null,
): RunState {
  return {
    run,
    status: 'loading',
    source: 'browser',
    runtime: '@jax-js/jax 0.1.25',
    settings: { variants: variants.map((v) => v.id), steps, seed, batch },
    step: 0,
    variants: variants.map((v) => ({ ...v, train: [], val: [], tokensPerSecond: null, lastLoss: null })),
    routerLoads: [],
    samples: null,
    attention: null,
    device: previous?.device ?? null,
    vocab: previous?.vocab ?? null,
    loadMs: null,
    note: null,
    error: null,
    pending: NO_PENDING,
  };
}

/** Applies a Worker message or a local action. */
export function reduceRun(state: RunState, message: FromWorker | LocalAction): RunState {
  if ('run' in message && message.run !== null && message.run !== state.run) return state;
  switch (message.type) {
    case 'request-samples': {
      const { prompt, temperature, seed } = message;
      return { ...state, pending: { ...state.pending, samples: { prompt, temperature, seed } } };
    }
    case 'request-attention':
      return { ...state, pending: { ...state.pending, attention: message.prompt } };
    case 'loading':
      return { ...state, status: 'loading' };
    case 'ready': {
      const runtime = `@jax-js/jax 0.1.25 (${message.device}, in this browser, ${state.variants.length} models in turn)`;
      return {
        ...state,
        status: 'training',
        device: message.device,
        vocab: message.vocab,
        loadMs: message.ms,
        note: message.note,
        runtime,
      };
    }
    case 'progress': {
      const variants = state.variants.map((v) => {
        const delta = message.curves.find((c) => c.id === v.id);
        if (!delta) return v;
        return {
          ...v,
          train: [...v.train, ...delta.train],
          val: [...v.val, ...delta.val],
          tokensPerSecond: delta.tokensPerSecond ?? v.tokensPerSecond,
          lastLoss: delta.lastLoss ?? v.lastLoss,
        };
      });
      const routerLoads = message.routerLoads.length ? message.routerLoads : state.routerLoads;
      const status = state.status === 'loading' ? 'training' : state.status;
      return { ...state, status, step: message.step, variants, routerLoads };
    }
    case 'paused':
      return state.status === 'training' ? { ...state, status: 'paused', step: message.step } : state;
    case 'resumed':
      return state.status === 'paused' ? { ...state, status: 'training' } : state;
    case 'done':
      return { ...state, status: 'done', step: message.step };
    case 'reset':
      // The page has already gone back to the recorded run; the Worker only confirms the models are freed.
      return state;
    case 'samples': {
      const request = state.pending.samples;
      const samples = request ? { ...request, step: message.step, results: message.results } : state.samples;
      return { ...state, samples, pending: { ...state.pending, samples: null } };
    }
    case 'attention': {
      const prompt = state.pending.attention ?? '';
      return {
        ...state,
        attention: { step: message.step, prompt, maps: message.maps },
        pending: { ...state.pending, attention: null },
      };
    }
    case 'error':
      return { ...state, status: 'error', error: message.message, pending: NO_PENDING };
  }
}

/** Whether the live models exist (samples and attention maps can be asked for). */
export function hasLiveModels(state: RunState): boolean {
  return state.source === 'browser' && ['training', 'paused', 'done'].includes(state.status) && state.vocab !== null;
}

/** The run in the exported format (same as the recorded run's file). */
export function toRecord(state: RunState): LabRunRecord {
  return {
    format: 'ai-arch-lab-run',
    version: 1,
    source: state.source,
    runtime: state.runtime,
    settings: state.settings,
    completed: state.step,
    curves: state.variants.map(({ lastLoss: _lastLoss, ...c }) => c),
    samples: state.samples,
  };
}
