/**
 * Fetches the shipped weights on demand: the manifest (JSON), then one model's f16 binary, decoded and checked by
 * src/core/diffusion/weights.ts. Results are cached per page.
 */
import type { Mlp } from '../../core/diffusion/mlp';
import { mlpFromBinary, parseManifest, type ModelEntry, type WeightManifest } from '../../core/diffusion/weights';
import { WEIGHTS_URL } from './config';

export interface ShippedModel {
  entry: ModelEntry;
  mlp: Mlp;
}

let manifest: Promise<WeightManifest> | null = null;
const models = new Map<string, Promise<ShippedModel>>();

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** The shipped model trained on `id` (moons or spiral). Throws an Error naming the file on any problem. */
export function loadShipped(id: 'moons' | 'spiral'): Promise<ShippedModel> {
  let model = models.get(id);
  if (!model) {
    manifest ??= fetchOk(WEIGHTS_URL).then(async (r) => parseManifest(await r.json()));
    model = manifest.then(async (m) => {
      const entry = m.models.find((e) => e.id === id);
      if (!entry) throw new Error(`${WEIGHTS_URL} lists no "${id}" model`);
      const base = WEIGHTS_URL.slice(0, WEIGHTS_URL.lastIndexOf('/') + 1);
      const buffer = await (await fetchOk(`${base}${entry.file}`)).arrayBuffer();
      return { entry, mlp: mlpFromBinary(entry, buffer) };
    });
    model.catch(() => {
      models.delete(id);
      manifest = null;
    });
    models.set(id, model);
  }
  return model;
}
