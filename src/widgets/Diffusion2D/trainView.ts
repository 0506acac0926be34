/**
 * The live-training panel as pure state: a reducer over the Worker's messages and the view (status sentence,
 * progress, loss-curve series, which buttons apply). Tested in Node.
 */
import { formatInteger } from '../../core/units';
import type { Series } from '../shared/LineChart';
import type { FromWorker } from './protocol';

export type TrainStatus = 'idle' | 'loading' | 'training' | 'done' | 'stopped' | 'error';

export interface TrainState {
  status: TrainStatus;
  step: number;
  total: number;
  /** Smoothed loss (EMA) every few steps. */
  points: { step: number; loss: number }[];
  firstLoss: number | null;
  lastLoss: number | null;
  stepsPerSecond: number | null;
  loadMs: number | null;
  error: string | null;
}

export const IDLE_TRAIN: TrainState = {
  status: 'idle',
  step: 0,
  total: 0,
  points: [],
  firstLoss: null,
  lastLoss: null,
  stepsPerSecond: null,
  loadMs: null,
  error: null,
};

/** The approximate download the Train button triggers (jax-js, gzip; notes/live-models.md §4). */
export const JAX_DOWNLOAD = '≈ 101 KB gzip';

/** State when the user presses Train for `total` steps. */
export function startTrain(total: number): TrainState {
  return { ...IDLE_TRAIN, status: 'loading', total };
}

/** Applies one Worker message. */
export function reduceTrain(state: TrainState, message: FromWorker): TrainState {
  switch (message.type) {
    case 'loading':
      return { ...state, status: 'loading' };
    case 'ready':
      return { ...state, status: 'training', loadMs: message.ms };
    case 'progress': {
      const points = [...state.points, ...message.points.filter((p) => Number.isFinite(p.loss))];
      const first = state.firstLoss ?? points[0]?.loss ?? null;
      return {
        ...state,
        status: 'training',
        step: message.step,
        points,
        firstLoss: first,
        lastLoss: points[points.length - 1]?.loss ?? state.lastLoss,
        stepsPerSecond: Number.isFinite(message.stepsPerSecond) ? message.stepsPerSecond : state.stepsPerSecond,
      };
    }
    case 'snapshot':
      return state;
    case 'done':
      return { ...state, status: message.stopped ? 'stopped' : 'done', step: message.step };
    case 'error':
      return { ...state, status: 'error', error: message.message };
  }
}

export interface TrainingView {
  statusText: string;
  /** 0 … 1 while training, null otherwise. */
  progress: number | null;
  series: Series[];
  busy: boolean;
  canStart: boolean;
  startLabel: string;
}

/** The most points the loss curve draws; longer runs are thinned evenly (the last point is always kept). */
export const MAX_CHART_POINTS = 250;

function thin<T>(points: T[]): T[] {
  if (points.length <= MAX_CHART_POINTS) return points;
  const every = Math.ceil(points.length / (MAX_CHART_POINTS - 1));
  return points.filter((_, i) => i % every === 0 || i === points.length - 1);
}

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(3));

/** What the training panel shows. `blocked` names why training cannot start (e.g. too few drawn points). */
export function trainingView(state: TrainState, blocked: string | null): TrainingView {
  const busy = state.status === 'loading' || state.status === 'training';
  const lossPart = `loss ${fmt(state.lastLoss)} (from ${fmt(state.firstLoss)})`;
  const statusText = {
    idle: `Not started. Training loads jax-js (${JAX_DOWNLOAD}) into a background thread; the page stays responsive.`,
    loading: `Loading jax-js (${JAX_DOWNLOAD}) in a background thread…`,
    training: `Step ${formatInteger(state.step)} of ${formatInteger(state.total)} · ${lossPart}${
      state.stepsPerSecond ? ` · ${Math.round(state.stepsPerSecond)} steps/s` : ''
    }`,
    done: `Finished ${formatInteger(state.step)} steps · ${lossPart}. Sampling with the new weights.`,
    stopped: `Stopped at step ${formatInteger(state.step)} · ${lossPart}. Sampling with the weights so far.`,
    error: `Training failed: ${state.error ?? 'unknown error'}.`,
  }[state.status];
  return {
    statusText,
    progress: busy && state.total > 0 ? Math.min(1, state.step / state.total) : null,
    series:
      state.points.length > 0
        ? [
            {
              id: 'loss',
              label: 'Training loss (smoothed)',
              points: thin(state.points).map((p) => ({ x: p.step, y: p.loss })),
            },
          ]
        : [],
    busy,
    canStart: !busy && blocked === null,
    startLabel: state.status === 'idle' || state.status === 'error' ? 'Train live' : 'Train again',
  };
}
