/**
 * Loads the shipped tiny models on demand: each manifest (JSON), then its f16 binary, widened to float32 by the
 * tensor-file reader of src/core. Nothing here runs until the widget asks (scrolled into view or first interaction).
 */
import { unpackTensors } from '../../core/tensorFile';
import { checkWeights } from '../../core/tinyGpt';
import { parseTinyManifest } from '../../core/tinyManifest';
import type { LoadedModel } from './model';

/** Where the weights are served from (public/models/tiny/ in the repo). */
export const MODEL_BASE = '/models/tiny/';
/** The variants the widget shows, in order. */
export const MODEL_IDS = ['mha', 'gqa'] as const;

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** Fetches and validates one model; throws an Error naming the file and field on any problem. */
export async function loadModel(id: string, base = MODEL_BASE): Promise<LoadedModel> {
  const manifest = parseTinyManifest(await (await fetchOk(`${base}${id}.json`)).json());
  const bytes = new Uint8Array(await (await fetchOk(`${base}${id}.bin`)).arrayBuffer());
  if (bytes.byteLength !== manifest.byteLength)
    throw new Error(`${base}${id}.bin: expected ${manifest.byteLength} bytes, got ${bytes.byteLength}`);
  const weights = unpackTensors(bytes, manifest.tensors);
  checkWeights(manifest.config, weights);
  return { manifest, weights };
}

/** Loads every shipped variant in parallel. */
export function loadModels(base = MODEL_BASE): Promise<LoadedModel[]> {
  return Promise.all(MODEL_IDS.map((id) => loadModel(id, base)));
}
