/**
 * Build-time only: memory and FLOPs against sequence length for Llama-3.1-8B (attention only: the KV cache grows
 * with T), Mamba-2.8B (SSM only: a constant state) and Jamba-v0.1 (4 attention + 28 Mamba layers), as plain data for
 * the SsmScan widget's `scaling` prop. Entries call ssmScaling() in their MDX, so the page ships these numbers and not
 * the preset catalogue and config parser. Bytes from src/core/kvCache (bf16 K/V, fp32 state, d_conv − 1 layout);
 * FLOPs from src/core/flops.
 */
import { logSpaced, sequenceCosts } from '../../core/flops';
import { getPreset, presetSpec } from '../../models/presets';
import { CHART_RANGE, LENGTHS, type ScalingData } from './scaling';

export const SCALING_PRESETS = ['llama-3.1-8b', 'mamba-2.8b', 'jamba-v0.1'] as const;

/** Costs of each preset at the chart lengths and at every selectable length. */
export function ssmScaling(): ScalingData {
  const chart = logSpaced(CHART_RANGE.from, CHART_RANGE.to, CHART_RANGE.points);
  const tokens = [...new Set([...chart, ...LENGTHS])].sort((a, b) => a - b);
  return {
    chartTokens: chart,
    models: SCALING_PRESETS.map((id) => ({
      id,
      name: getPreset(id)?.name ?? id,
      points: sequenceCosts(presetSpec(id), tokens),
    })),
  };
}
