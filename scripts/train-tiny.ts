#!/usr/bin/env node
// `npm run train:tiny`: trains the shipped tiny models (MHA and GQA-2) with jax-js on wasm in Node, seeded and
// deterministic, and writes public/models/tiny/<id>.bin (f16) + <id>.json (manifest), and the golden logits of a
// fixed prompt through the jax-js forward into src/core/fixtures/tiny-golden.json (checked against the hand-written
// forward by src/core/attention.test.ts). The outputs are committed; the build and CI never retrain.
// Options: --steps N (default 2000).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as jax from '@jax-js/jax';
import { format, resolveConfig } from 'prettier';
import { kvBytesPerToken } from '../src/core/kvCache.ts';
import { tinyGptParamCount, tinyKvSpec } from '../src/core/tinyGpt.ts';
import type { TinyManifest } from '../src/core/tinyManifest.ts';
import { encode, generateCorpus, vocabularyOf } from '../src/lab/corpus.ts';
import { forward, toParams } from '../src/lab/model.ts';
import { createTrainer, DEFAULT_TRAIN } from '../src/lab/train.ts';
import { SHIPPED_VARIANTS, tinyConfig } from '../src/lab/variants.ts';
import { decodeWeights, encodeWeights } from '../src/lab/weights.ts';

const CORPUS_SEED = 7;
const CORPUS_CHARS = 100_000;
const TRAIN_CHARS = 90_000;
/** The golden prompt: a sentence of the training text. */
const GOLDEN_PROMPT = 'The quick brown fox jumps over the lazy dog.';
const OUT_DIR = 'public/models/tiny';
const FIXTURE = 'src/core/fixtures/tiny-golden.json';

const stepsFlag = process.argv.indexOf('--steps');
const steps = stepsFlag > 0 ? Number(process.argv[stepsFlag + 1]) : 2000;
if (!Number.isInteger(steps) || steps < 1 || steps > 100_000) {
  console.error('--steps must be an integer from 1 to 100000');
  process.exit(2);
}

/** Writes JSON formatted as `npm run lint` expects, so a retrain leaves a clean tree. */
async function writeJson(path: string, value: unknown): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(JSON.stringify(value), { ...options, filepath: path }));
}

await jax.init('wasm');
jax.defaultDevice('wasm');

const text = generateCorpus(CORPUS_SEED, CORPUS_CHARS);
const vocab = vocabularyOf(text);
const ids = encode(text, vocab);
const train = ids.slice(0, TRAIN_CHARS);
const validation = ids.slice(TRAIN_CHARS);
const options = { ...DEFAULT_TRAIN, totalSteps: steps };
const prompt = encode(GOLDEN_PROMPT, vocab);
const golden: Record<string, number[][]> = {};
mkdirSync(OUT_DIR, { recursive: true });

for (const variant of SHIPPED_VARIANTS) {
  const config = tinyConfig(vocab.length, variant.mixer);
  const started = performance.now();
  const trainer = createTrainer(jax, config, train, options);
  const recent: number[] = [];
  for (let s = 1; s <= steps; s++) {
    const loss = await trainer.step();
    recent.push(loss);
    if (recent.length > 50) recent.shift();
    if (s === 1 || s % 100 === 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${variant.id} step ${s}/${steps} loss ${loss.toFixed(4)} (${seconds} s)`);
    }
  }
  const trained = await trainer.weights();
  trainer.dispose();
  const trainSeconds = (performance.now() - started) / 1000;

  // Everything below uses the shipped weights: f16, widened back to f32.
  const { bytes, entries } = encodeWeights(config, trained, 'f16');
  const shipped = decodeWeights(config, bytes, entries);
  const evaluator = createTrainer(jax, config, train, options, shipped);
  const valLoss = await evaluator.evaluate(validation);
  evaluator.dispose();

  const idx = jax.numpy.array(Int32Array.from(prompt), { dtype: jax.numpy.int32, shape: [1, prompt.length] });
  const logits = await forward(jax, config, toParams(jax, config, shipped), idx, 1, prompt.length).data();
  const flat = Float32Array.from(logits);
  golden[variant.id] = Array.from({ length: prompt.length }, (_, t) =>
    Array.from(flat.subarray(t * vocab.length, (t + 1) * vocab.length), (v) => Number(v.toFixed(6))),
  );

  const manifest: TinyManifest = {
    format: 'ai-arch-tiny-gpt',
    version: 1,
    id: variant.id,
    label: variant.label,
    config,
    vocab,
    params: tinyGptParamCount(config),
    valLoss: Number(valLoss.toFixed(4)),
    kvBytesPerToken: kvBytesPerToken(tinyKvSpec(config), 'fp32'),
    kvDtype: 'fp32',
    training: {
      steps,
      batch: options.batch,
      lr: options.lr,
      warmup: options.warmup,
      minLrFraction: options.minLrFraction,
      seed: options.seed,
      corpusSeed: CORPUS_SEED,
      corpusChars: CORPUS_CHARS,
      trainChars: TRAIN_CHARS,
      finalTrainLoss: Number((recent.reduce((a, b) => a + b, 0) / recent.length).toFixed(4)),
      library: '@jax-js/jax 0.1.25 (wasm)',
    },
    byteLength: bytes.byteLength,
    tensors: entries,
  };
  writeFileSync(`${OUT_DIR}/${variant.id}.bin`, bytes);
  await writeJson(`${OUT_DIR}/${variant.id}.json`, manifest);
  console.log(
    `${variant.id}: ${manifest.params} parameters, ${steps} steps in ${trainSeconds.toFixed(1)} s, ` +
      `val loss ${manifest.valLoss} nats/char (f16 weights), ${manifest.kvBytesPerToken} B/token KV (fp32), ` +
      `${bytes.byteLength} B binary`,
  );
}

mkdirSync('src/core/fixtures', { recursive: true });
await writeJson(FIXTURE, { prompt: GOLDEN_PROMPT, vocab, logits: golden });
console.log(`wrote ${OUT_DIR}/{${SHIPPED_VARIANTS.map((v) => v.id).join(',')}}.{bin,json} and ${FIXTURE}`);
