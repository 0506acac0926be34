#!/usr/bin/env node
// `npm run train:diffusion`: seeded, deterministic pre-training of the 2-D diffusion toy's MLP denoiser in Node with
// the same jax-js code the browser Worker runs (src/widgets/Diffusion2D/trainer.ts). Writes one f16 binary per
// dataset plus manifest.json to public/models/diffusion/, committed so pages load weights instantly; the build and
// CI never retrain. Flags: --steps N (default PRETRAIN_STEPS), --only moons|spiral.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as jax from '@jax-js/jax';
import { format } from 'prettier';
import { toyDataset } from '../src/core/diffusion/data';
import { meanNearestDistance, mlpEpsPredictor } from '../src/core/diffusion/mlp';
import { sample } from '../src/core/diffusion/sample';
import { linearSchedule } from '../src/core/diffusion/schedule';
import {
  encodeF16,
  f16Bytes,
  mlpFromBinary,
  tensorEntries,
  type ModelEntry,
  type WeightManifest,
} from '../src/core/diffusion/weights';
import {
  DATA_POINTS,
  DATA_SEED,
  EVAL_SAMPLER,
  PRETRAIN_STEPS,
  SAMPLE_POINTS,
  SAMPLE_SEED,
  TOY_T,
} from '../src/widgets/Diffusion2D/config';
import { createTrainer, DEFAULT_TRAIN } from '../src/widgets/Diffusion2D/trainer';

const OUT = 'public/models/diffusion';
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const steps = Number(flag('--steps') ?? PRETRAIN_STEPS);
if (!Number.isInteger(steps) || steps < 1 || steps > 100_000) {
  console.error(`--steps must be an integer from 1 to 100,000, got ${flag('--steps')}`);
  process.exit(2);
}
const only = flag('--only');
if (only !== undefined && only !== 'moons' && only !== 'spiral') {
  console.error(`--only must be moons or spiral, got ${only}`);
  process.exit(2);
}

await jax.init('wasm');
jax.defaultDevice('wasm');
const schedule = linearSchedule(TOY_T);
const manifestPath = join(OUT, 'manifest.json');
const previous: ModelEntry[] = existsSync(manifestPath)
  ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as WeightManifest).models
  : [];
const models: ModelEntry[] = [];
mkdirSync(OUT, { recursive: true });

for (const id of ['moons', 'spiral'] as const) {
  if (only && only !== id) {
    const kept = previous.find((m) => m.id === id);
    if (kept) models.push(kept);
    continue;
  }
  const data = toyDataset(id, DATA_POINTS, DATA_SEED);
  const options = { ...DEFAULT_TRAIN, totalSteps: steps };
  const trainer = createTrainer(jax, data, schedule, options);
  const started = performance.now();
  let ema = 0;
  for (let i = 1; i <= steps; i++) {
    const loss = await trainer.step();
    ema = i === 1 ? loss : 0.99 * ema + 0.01 * loss;
    if (i % 1000 === 0 || i === steps) {
      const rate = i / ((performance.now() - started) / 1000);
      console.log(`${id}: step ${i}/${steps}  loss (EMA) ${ema.toFixed(4)}  ${rate.toFixed(0)} steps/s`);
    }
  }
  const weights = await trainer.weights();
  trainer.dispose();

  const file = `${id}.f16.bin`;
  const bytes = f16Bytes(encodeF16(weights));
  writeFileSync(join(OUT, file), bytes);
  const entry: ModelEntry = {
    id,
    file,
    dtype: 'f16',
    mlp: options.mlp,
    T: TOY_T,
    schedule: 'linear',
    train: {
      steps,
      batch: options.batch,
      lr: options.lr,
      seed: options.seed,
      pUncond: options.pUncond,
      finalLoss: Number(ema.toFixed(4)),
    },
    quality: {
      sampler: EVAL_SAMPLER.kind,
      steps: EVAL_SAMPLER.steps,
      n: SAMPLE_POINTS,
      seed: SAMPLE_SEED,
      meanDistance: 0,
    },
    tensors: tensorEntries(options.mlp),
  };
  // The quality figure is measured on the shipped (f16) weights, exactly as the page will run them.
  const mlp = mlpFromBinary(entry, bytes.buffer as ArrayBuffer);
  const { x } = sample(mlpEpsPredictor(mlp, TOY_T), {
    schedule,
    kind: EVAL_SAMPLER.kind,
    steps: EVAL_SAMPLER.steps,
    n: SAMPLE_POINTS,
    dim: 2,
    seed: SAMPLE_SEED,
  });
  const quality = meanNearestDistance(x, data.points);
  models.push({ ...entry, quality: { ...entry.quality, meanDistance: Number(quality.toFixed(6)) } });
  console.log(`${id}: ${bytes.length} bytes, quality (mean distance to the data) ${quality.toFixed(4)}`);
}

const manifest: WeightManifest = { format: 'ai-arch-diffusion-weights/1', models };
// Formatted as `npm run lint` expects, so a fresh run leaves the checkout clean.
writeFileSync(manifestPath, await format(JSON.stringify(manifest), { parser: 'json' }));
console.log(`wrote ${manifestPath}`);
