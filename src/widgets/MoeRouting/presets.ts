/**
 * Total against active parameters (countParams) and FLOPs per token, top-k against every expert running
 * (forwardFlops, Kaplan et al. 2020 with active parameters), for four real MoE presets.
 */
import { forwardFlops } from '../../core/flops';
import type { ModelSpec } from '../../core/modelSpec';
import { countParams } from '../../core/params';
import { getPreset, presetSpec } from '../../models/presets';
import { formatFlops } from '../shared/format';

export const MOE_PRESETS = ['mixtral-8x7b', 'deepseek-v3', 'qwen3-235b-a22b', 'gpt-oss-120b'] as const;
/** Context for the FLOPs column. */
export const FLOPS_CONTEXT = 4096;

export interface PresetRow {
  id: string;
  name: string;
  routing: string;
  total: string;
  active: string;
  activeShare: string;
  flops: string;
  denseFlops: string;
  saving: string;
  /** The official figures, for comparison. */
  official: string;
}

/** The same model with every routed expert active: what a dense model of the same size would compute. */
function allExperts(spec: ModelSpec): ModelSpec {
  return spec.moe ? { ...spec, moe: { ...spec.moe, expertsPerToken: spec.moe.routedExperts } } : spec;
}

const billions = (n: number) => `${(n / 1e9).toFixed(1)}B`;

let cache: PresetRow[] | undefined;

/** One row per preset (computed once). */
export function presetRows(): PresetRow[] {
  cache ??= MOE_PRESETS.map((id) => {
    const spec = presetSpec(id);
    const preset = getPreset(id);
    const moe = spec.moe!;
    const p = countParams(spec);
    const f = forwardFlops(spec, FLOPS_CONTEXT).forward;
    const dense = forwardFlops(allExperts(spec), FLOPS_CONTEXT).forward;
    return {
      id,
      name: preset?.name ?? id,
      routing: `${moe.expertsPerToken} of ${moe.routedExperts}${moe.sharedExperts ? ` + ${moe.sharedExperts} shared` : ''}`,
      total: billions(p.total),
      active: billions(p.active),
      activeShare: `${((p.active / p.total) * 100).toFixed(1)}%`,
      flops: formatFlops(f),
      denseFlops: formatFlops(dense),
      saving: `${(dense / f).toFixed(1)}×`,
      official: preset ? `${preset.paramsOfficial.total} / ${preset.paramsOfficial.active ?? '–'}` : '',
    };
  });
  return cache;
}
