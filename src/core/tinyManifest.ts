/**
 * The JSON manifest shipped next to each tiny model's weights (public/models/tiny/<id>.json): the model's config
 * (tinyGpt.ts), its character vocabulary, how it was trained, its validation loss, its KV-cache bytes per token
 * (from the KV core, kvCache.ts) and the tensor entries of the binary (tensorFile.ts). Parsing validates every field
 * and names the first bad one, so a stale or hand-edited file fails with a message instead of NaN on screen.
 */
import { InputError } from './modelSpec';
import { checkEntry, type TensorEntry } from './tensorFile';
import { tinyGptShapes, validateTinyConfig, type TinyGptConfig } from './tinyGpt';

/** How the weights were produced (scripts/train-tiny.ts). */
export interface TinyTraining {
  readonly steps: number;
  readonly batch: number;
  readonly lr: number;
  readonly warmup: number;
  readonly minLrFraction: number;
  readonly seed: number;
  /** Seed and length of the generated training text (src/lab/corpus.ts). */
  readonly corpusSeed: number;
  readonly corpusChars: number;
  /** The first trainChars characters train; the rest validate. */
  readonly trainChars: number;
  /** Mean training loss over the last 50 steps, nats per character. */
  readonly finalTrainLoss: number;
  readonly library: string;
}

export interface TinyManifest {
  readonly format: 'ai-arch-tiny-gpt';
  readonly version: 1;
  /** Short id, e.g. "mha" or "gqa". */
  readonly id: string;
  /** Display name, e.g. "GQA (4 query heads, 2 KV heads)". */
  readonly label: string;
  readonly config: TinyGptConfig;
  /** Character i of the string has id i. */
  readonly vocab: string;
  readonly params: number;
  /** Mean cross-entropy on the held-out text with the shipped (f16) weights, nats per character. */
  readonly valLoss: number;
  /** KV cache per token over all layers at kvDtype (kvCache.ts kvBytesPerToken). */
  readonly kvBytesPerToken: number;
  readonly kvDtype: 'fp32';
  readonly training: TinyTraining;
  /** Size of the binary in bytes. */
  readonly byteLength: number;
  readonly tensors: readonly TensorEntry[];
}

function finite(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw new InputError(field, `${field} must be a number from ${min} to ${max}`);
  return value;
}

/** Validates a parsed manifest; throws an InputError naming the first bad field. */
export function parseTinyManifest(json: unknown): TinyManifest {
  const m = json as Partial<TinyManifest> | null;
  if (typeof m !== 'object' || m === null) throw new InputError('manifest', 'the manifest must be a JSON object');
  if (m.format !== 'ai-arch-tiny-gpt' || m.version !== 1)
    throw new InputError('format', 'format must be "ai-arch-tiny-gpt" version 1');
  if (typeof m.id !== 'string' || typeof m.label !== 'string')
    throw new InputError('id', 'id and label must be strings');
  if (typeof m.config !== 'object' || m.config === null) throw new InputError('config', 'config must be an object');
  const config = validateTinyConfig(m.config);
  if (
    typeof m.vocab !== 'string' ||
    [...m.vocab].length !== config.vocabSize ||
    new Set(m.vocab).size !== config.vocabSize
  )
    throw new InputError('vocab', `vocab must hold ${config.vocabSize} distinct characters`);
  finite('params', m.params, 1, 1e9);
  finite('valLoss', m.valLoss, 0, 100);
  finite('kvBytesPerToken', m.kvBytesPerToken, 1, 1e9);
  if (m.kvDtype !== 'fp32') throw new InputError('kvDtype', 'kvDtype must be "fp32"');
  if (typeof m.training !== 'object' || m.training === null)
    throw new InputError('training', 'training must be an object');
  finite('byteLength', m.byteLength, 1, 1e9);
  const shapes = tinyGptShapes(config);
  if (!Array.isArray(m.tensors) || m.tensors.length !== shapes.length)
    throw new InputError('tensors', `tensors must list the model's ${shapes.length} parameters`);
  m.tensors.forEach((entry: unknown, i) => {
    checkEntry(entry, `tensors[${i}]`);
    const expected = shapes[i];
    if (!expected || entry.name !== expected.name || entry.shape.join() !== expected.shape.join())
      throw new InputError(
        `tensors[${i}]`,
        `tensors[${i}] must be ${expected?.name} [${expected?.shape.join(', ')}], got ${entry.name} [${entry.shape.join(', ')}]`,
      );
  });
  return m as TinyManifest;
}
