/**
 * Build-time only: the presets as CalculatorModel props. Astro pages and MDX entries call kvCatalogue() while
 * rendering and pass the result to the island, so the browser receives the presets as data in the page instead of
 * shipping the dataset and the config.json parser as JavaScript (the island never imports this file).
 */
import { PRESETS, presetSpec, type Preset } from '../../models/presets';
import { compactSpec, type CalculatorModel } from './spec';

function official(p: Preset): string {
  const { total, active } = p.paramsOfficial;
  return active ? `${total} total, ${active} active` : total;
}

/** Every preset (or the ones in `ids`, in dataset order) with its spec, sources and caveats. */
export function kvCatalogue(ids?: readonly string[]): CalculatorModel[] {
  return PRESETS.filter((p) => !ids || ids.includes(p.id)).map((p) => ({
    id: p.id,
    name: p.name,
    attention: p.attention,
    maxPositions: p.maxPositions,
    paramsOfficial: official(p),
    sources: p.sources,
    caveats: p.caveats,
    spec: compactSpec(presetSpec(p.id)),
  }));
}
