/**
 * Model specs as the calculator ships them: the per-layer list of a ModelSpec run-length encoded (Llama-3.1-405B's
 * 126 identical layers become one run), so the build can hand every preset to the island as compact props.
 */
import type { Ffn, Mixer, ModelSpec } from '../../core/modelSpec';

/** [mixer, window, ffn, count]: `count` consecutive identical layers. */
export type LayerRun = [Mixer, number | null, Ffn, number];

export interface CompactSpec extends Omit<ModelSpec, 'layers'> {
  layerRuns: LayerRun[];
}

/** A model the calculator can show: a preset (with sources) or a pasted config (with the parser's notes). */
export interface CalculatorModel {
  /** Preset id, or "custom" for a pasted or uploaded config. */
  id: string;
  name: string;
  /** e.g. "GQA (8 KV heads)" or the preset's own description. */
  attention: string;
  /** Trained context from the config, when known. */
  maxPositions: number | null;
  /** Official parameter figures, e.g. "47B (46.7B) total, 13B (12.9B) active"; null for pasted configs. */
  paramsOfficial: string | null;
  /** Where the numbers come from. Empty for pasted configs. */
  sources: string[];
  /** What to keep in mind: preset caveats, or the parser's assumptions for a pasted config. */
  caveats: string[];
  spec: CompactSpec;
}

/** Run-length encodes `spec.layers`. */
export function compactSpec(spec: ModelSpec): CompactSpec {
  const { layers, ...rest } = spec;
  const runs: LayerRun[] = [];
  for (const l of layers) {
    const last = runs[runs.length - 1];
    if (last && last[0] === l.mixer && last[1] === l.window && last[2] === l.ffn) last[3] += 1;
    else runs.push([l.mixer, l.window, l.ffn, 1]);
  }
  return { ...rest, layerRuns: runs };
}

/** The ModelSpec of a compact spec. */
export function expandSpec(compact: CompactSpec): ModelSpec {
  const { layerRuns, ...rest } = compact;
  const layers = layerRuns.flatMap(([mixer, window, ffn, count]) =>
    Array.from({ length: count }, () => ({ mixer, window, ffn })),
  );
  return { ...rest, layers };
}
