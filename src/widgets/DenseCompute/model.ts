/**
 * The dense-compute widget's view-model: parameters per component (countParams) and forward FLOPs per token
 * (forwardFlops: Kaplan et al. 2020, C_forward = 2N + 2·n_layer·n_ctx·d_attn, training ≈ 6N) for any preset, and how
 * the context term grows with n_ctx. This file joins and words the cores' numbers.
 */
import { forwardFlops, type ForwardFlops } from '../../core/flops';
import { MAX_TOKENS } from '../../core/kvCache';
import type { ModelSpec } from '../../core/modelSpec';
import { countParams } from '../../core/params';
import { formatInteger } from '../../core/units';
import { getPreset, PRESETS, presetSpec } from '../../models/presets';
import { formatFlops, formatParams } from '../shared/format';
import type { Series } from '../shared/LineChart';
import { ParamReader, prefixed } from '../shared/params';

/** n_ctx choices: powers of two from 128 to 1,048,576. */
export const CONTEXTS = Array.from({ length: 14 }, (_, i) => 2 ** (i + 7));
export const PRESET_OPTIONS = PRESETS.map((p) => ({ value: p.id, label: p.name }));

export interface DenseState {
  preset: string;
  /** Index into CONTEXTS. */
  ctx: number;
  /** Count A·V beside QKᵀ in the context term. */
  av: boolean;
}

export const DEFAULT_STATE: DenseState = { preset: 'llama-3.1-8b', ctx: CONTEXTS.indexOf(8192), av: false };
const PREFIX = 'dense';

export function readState(query: URLSearchParams, base: DenseState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const ids = PRESETS.map((p) => p.id);
  const tokens = r.choice('ctx', CONTEXTS, CONTEXTS[base.ctx] ?? 8192);
  const state: DenseState = {
    preset: r.choice('preset', ids, base.preset),
    ctx: CONTEXTS.indexOf(tokens),
    av: r.flag('av', base.av),
  };
  return { state, notes: r.notes };
}

export function toUrl(s: DenseState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, {
    preset: [s.preset, d.preset],
    ctx: [CONTEXTS[s.ctx] ?? 8192, CONTEXTS[d.ctx] ?? 8192],
    av: [s.av, d.av],
  });
}

const flopsText = formatFlops;
const paramsText = (n: number) => (n === 0 ? '–' : formatParams(n));

export interface ComponentRow {
  id: string;
  label: string;
  params: string;
  flops: string;
  share: string;
}

export interface DenseView {
  name: string;
  tokens: number;
  rows: ComponentRow[];
  forward: string;
  total: string;
  training: string;
  formula: string;
  sentence: string;
  crossover: string;
  caveats: string[];
  chart: Series[];
  chartDescription: string;
}

/** The smallest n_ctx at which the context term reaches 2N, or null if it never does (windows, SSM). */
export function crossover(spec: ModelSpec, av: boolean): number | null {
  const at = (t: number) => forwardFlops(spec, t, { countAv: av });
  const twoN = 2 * at(1).n;
  if (at(MAX_TOKENS).contextFlops < twoN) return null;
  let lo = 1;
  let hi = MAX_TOKENS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid).contextFlops >= twoN) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** What depends on the preset and the A·V convention only: computed once per choice, not per context change. */
export interface PresetView {
  preset: string;
  av: boolean;
  spec: ModelSpec;
  name: string;
  crossover: string;
  chart: Series[];
  chartDescription: string;
}

export function presetView(preset: string, av: boolean): PresetView {
  const spec = presetSpec(preset);
  const cross = crossover(spec, av);
  return {
    preset,
    av,
    spec,
    name: getPreset(preset)?.name ?? preset,
    crossover:
      cross === null
        ? 'The context term never reaches 2N here: sliding windows or SSM layers stop it growing.'
        : `The context term overtakes 2N at n_ctx = ${formatInteger(cross)} tokens.`,
    ...chart(spec, av),
  };
}

/** Everything the widget shows for a preset at one context length. */
export function denseView(s: DenseState, p: PresetView = presetView(s.preset, s.av)): DenseView {
  const { spec, name } = p;
  const tokens = CONTEXTS[s.ctx] ?? 8192;
  const f = forwardFlops(spec, tokens, { countAv: s.av });
  const params = countParams(spec);
  const flopsOf = new Map(f.breakdown.map((r) => [r.component as string, r.flops]));
  const rows: ComponentRow[] = params.breakdown.map((b) => {
    const flops = flopsOf.get(b.component) ?? 0;
    const active = b.active === b.total ? paramsText(b.total) : `${paramsText(b.active)} of ${paramsText(b.total)}`;
    return {
      id: b.component,
      label: b.label,
      params: active,
      flops: flops === 0 ? 'lookup' : flopsText(flops),
      share: flops === 0 ? '–' : `${((flops / f.forward) * 100).toFixed(1)}%`,
    };
  });
  for (const r of f.breakdown.filter((x) => !params.breakdown.some((b) => b.component === x.component)))
    rows.push({
      id: r.component,
      label: r.label,
      params: '–',
      flops: flopsText(r.flops),
      share: `${((r.flops / f.forward) * 100).toFixed(1)}%`,
    });
  const moe = spec.moe !== null;
  const caveats = [
    ...(moe
      ? [`N counts active parameters (${formatParams(f.n)}); memory still holds all ${formatParams(params.total)}.`]
      : []),
    s.av
      ? 'The context term counts QKᵀ and A·V.'
      : "The context term counts QKᵀ only (Kaplan's convention); A·V doubles it.",
  ];
  return {
    name,
    tokens,
    rows,
    forward: flopsText(f.kaplanForward),
    total: flopsText(f.forward),
    training: flopsText(f.training),
    formula: f.formula,
    sentence:
      `${name} at n_ctx ${formatInteger(tokens)}: C_forward = ${flopsText(f.kaplanForward)} per token ` +
      `(2N = ${flopsText(2 * f.n)}, context ${flopsText(f.contextFlops)}, ` +
      `${((f.contextFlops / f.kaplanForward) * 100).toFixed(1)}%); with the output head ${flopsText(f.forward)}; ` +
      `training ≈ 6N = ${flopsText(f.training)} per token.`,
    crossover: p.crossover,
    caveats,
    chart: p.chart,
    chartDescription: p.chartDescription,
  };
}

/** 2N, the context term and their sum against n_ctx (log–log), for the chart. */
function chart(spec: ModelSpec, av: boolean): { chart: Series[]; chartDescription: string } {
  const points = CONTEXTS.map((t) => forwardFlops(spec, t, { countAv: av }));
  const line = (pick: (f: ForwardFlops) => number) => points.map((f) => ({ x: f.context, y: pick(f) }));
  return {
    chart: [
      { id: 'weights', label: '2N (weights)', points: line((f) => 2 * f.n), color: 1 },
      { id: 'context', label: 'Context term', points: line((f) => f.contextFlops), color: 2, dashed: true },
      { id: 'total', label: 'C_forward', points: line((f) => f.kaplanForward), color: 3 },
    ],
    chartDescription:
      'Forward FLOPs per token against context length, log–log: the weight term 2N is flat, the attention ' +
      'context term grows linearly with n_ctx (or stops at the window), and C_forward is their sum.',
  };
}
