/**
 * The training Worker: loads jax-js only when training starts (a dynamic import, so the page never pays for it
 * otherwise), trains the toy denoiser with the shared trainer, and streams the loss, preview samples and the final
 * weights back. It yields to its message queue every few steps so a Stop request is seen promptly.
 */
import { meanNearestDistance, mlpEpsPredictor, mlpFromTensors } from '../../core/diffusion/mlp';
import { sample } from '../../core/diffusion/sample';
import { linearSchedule } from '../../core/diffusion/schedule';
import type { Dataset2D } from '../../core/diffusion/data';
import { TOY_T } from './config';
import type { FromWorker, StartMessage, ToWorker } from './protocol';
import { createTrainer, DEFAULT_TRAIN } from './trainer';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

/** Steps between preview snapshots and between progress messages (at most). */
const PREVIEW_EVERY = 250;
const PROGRESS_MS = 250;
const PREVIEW_POINTS = 200;

let stopRequested = false;
let running = false;

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function train(message: StartMessage): Promise<void> {
  running = true;
  stopRequested = false;
  scope.postMessage({ type: 'loading' });
  const started = performance.now();
  const jax = await import('@jax-js/jax');
  await jax.init('wasm');
  jax.defaultDevice('wasm');
  scope.postMessage({ type: 'ready', device: 'wasm', ms: Math.round(performance.now() - started) });

  const data: Dataset2D = {
    id: message.dataset,
    points: message.points,
    labels: message.labels,
    classes: message.classes,
  };
  const schedule = linearSchedule(TOY_T);
  const options = { ...DEFAULT_TRAIN, seed: message.seed, totalSteps: message.steps };
  const trainer = createTrainer(jax, data, schedule, options);
  let ema = 0;
  let pending: { step: number; loss: number }[] = [];
  let lastPost = performance.now();
  const t0 = performance.now();
  let step = 0;
  try {
    while (step < message.steps && !stopRequested) {
      const loss = await trainer.step();
      step += 1;
      ema = step === 1 ? loss : 0.95 * ema + 0.05 * loss;
      if (step % 10 === 0 || step === 1) pending.push({ step, loss: ema });
      const now = performance.now();
      if (now - lastPost > PROGRESS_MS || step === message.steps) {
        const stepsPerSecond = step / ((now - t0) / 1000);
        scope.postMessage({ type: 'progress', step, points: pending, raw: loss, stepsPerSecond });
        pending = [];
        lastPost = now;
        await yieldToQueue();
      }
      if (step % PREVIEW_EVERY === 0 && step < message.steps && !stopRequested) {
        const weights = await trainer.weights();
        const mlp = mlpFromTensors(options.mlp, weights);
        const { x } = sample(mlpEpsPredictor(mlp, TOY_T), {
          schedule,
          kind: 'ddim',
          steps: 20,
          n: PREVIEW_POINTS,
          dim: 2,
          seed: message.seed + step,
        });
        const quality = meanNearestDistance(x, data.points);
        scope.postMessage({ type: 'snapshot', step, weights, samples: x, quality });
      }
    }
    const weights = await trainer.weights();
    scope.postMessage(
      { type: 'done', step, weights, stopped: stopRequested },
      weights.map((w) => w.buffer),
    );
  } finally {
    trainer.dispose();
    running = false;
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'stop') {
    stopRequested = true;
    return;
  }
  if (running) return;
  train(message).catch((error: unknown) => {
    running = false;
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};
