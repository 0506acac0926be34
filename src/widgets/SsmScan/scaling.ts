/**
 * Attention against SSM at growing sequence length, for three real presets: Llama-3.1-8B (attention only: the KV
 * cache grows with T), Mamba-2.8B (SSM only: a constant state) and Jamba-v0.1 (4 attention + 28 Mamba layers).
 * Bytes from src/core/kvCache (bf16 K/V, fp32 state, llama.cpp's d_conv − 1 layout); FLOPs from src/core/flops.
 */
import { logSpaced, sequenceCosts, type SequencePoint } from '../../core/flops';
import { formatBytes, formatInteger } from '../../core/units';
import { getPreset, presetSpec } from '../../models/presets';
import type { Series } from '../shared/LineChart';
import { formatFlops } from '../shared/format';

export const SCALING_PRESETS = ['llama-3.1-8b', 'mamba-2.8b', 'jamba-v0.1'] as const;
export const LENGTHS = [4096, 32_768, 131_072, 262_144, 1_048_576] as const;
export type Length = (typeof LENGTHS)[number];
export const DEFAULT_LENGTH: Length = 131_072;
const CHART_TOKENS = logSpaced(1024, 1_048_576, 41);

interface ModelCurve {
  id: string;
  name: string;
  points: SequencePoint[];
}

let cache: ModelCurve[] | undefined;

/** Costs of each preset at the chart lengths and at every selectable length (computed once). */
export function curves(): ModelCurve[] {
  cache ??= SCALING_PRESETS.map((id) => ({
    id,
    name: getPreset(id)?.name ?? id,
    points: sequenceCosts(
      presetSpec(id),
      [...new Set([...CHART_TOKENS, ...LENGTHS])].sort((a, b) => a - b),
    ),
  }));
  return cache;
}

export interface ScalingRow {
  id: string;
  name: string;
  cache: string;
  decode: string;
  prefill: string;
}

export interface ScalingView {
  memory: Series[];
  compute: Series[];
  rows: ScalingRow[];
  sentence: string;
  memoryDescription: string;
  computeDescription: string;
}

const flops = formatFlops;

/** Both charts, the table at `length` tokens and one sentence comparing the three models there. */
export function scalingView(length: Length): ScalingView {
  const models = curves();
  const chart = (pick: (p: SequencePoint) => number): Series[] =>
    models.map((m, i) => ({
      id: m.id,
      label: m.name,
      points: m.points.filter((p) => CHART_TOKENS.includes(p.tokens)).map((p) => ({ x: p.tokens, y: pick(p) })),
      color: i + 1,
      dashed: i === 2,
    }));
  const at = (m: ModelCurve) => m.points.find((p) => p.tokens === length)!;
  const rows = models.map((m) => {
    const p = at(m);
    return {
      id: m.id,
      name: m.name,
      cache: formatBytes(p.cacheBytes),
      decode: flops(p.decodeFlops),
      prefill: flops(p.prefillFlops),
    };
  });
  const [llama, mamba, jamba] = models.map(at);
  const ratio = (a: number, b: number) => (a / b >= 10 ? formatInteger(a / b) : (a / b).toFixed(1));
  const sentence =
    `At ${formatInteger(length)} tokens Llama-3.1-8B caches ${formatBytes(llama!.cacheBytes)} per sequence, ` +
    `${ratio(llama!.cacheBytes, mamba!.cacheBytes)}× Mamba-2.8B's constant ${formatBytes(mamba!.cacheBytes)} state; ` +
    `Jamba's 4 attention layers add ${formatBytes(jamba!.kvBytes)} of KV to its ${formatBytes(jamba!.stateBytes)} ` +
    `Mamba state.`;
  return {
    memory: chart((p) => p.cacheBytes),
    compute: chart((p) => p.decodeFlops),
    rows,
    sentence,
    memoryDescription:
      'KV cache plus SSM state per sequence against sequence length, log–log, for Llama-3.1-8B (grows linearly), ' +
      'Mamba-2.8B (constant) and Jamba-v0.1 (grows slowly: 4 of 32 layers are attention).',
    computeDescription:
      'Forward FLOPs to decode one token against the tokens already in context, log–log: attention adds ' +
      '2·n_layer·d_attn per cached token, the SSM nothing.',
  };
}
