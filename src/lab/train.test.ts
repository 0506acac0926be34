import * as jax from '@jax-js/jax';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyGptForward } from '../core/attention';
import { encode, generateCorpus, vocabularyOf } from './corpus';
import { forward, initWeights, toParams } from './model';
import { createTrainer, DEFAULT_TRAIN, learningRate } from './train';
import { tinyConfig } from './variants';

const text = generateCorpus();
const vocab = vocabularyOf(text);
const ids = encode(text, vocab);

beforeAll(async () => {
  await jax.init('wasm');
  jax.defaultDevice('wasm');
});

describe('the jax-js tiny GPT', () => {
  it.each([
    ['MHA', 4, null],
    ['GQA-2', 2, null],
    ['MQA with a window of 8', 1, 8],
  ] as const)(
    '%s: the jax-js forward equals the hand-written one to 1e-5 on seeded initial weights',
    async (_, kvHeads, window) => {
      const config = tinyConfig(vocab.length, { kind: 'attention', kvHeads, window });
      const weights = initWeights(config, 3);
      const prompt = encode('What a quiet fox! Did the owl see Zoe?', vocab);
      const idx = jax.numpy.array(Int32Array.from(prompt), { dtype: jax.numpy.int32, shape: [1, prompt.length] });
      const expected = await forward(jax, config, toParams(jax, config, weights), idx, 1, prompt.length).data();
      const { logits } = tinyGptForward(config, weights, prompt);
      let maxError = 0;
      expected.forEach((value, i) => (maxError = Math.max(maxError, Math.abs(value - (logits[i] ?? NaN)))));
      expect(maxError).toBeLessThan(1e-5);
    },
  );

  it('a seeded 40-step run (GQA-2, batch 8) lowers the loss from ln 59 ≈ 4.08 to below 3.0, and a rerun repeats its losses exactly', async () => {
    const config = tinyConfig(vocab.length, { kind: 'attention', kvHeads: 2, window: null });
    const run = async (steps: number) => {
      const trainer = createTrainer(jax, config, ids.slice(0, 90_000), { ...DEFAULT_TRAIN, batch: 8, totalSteps: 40 });
      const losses: number[] = [];
      for (let s = 0; s < steps; s++) losses.push(await trainer.step());
      trainer.dispose();
      return losses;
    };
    const first = await run(40);
    expect(first[0]).toBeGreaterThan(3.9);
    expect(first[0]).toBeLessThan(4.3);
    const tail = first.slice(-5).reduce((a, b) => a + b) / 5;
    expect(tail).toBeLessThan(3.0);
    expect(first.every(Number.isFinite)).toBe(true);
    expect(await run(5)).toEqual(first.slice(0, 5));
  }, 240_000);
});

describe('learningRate (warm-up 50, cosine to 10% at step 1500, peak 3e-3)', () => {
  it('rises linearly, peaks at step 50, ends at 3e-4', () => {
    expect(learningRate(DEFAULT_TRAIN, 1)).toBeCloseTo(6e-5, 12);
    expect(learningRate(DEFAULT_TRAIN, 50)).toBeCloseTo(3e-3, 12);
    expect(learningRate(DEFAULT_TRAIN, 775)).toBeCloseTo(1.65e-3, 12);
    expect(learningRate(DEFAULT_TRAIN, 1500)).toBeCloseTo(3e-4, 12);
    expect(learningRate(DEFAULT_TRAIN, 9999)).toBeCloseTo(3e-4, 12);
  });
});
