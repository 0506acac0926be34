/**
 * The MoE routing widget's view-model: the words of a sentence, embedded by a seeded table, scored by a small seeded
 * router over 8 experts (softmax as Mixtral, or sigmoid as DeepSeek-V3), top-k, an optional shared expert, load per
 * expert, the Switch balance loss, and DeepSeek-V3's bias balancing stepped on this batch (src/core/moe).
 * Routing math lives in src/core/moe; this file arranges and words it.
 */
import { embedSequence } from '../../core/embed';
import {
  balanceLoss,
  biasBalancing,
  routerLogits,
  routerScores,
  seededRouter,
  type BalanceStep,
  type Scoring,
} from '../../core/moe';
import { randn } from '../../core/random';
import type { Series } from '../shared/LineChart';
import { ParamReader, prefixed } from '../shared/params';

export const SENTENCE = 'The quick brown fox jumps over the lazy dog while a small cat watches the window';
export const WORDS = SENTENCE.split(' ');
export const EXPERTS = 8;
export const DIM = 16;
export const MAX_K = 4;
export const MAX_STEPS = 100;
export const GAMMAS = [0.001, 0.01, 0.05] as const;
const SEED = 1701;

export interface MoeState {
  scoring: Scoring;
  topK: number;
  shared: boolean;
  /** Bias updates applied (DeepSeek-V3 balancing), 0–MAX_STEPS. */
  step: number;
  gamma: (typeof GAMMAS)[number];
}

export const DEFAULT_STATE: MoeState = { scoring: 'sigmoid', topK: 2, shared: false, step: 0, gamma: 0.01 };
const PREFIX = 'moe';

export function readState(query: URLSearchParams, base: MoeState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const state: MoeState = {
    scoring: r.choice('scoring', ['softmax', 'sigmoid'] as const, base.scoring),
    topK: r.int('k', 1, MAX_K, base.topK),
    shared: r.flag('shared', base.shared),
    step: r.int('step', 0, MAX_STEPS, base.step),
    gamma: r.choice('gamma', GAMMAS, base.gamma),
  };
  return { state, notes: r.notes };
}

export function toUrl(s: MoeState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, {
    scoring: [s.scoring, d.scoring],
    k: [s.topK, d.topK],
    shared: [s.shared, d.shared],
    step: [s.step, d.step],
    gamma: [s.gamma, d.gamma],
  });
}

/** Router scores of the sentence (T × E): the embeddings share a mean direction, so routing starts unbalanced. */
export function sentenceScores(scoring: Scoring): Float64Array {
  const x = embedSequence(
    WORDS.map((w) => w.toLowerCase()),
    DIM,
    SEED,
    { mean: Float64Array.from(randn(DIM, SEED + 1, 0.8)) },
  );
  return routerScores(routerLogits(x, seededRouter(EXPERTS, DIM, SEED + 2), DIM), EXPERTS, scoring);
}

/** The balancing run for a scoring, k and γ: MAX_STEPS + 1 routings of the same batch. */
export function balancingRun(s: Pick<MoeState, 'scoring' | 'topK' | 'gamma'>): BalanceStep[] {
  return biasBalancing(sentenceScores(s.scoring), EXPERTS, { topK: s.topK, gamma: s.gamma, steps: MAX_STEPS });
}

export interface ScoreCell {
  text: string;
  opacity: number;
  /** 1-based rank among the chosen experts, or 0. */
  rank: number;
  gate: string;
}

export interface TokenRow {
  word: string;
  cells: ScoreCell[];
  /** "3 (0.61), 5 (0.39)" */
  choice: string;
}

export interface LoadBar {
  expert: number;
  load: number;
  /** Height as a CSS percentage of the tallest possible load (T). */
  height: string;
  bias: string;
  over: boolean;
}

export interface RoutingView {
  rows: TokenRow[];
  loads: LoadBar[];
  /** Where the ideal load T·k/E sits, as a CSS percentage. */
  idealHeight: string;
  ideal: string;
  loss: string;
  imbalance: string;
  offBalance: number;
  sentence: string;
}

export interface HistoryView {
  series: Series[];
  description: string;
}

/** Imbalance and Switch loss over every step of a balancing run (depends on the run only). */
export function historyView(run: readonly BalanceStep[], gamma: number): HistoryView {
  const points = (pick: (b: BalanceStep) => number) => run.map((b) => ({ x: b.step, y: pick(b) }));
  return {
    series: [
      {
        id: 'off',
        label: 'Share of assignments off balance',
        points: points((b) => b.offBalance / (b.routing.tokens * b.routing.topK)),
        color: 2,
      },
      {
        id: 'loss',
        label: 'Switch balance loss (1 = balanced)',
        points: points((b) => balanceLoss(b.routing)),
        color: 1,
        dashed: true,
      },
    ],
    description:
      `The share of word-to-expert assignments that would have to move for perfect balance (0 is balanced) and the ` +
      `Switch balance loss (1 is balanced) over ${MAX_STEPS} bias updates of γ = ${gamma} on this batch.`,
  };
}

const fixed = (v: number, digits = 2) => (Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits));

/** Everything the routing part shows for the state, from a balancing run of its scoring, k and γ. */
export function routingView(s: MoeState, run: readonly BalanceStep[]): RoutingView {
  const at = run[Math.min(s.step, run.length - 1)]!;
  const first = run[0]!;
  const { routing } = at;
  const T = routing.tokens;
  const k = routing.topK;
  const maxScore = routing.scores.reduce((m, v) => Math.max(m, v), -Infinity);
  const minScore = routing.scores.reduce((m, v) => Math.min(m, v), Infinity);
  const span = maxScore - minScore || 1;
  const rows = WORDS.map((word, t) => {
    const chosen = Array.from(routing.selected.subarray(t * k, (t + 1) * k));
    const gates = Array.from(routing.gates.subarray(t * k, (t + 1) * k));
    const cells = Array.from({ length: EXPERTS }, (_, e) => {
      const score = routing.scores[t * EXPERTS + e] ?? 0;
      const rank = chosen.indexOf(e) + 1;
      return {
        text: fixed(score),
        opacity: 0.06 + 0.94 * ((score - minScore) / span),
        rank,
        gate: rank ? fixed(gates[rank - 1] ?? 0) : '',
      };
    });
    return { word, cells, choice: chosen.map((e, j) => `${e + 1} (${fixed(gates[j] ?? 0)})`).join(', ') };
  });
  const ideal = (T * k) / EXPERTS;
  const loads = Array.from(routing.load, (load, e) => ({
    expert: e + 1,
    load,
    height: `${((load / T) * 100).toFixed(1)}%`,
    bias: fixed(at.bias[e] ?? 0, s.gamma < 0.01 ? 3 : 2),
    over: load > ideal,
  }));
  const loss = balanceLoss(routing);
  const sharedText = s.shared
    ? ' Every word also passes through the shared expert (gate 1), which needs no balancing.'
    : '';
  const assignments = T * k;
  const sentence =
    `After ${s.step} bias update${s.step === 1 ? '' : 's'} (γ = ${s.gamma}): loads ${Array.from(routing.load).join(', ')} ` +
    `for an ideal ${fixed(ideal, ideal % 1 ? 1 : 0)} each; ${at.offBalance} of ${assignments} assignments off balance ` +
    `(${first.offBalance} before balancing); Switch balance loss ${fixed(loss, 3)} (exactly 1 at perfect balance).` +
    sharedText;
  return {
    rows,
    loads,
    idealHeight: `${((ideal / T) * 100).toFixed(1)}%`,
    ideal: fixed(ideal, ideal % 1 ? 1 : 0),
    loss: fixed(loss, 3),
    imbalance: fixed(at.imbalance),
    offBalance: at.offBalance,
    sentence,
  };
}
