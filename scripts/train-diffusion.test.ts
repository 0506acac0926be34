import { readFileSync } from 'node:fs';
import * as jax from '@jax-js/jax';
import { beforeAll, describe, expect, it } from 'vitest';
import { toyDataset } from '../src/core/diffusion/data';
import { meanNearestDistance, mlpEpsPredictor, type Mlp } from '../src/core/diffusion/mlp';
import { sample } from '../src/core/diffusion/sample';
import { linearSchedule } from '../src/core/diffusion/schedule';
import { mlpFromBinary, parseManifest } from '../src/core/diffusion/weights';
import { DATA_POINTS, DATA_SEED, SAMPLE_POINTS, SAMPLE_SEED, TOY_T } from '../src/widgets/Diffusion2D/config';
import { createTrainer, DEFAULT_TRAIN } from '../src/widgets/Diffusion2D/trainer';

const schedule = linearSchedule(TOY_T);
const DIR = 'public/models/diffusion';

function shipped(id: 'moons' | 'spiral'): { mlp: Mlp; meanDistance: number } {
  const manifest = parseManifest(JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')));
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) throw new Error(`no ${id} model in the manifest`);
  const bytes = readFileSync(`${DIR}/${entry.file}`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { mlp: mlpFromBinary(entry, buffer), meanDistance: entry.quality.meanDistance };
}

describe('jax-js training of the diffusion toy (Node, wasm)', () => {
  beforeAll(async () => {
    await jax.init('wasm');
    jax.defaultDevice('wasm');
  });

  it('seeded training starts at loss 0.97056 and lowers it within 60 steps (mean of the last 10 < 0.6 × the first 10)', async () => {
    const trainer = createTrainer(jax, toyDataset('moons', DATA_POINTS, DATA_SEED), schedule, DEFAULT_TRAIN);
    const losses: number[] = [];
    for (let i = 0; i < 60; i++) losses.push(await trainer.step());
    trainer.dispose();
    expect(losses[0]).toBeCloseTo(0.9705608487129211, 5);
    expect(losses.every(Number.isFinite)).toBe(true);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-10))).toBeLessThan(0.6 * mean(losses.slice(0, 10)));
  });

  it('is deterministic: the same seed gives the same losses', async () => {
    const run = async () => {
      const trainer = createTrainer(jax, toyDataset('spiral', DATA_POINTS, DATA_SEED), schedule, DEFAULT_TRAIN);
      const out: number[] = [];
      for (let i = 0; i < 5; i++) out.push(await trainer.step());
      trainer.dispose();
      return out;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('shipped weights (public/models/diffusion/)', () => {
  const quality = (mlp: Mlp, id: 'moons' | 'spiral') => {
    const { x } = sample(mlpEpsPredictor(mlp, TOY_T), {
      schedule,
      kind: 'ddim',
      steps: 20,
      n: SAMPLE_POINTS,
      dim: 2,
      seed: SAMPLE_SEED,
    });
    return meanNearestDistance(x, toyDataset(id, DATA_POINTS, DATA_SEED).points);
  };

  it('two moons: DDIM-20 samples lie 0.0440 from the data on average (threshold 0.06; fresh data 0.023, noise 0.358)', () => {
    const { mlp, meanDistance } = shipped('moons');
    const q = quality(mlp, 'moons');
    expect(q).toBeLessThan(0.06);
    expect(q).toBeCloseTo(meanDistance, 5);
    expect(q).toBeCloseTo(0.044044, 5);
  });

  it('spiral: DDIM-20 samples lie 0.0794 from the data on average (threshold 0.1; fresh data 0.032, noise 0.187)', () => {
    const { mlp, meanDistance } = shipped('spiral');
    const q = quality(mlp, 'spiral');
    expect(q).toBeLessThan(0.1);
    expect(q).toBeCloseTo(meanDistance, 5);
    expect(q).toBeCloseTo(0.079368, 5);
  });

  it('classifier-free guidance (w = 3) puts over 90 % of class-0 samples on the upper moon', () => {
    const { mlp } = shipped('moons');
    const data = toyDataset('moons', DATA_POINTS, DATA_SEED);
    const n = 200;
    const { x } = sample(mlpEpsPredictor(mlp, TOY_T), {
      schedule,
      kind: 'ddim',
      steps: 20,
      n,
      dim: 2,
      seed: 5,
      cond: new Int32Array(n).fill(0),
      guidance: 3,
    });
    let onClass0 = 0;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      let label = -1;
      for (let j = 0; j < DATA_POINTS; j++) {
        const d =
          ((x[2 * i] ?? 0) - (data.points[2 * j] ?? 0)) ** 2 +
          ((x[2 * i + 1] ?? 0) - (data.points[2 * j + 1] ?? 0)) ** 2;
        if (d < best) {
          best = d;
          label = data.labels[j] ?? -1;
        }
      }
      if (label === 0) onClass0 += 1;
    }
    expect(onClass0 / n).toBeGreaterThan(0.9);
  });
});
