/**
 * The page side of the training Worker: created on the first message (so neither the Worker nor jax-js is fetched
 * before the user starts a run), relaying its messages; one Worker serves every run of the page until unmount.
 */
import type { FromWorker, ToWorker } from './protocol';

export interface LabWorker {
  send(message: ToWorker): void;
  /** Ends the Worker at once (on unmount). */
  terminate(): void;
}

/** A lazily started lab Worker that reports every message (and failures as error messages) to `onMessage`. */
export function labWorker(onMessage: (message: FromWorker) => void): LabWorker {
  let worker: Worker | null = null;
  const ensure = () => {
    if (worker) return worker;
    const created = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'lab-trainer' });
    created.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
    created.onerror = (event) => {
      event.preventDefault();
      onMessage({ type: 'error', run: null, message: event.message || 'the training Worker failed to start' });
    };
    worker = created;
    return created;
  };
  return {
    send: (message) => ensure().postMessage(message),
    terminate: () => {
      worker?.terminate();
      worker = null;
    },
  };
}
