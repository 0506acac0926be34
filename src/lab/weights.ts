/**
 * The tiny model's weights as a file: flatten the parameters (by name, in tinyGptShapes order) into one f16 binary
 * plus the `{ name, shape, offset, dtype }` entries of its manifest, and back. The binary16 conversion is the
 * hand-written one of src/core/f16.ts; the byte layout is src/core/tensorFile.ts, which the page reads without jax-js.
 */
import { packTensors, unpackTensors, type NamedTensor, type TensorDtype, type TensorEntry } from '../core/tensorFile';
import { checkWeights, tinyGptShapes, type TinyGptConfig } from '../core/tinyGpt';

/** The weights in the config's parameter order, each with its shape; throws naming a missing or mis-sized one. */
export function flattenWeights(config: TinyGptConfig, weights: Readonly<Record<string, Float32Array>>): NamedTensor[] {
  checkWeights(config, weights);
  return tinyGptShapes(config).map(({ name, shape }) => ({ name, shape, data: weights[name] as Float32Array }));
}

/** Packs the weights into a binary (f16 by default) and the manifest's tensor entries. */
export function encodeWeights(
  config: TinyGptConfig,
  weights: Readonly<Record<string, Float32Array>>,
  dtype: TensorDtype = 'f16',
): { bytes: Uint8Array; entries: TensorEntry[] } {
  return packTensors(flattenWeights(config, weights), dtype);
}

/** Reads weights back as float32 and checks that every parameter of `config` is there at its size. */
export function decodeWeights(
  config: TinyGptConfig,
  bytes: Uint8Array,
  entries: readonly TensorEntry[],
): Record<string, Float32Array> {
  const weights = unpackTensors(bytes, entries);
  checkWeights(config, weights);
  return weights;
}
