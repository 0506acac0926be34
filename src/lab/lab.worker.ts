/**
 * The lab's training Worker: imports jax-js when the first run starts (so the page never pays for it before), trains
 * the chosen variants side by side with the shared loop, and streams curve points, throughput and router loads back.
 * Between rounds it yields to its message queue, so pause, reset, sample and attention requests are served within
 * one round of steps; sampling and attention run between rounds (never inside a step).
 */
import type * as JaxModule from '@jax-js/jax';
import { runLab } from './loop';
import type { FromWorker, LabDevice, StartMessage, ToWorker } from './protocol';
import { createRecorder } from './record';
import { createLabSession, labData, type LabData, type LabSession } from './trainer';
import { parseVariantId, variantLabel, type LabVariant } from './variants';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  navigator?: { gpu?: { requestAdapter(): Promise<unknown> } };
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

/** Progress messages at most this often (ms). */
const PROGRESS_MS = 150;

let jax: typeof JaxModule | null = null;
let device: LabDevice = 'wasm';
let data: LabData | null = null;
let session: LabSession | null = null;
let paused = false;
let stopped = false;
let running = false;
/** The id of the run being trained (from its start message); every run message carries it. */
let run = 0;
let wake: (() => void) | null = null;
const requests: ToWorker[] = [];

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Devices jax-js has been initialised on. */
const initialised = new Set<LabDevice>();

/** Imports jax-js and initialises the wanted device (each once), falling back to wasm; always answers 'ready'. */
async function load(wanted: LabDevice): Promise<typeof JaxModule> {
  const started = performance.now();
  if (!jax) post({ type: 'loading', run });
  const module = jax ?? (await import('@jax-js/jax'));
  jax = module;
  let note: string | null = null;
  if (wanted === 'webgpu' && !initialised.has('webgpu')) {
    const adapter = await scope.navigator?.gpu?.requestAdapter().catch(() => null);
    const available = adapter ? await module.init('webgpu').catch(() => []) : [];
    if (available.includes('webgpu')) initialised.add('webgpu');
  }
  device = wanted === 'webgpu' && initialised.has('webgpu') ? 'webgpu' : 'wasm';
  if (wanted === 'webgpu' && device === 'wasm')
    note = 'WebGPU was asked for but is not available here; training on wasm instead.';
  if (device === 'wasm' && !initialised.has('wasm')) {
    await module.init('wasm');
    initialised.add('wasm');
  }
  module.defaultDevice(device);
  data ??= labData();
  post({ type: 'ready', run, device, ms: Math.round(performance.now() - started), vocab: data.vocab, note });
  return module;
}

/** Serves queued sample/attention requests (between rounds or while paused). */
async function serveRequests(): Promise<void> {
  while (session && requests.length > 0) {
    const r = requests.shift();
    if (r?.type === 'sample')
      post({
        type: 'samples',
        run,
        step: session.steps,
        results: await session.sample(r.prompt, r.length, r.temperature, r.seed),
      });
    if (r?.type === 'attention') {
      const maps = await session.attention(r.prompt);
      const buffers = maps.flatMap((m) => (m.layers ?? []).map((l) => l.buffer));
      post({ type: 'attention', run, step: session.steps, maps }, buffers);
    }
  }
}

async function train(message: StartMessage): Promise<void> {
  running = true;
  paused = false;
  stopped = false;
  run = message.run;
  const variants = message.variants.map(parseVariantId).filter((v): v is LabVariant => v !== null);
  if (variants.length < 1) throw new RangeError('no valid variant ids to train');
  const module = await load(message.device);
  if (stopped) return;
  await disposeSession();
  const current = createLabSession(module, { variants, steps: message.steps, seed: message.seed }, data ?? labData());
  session = current;
  const recorder = createRecorder(
    variants.map((v, i) => ({ id: current.ids[i] ?? '', label: variantLabel(v) })),
    current.tokensPerStep,
  );
  let lastPost = 0;
  let routerLoads: { id: string; loads: number[][] }[] = [];
  const flush = (step: number) => {
    post({ type: 'progress', run, step, curves: recorder.drain(), routerLoads });
    lastPost = performance.now();
  };
  try {
    const done = await runLab(current, recorder, message.steps, {
      between: async () => {
        await yieldToQueue();
        await serveRequests();
        if (paused && !stopped) {
          flush(current.steps);
          post({ type: 'paused', run, step: current.steps });
          while (paused && !stopped) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            await serveRequests();
          }
          if (!stopped) post({ type: 'resumed', run, step: current.steps });
        }
        return !stopped;
      },
      stepped: (results) => {
        routerLoads = results
          .filter((r) => r.routerLoads.length > 0)
          .map((r) => ({ id: r.id, loads: r.routerLoads.map((l) => [...l]) }));
      },
      progress: (step) => {
        if (performance.now() - lastPost > PROGRESS_MS || step === message.steps) flush(step);
      },
    });
    if (stopped) return;
    flush(done);
    post({ type: 'done', run, step: done });
    // The finished models stay loaded for samples and attention maps until the next start or reset.
    running = false;
    await serveRequests();
  } finally {
    running = false;
  }
}

let pendingStart: StartMessage | null = null;
let resetAsked = false;
/** Work on the session when no run is training (samples, attention, reset, the next start) runs one at a time. */
let chain: Promise<void> = Promise.resolve();
const exclusive = (work: () => Promise<void>) => {
  chain = chain
    .then(work)
    .catch((error: unknown) =>
      post({ type: 'error', run, message: error instanceof Error ? error.message : String(error) }),
    );
};

/** Frees the current models. */
async function disposeSession(): Promise<void> {
  session?.dispose();
  session = null;
}

/** Trains `message`'s run, then handles a reset or start that arrived meanwhile. */
function begin(message: StartMessage): void {
  exclusive(async () => {
    try {
      await train(message);
    } finally {
      running = false;
      if (stopped) await disposeSession();
      if (resetAsked) {
        resetAsked = false;
        post({ type: 'reset' });
      }
      const next = pendingStart;
      pendingStart = null;
      if (next) begin(next);
    }
  });
}

/** Ends the current run before its next round (its models are freed when the loop has left). */
function stopRun(): void {
  stopped = true;
  paused = false;
  requests.length = 0;
  wake?.();
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      if (running) {
        pendingStart = message;
        stopRun();
      } else begin(message);
      return;
    case 'pause':
      paused = true;
      return;
    case 'resume':
      paused = false;
      wake?.();
      return;
    case 'reset':
      pendingStart = null;
      if (running) {
        resetAsked = true;
        stopRun();
      } else
        exclusive(async () => {
          await disposeSession();
          post({ type: 'reset' });
        });
      return;
    case 'sample':
    case 'attention':
      requests.push(message);
      if (running) wake?.();
      else exclusive(serveRequests);
      return;
  }
};
