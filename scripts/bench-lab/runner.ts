// One measurement of `npm run bench:lab`, the same code in Node and in the browser Worker (both bundled by
// scripts/bench-lab.mjs, so tfjs-core, its gradients and the wasm backend share one module instance): a lab variant
// trained with jax-js on wasm or WebGPU, or the tfjs-wasm MHA baseline; returns throughput and losses.
import * as jax from '@jax-js/jax';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createLabSession, labData } from '../../src/lab/trainer';
import { parseVariantId } from '../../src/lab/variants';
import { measure } from './measure.mjs';
import { createTfjsTrainer } from './tfjs-gpt.mjs';

export interface BenchRequest {
  kind: 'jax' | 'tfjs';
  /** A lab variant id (jax only). */
  variant: string;
  device: 'wasm' | 'webgpu';
  warmup: number;
  steps: number;
}

export interface BenchResult {
  tokensPerSecond: number;
  msPerStep: number;
  losses: number[];
}

const data = labData();

/** Runs one measurement; `wasmPaths` is where tfjs finds its .wasm files (a URL prefix or a directory). */
export async function runBench(r: BenchRequest, wasmPaths: string): Promise<BenchResult> {
  if (r.kind === 'tfjs') {
    setWasmPaths(wasmPaths);
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs could not start its wasm backend');
    await tf.ready();
    const trainer = createTfjsTrainer(tf, data.train, data.vocab.length);
    return measure(() => trainer.step(), { warmup: r.warmup, steps: r.steps, tokensPerStep: 16 * 64 });
  }
  const variant = parseVariantId(r.variant);
  if (!variant) throw new Error(`unknown lab variant ${r.variant}`);
  const available = await jax.init(r.device);
  if (!available.includes(r.device)) throw new Error(`jax-js has no ${r.device} device here`);
  jax.defaultDevice(r.device);
  const session = createLabSession(jax, { variants: [variant], steps: 200, seed: 1 }, data);
  try {
    const step = async () => (await session.step())[0]?.loss ?? NaN;
    return await measure(step, { warmup: r.warmup, steps: r.steps, tokensPerStep: session.tokensPerStep });
  } finally {
    session.dispose();
  }
}
