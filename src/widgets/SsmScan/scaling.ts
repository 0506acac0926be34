/**
 * Attention against SSM at growing sequence length: the charts, table and sentence the SsmScan widget shows, from the
 * plain data scalingData.ts computes at build time (Llama-3.1-8B, Mamba-2.8B, Jamba-v0.1 through src/core/kvCache and
 * src/core/flops). No preset catalogue here, so the client bundle stays small.
 */
import type { SequencePoint } from '../../core/flops';
import { formatBytes, formatInteger } from '../../core/units';
import type { Series } from '../shared/LineChart';
import { formatFlops } from '../shared/format';

export const LENGTHS = [4096, 32_768, 131_072, 262_144, 1_048_576] as const;
export type Length = (typeof LENGTHS)[number];
export const DEFAULT_LENGTH: Length = 131_072;
/** The chart's x range: 41 log-spaced lengths from 1,024 to 1,048,576 tokens. */
export const CHART_RANGE = { from: 1024, to: 1_048_576, points: 41 } as const;

export interface ModelCurve {
  id: string;
  name: string;
  points: SequencePoint[];
}

/** What the widget's `scaling` prop carries (serialisable). */
export interface ScalingData {
  chartTokens: number[];
  models: ModelCurve[];
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
export function scalingView(data: ScalingData, length: Length): ScalingView {
  const { models, chartTokens } = data;
  const chart = (pick: (p: SequencePoint) => number): Series[] =>
    models.map((m, i) => ({
      id: m.id,
      label: m.name,
      points: m.points.filter((p) => chartTokens.includes(p.tokens)).map((p) => ({ x: p.tokens, y: pick(p) })),
      color: i + 1,
      dashed: i === 2,
    }));
  const at = (m: ModelCurve) => m.points.find((p) => p.tokens === length) ?? m.points[m.points.length - 1]!;
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
