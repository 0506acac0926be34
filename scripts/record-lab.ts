#!/usr/bin/env node
// `npm run record:lab`: trains the lab's seven default variants side by side (seed 1, 200 steps, batch 16 — the
// page's default settings) with jax-js on wasm in Node and writes the loss curves the /lab/ page starts from,
// src/lab/recorded-run.json (a few KB). Training is deterministic, so a rerun gives the same losses; the
// throughput figures depend on the machine and are labelled as Node figures on the page.
// Options: --steps N (default 200).
import { writeFileSync } from 'node:fs';
import * as jax from '@jax-js/jax';
import { format, resolveConfig } from 'prettier';
import { runLab } from '../src/lab/loop.ts';
import { createRecorder, type LabRunRecord } from '../src/lab/record.ts';
import { createLabSession, labData } from '../src/lab/trainer.ts';
import {
  defaultVariant,
  LAB_DEFAULT_STEPS,
  LAB_FAMILIES,
  SAMPLE_LENGTH,
  SAMPLE_TEMPERATURE,
  variantId,
  variantLabel,
} from '../src/lab/variants.ts';

const OUT = 'src/lab/recorded-run.json';
const stepsFlag = process.argv.indexOf('--steps');
const steps = stepsFlag > 0 ? Number(process.argv[stepsFlag + 1]) : LAB_DEFAULT_STEPS;
if (!Number.isInteger(steps) || steps < 1 || steps > 5000) {
  console.error('--steps must be an integer from 1 to 5000');
  process.exit(2);
}

await jax.init('wasm');
jax.defaultDevice('wasm');
const variants = LAB_FAMILIES.map((f) => defaultVariant(f.kind));
const seed = 1;
const session = createLabSession(jax, { variants, steps, seed }, labData());
const recorder = createRecorder(
  variants.map((v) => ({ id: variantId(v), label: variantLabel(v) })),
  session.tokensPerStep,
);
const started = performance.now();
await runLab(session, recorder, steps, {
  between: async () => true,
  progress: (step) => {
    if (step % 20 === 0) console.log(`step ${step}/${steps} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  },
});
const prompt = 'The ';
const sampled = await session.sample(
  [...prompt].map((ch) => labData().vocab.indexOf(ch)),
  SAMPLE_LENGTH,
  SAMPLE_TEMPERATURE,
  seed,
);
session.dispose();

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const record: LabRunRecord = {
  format: 'ai-arch-lab-run',
  version: 1,
  source: 'recorded',
  runtime: `@jax-js/jax 0.1.25 (wasm, Node ${process.versions.node.split('.')[0]}, ${variants.length} models in turn)`,
  settings: { variants: variants.map(variantId), steps, seed, batch: 16 },
  completed: steps,
  curves: recorder.curves().map((c) => ({
    ...c,
    train: c.train.map(([s, l]) => [s, round(l, 4)] as const),
    val: c.val.map(([s, l]) => [s, round(l, 4)] as const),
    tokensPerSecond: c.tokensPerSecond === null ? null : Math.round(c.tokensPerSecond),
  })),
  samples: { prompt, temperature: SAMPLE_TEMPERATURE, seed, step: steps, results: sampled },
};
const options = (await resolveConfig(OUT)) ?? {};
writeFileSync(OUT, await format(JSON.stringify(record), { ...options, filepath: OUT }));
for (const c of record.curves)
  console.log(`${c.id.padEnd(7)} val ${c.val.at(-1)?.[1]} nats/char, ${c.tokensPerSecond} tokens/s`);
console.log(`wrote ${OUT} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
