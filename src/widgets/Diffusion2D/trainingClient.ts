/**
 * Starts the training Worker on demand (only when the user presses Train, so neither the Worker nor jax-js is fetched
 * before) and relays its messages. One Worker per run; it is terminated when the run ends.
 */
import type { FromWorker, StartMessage } from './protocol';

export interface TrainingRun {
  /** Asks the Worker to stop after its current step; it then sends the weights so far. */
  stop(): void;
  /** Ends the Worker at once (on unmount). */
  terminate(): void;
}

export function startTraining(start: StartMessage, onMessage: (message: FromWorker) => void): TrainingRun {
  const worker = new Worker(new URL('./train.worker.ts', import.meta.url), {
    type: 'module',
    name: 'diffusion-trainer',
  });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    onMessage(event.data);
    if (event.data.type === 'done' || event.data.type === 'error') end();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    onMessage({ type: 'error', message: event.message || 'the training Worker failed to start' });
    end();
  };
  worker.postMessage(start);
  return {
    stop: () => {
      if (!ended) worker.postMessage({ type: 'stop' });
    },
    terminate: end,
  };
}
