/**
 * A lab run: two to four variants trained side by side on the same seeded batches (each variant's trainer draws its
 * batch offsets from the same seed, so step s shows every model the same characters), with validation on a fixed
 * held-out slice, per-variant throughput, seeded sampling and attention maps. Runs the same in Node (tests,
 * scripts/record-lab.ts, the bench) and in the browser Worker (lab.worker.ts); the caller owns the loop.
 */
import { mulberry32 } from '../core/random';
import { encode, generateCorpus, vocabularyOf } from './corpus';
import type { Jax } from './model';
import { createTrainer, DEFAULT_TRAIN, type TrainOptions, type Trainer } from './train';
import { labConfigFor, variantId, type LabVariant } from './variants';

/** The text every lab model sees: seed 7, 100,000 characters; the first 90,000 train, the rest validate. */
export const LAB_CORPUS = { seed: 7, chars: 100_000, trainChars: 90_000 } as const;
/** Validation uses the first VAL_WINDOWS windows of 64 held-out characters (2,048 tokens). */
export const VAL_WINDOWS = 32;

/** The prepared text: vocabulary and character ids. */
export interface LabData {
  readonly vocab: string;
  readonly train: readonly number[];
  readonly validation: readonly number[];
}

/** Generates the lab's text (deterministic; ~10 ms). */
export function labData(): LabData {
  const text = generateCorpus(LAB_CORPUS.seed, LAB_CORPUS.chars);
  const vocab = vocabularyOf(text);
  const ids = encode(text, vocab);
  return { vocab, train: ids.slice(0, LAB_CORPUS.trainChars), validation: ids.slice(LAB_CORPUS.trainChars) };
}

/** A run's settings. */
export interface LabRunSettings {
  readonly variants: readonly LabVariant[];
  /** Total steps: the learning-rate schedule decays over them. */
  readonly steps: number;
  readonly seed: number;
  /** Windows per batch (default 16). */
  readonly batch?: number;
}

/** The training options of a lab run of `steps` steps: the shipped models' Adam settings, 20 warm-up steps. */
export function labTrainOptions(steps: number, seed: number): TrainOptions {
  return { ...DEFAULT_TRAIN, warmup: Math.min(20, Math.max(1, Math.floor(steps / 10))), totalSteps: steps, seed };
}

/** One variant's result for one step. */
export interface VariantStep {
  readonly id: string;
  readonly loss: number;
  /** Wall-clock milliseconds of this variant's step (the first includes compiling). */
  readonly ms: number;
  /** Tokens per expert per layer in this batch (MoE only, else empty). */
  readonly routerLoads: readonly (readonly number[])[];
}

/** Attention weights of one variant on a prompt: per layer [H, n, n]; null for the SSM (no attention). */
export interface VariantAttention {
  readonly id: string;
  readonly heads: number;
  readonly length: number;
  readonly layers: readonly Float32Array[] | null;
}

export interface LabSession {
  readonly ids: readonly string[];
  /** Steps every variant has taken. */
  readonly steps: number;
  readonly tokensPerStep: number;
  /** One step of every variant on the same batch. */
  step(): Promise<VariantStep[]>;
  /** Validation loss of every variant (nats per character) on the fixed held-out windows. */
  validate(): Promise<{ id: string; loss: number }[]>;
  /** `length` characters sampled from each variant after `prompt` (ids), at `temperature`, seeded. */
  sample(
    prompt: readonly number[],
    length: number,
    temperature: number,
    seed: number,
  ): Promise<{ id: string; text: string }[]>;
  /** Attention maps of every variant on `prompt` (ids, the last 64 kept). */
  attention(prompt: readonly number[]): Promise<VariantAttention[]>;
  dispose(): void;
}

/** Draws an index from softmax(logits / temperature) with `u` uniform in [0, 1); greedy when temperature is 0. */
export function drawFromLogits(logits: Float32Array, temperature: number, u: number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if ((logits[i] ?? -Infinity) > (logits[best] ?? -Infinity)) best = i;
  if (!(temperature > 0)) return best;
  const top = logits[best] ?? 0;
  const weights = Array.from(logits, (l) => Math.exp((l - top) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += (weights[i] ?? 0) / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

/** Creates the trainers of a run (seeded initial weights, seeded batches). */
export function createLabSession(jax: Jax, settings: LabRunSettings, data: LabData = labData()): LabSession {
  const options = { ...labTrainOptions(settings.steps, settings.seed), batch: settings.batch ?? DEFAULT_TRAIN.batch };
  const runs = settings.variants.map((v) => {
    const config = labConfigFor(v, data.vocab.length);
    return { id: variantId(v), config, trainer: createTrainer(jax, config, data.train, options) as Trainer };
  });
  const T = runs[0]?.config.contextLength ?? 64;
  const validation = data.validation.slice(0, VAL_WINDOWS * T + 1);
  let steps = 0;
  return {
    ids: runs.map((r) => r.id),
    get steps() {
      return steps;
    },
    tokensPerStep: options.batch * T,
    async step() {
      const out: VariantStep[] = [];
      for (const run of runs) {
        const started = performance.now();
        const loss = await run.trainer.step();
        out.push({ id: run.id, loss, ms: performance.now() - started, routerLoads: run.trainer.routerLoads });
      }
      steps += 1;
      return out;
    },
    async validate() {
      const out: { id: string; loss: number }[] = [];
      for (const run of runs) out.push({ id: run.id, loss: await run.trainer.evaluate(validation) });
      return out;
    },
    async sample(prompt, length, temperature, seed) {
      if (prompt.length < 1) throw new RangeError('the sampling prompt needs at least one character');
      const out: { id: string; text: string }[] = [];
      for (const run of runs) {
        const rng = mulberry32(seed);
        const ids = [...prompt];
        let text = '';
        for (let i = 0; i < length; i++) {
          const next = drawFromLogits(await run.trainer.nextLogits(ids), temperature, rng());
          ids.push(next);
          text += data.vocab[next] ?? '';
        }
        out.push({ id: run.id, text });
      }
      return out;
    },
    async attention(prompt) {
      const out: VariantAttention[] = [];
      for (const run of runs) {
        const layers = await run.trainer.attention(prompt);
        out.push({ id: run.id, heads: run.config.heads, length: Math.min(prompt.length, T), layers });
      }
      return out;
    },
    dispose() {
      runs.forEach((r) => r.trainer.dispose());
    },
  };
}
