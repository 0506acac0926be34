/**
 * The speculative-decoding widget's view-model: draft length γ, acceptance rate α and cost ratio c go through
 * src/core/speculative (Leviathan et al. 2023 eq. 1 and Theorem 3.8) into the readout, the curves against γ, the best
 * γ, and a seeded simulation of draft-and-verify rounds whose running mean converges to the formula.
 */
import {
  expectedTokens,
  optimalDraftLength,
  roundAt,
  simulateRounds,
  walltimeSpeedup,
  type Round,
  type Simulation,
} from '../../core/speculative';
import { formatInteger } from '../../core/units';
import type { Series } from '../shared/LineChart';
import { logSlider } from '../shared/logSlider';
import { ParamReader, prefixed } from '../shared/params';

export const MAX_K = 16;
/** α and c are whole hundredths on the sliders. */
export const MIN_ALPHA = 5;
export const MAX_ALPHA = 99;
export const MAX_COST = 100;
/** Rounds simulated; the widget reveals them one after another. */
export const ROUNDS = 10_000;
export const SEED = 2211;
/** Rounds listed token by token. */
export const LISTED = 5;
/** The toy vocabulary the simulation samples from. */
export const VOCAB = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'and', 'purred'] as const;

/** The "rounds shown" slider: logarithmic, so one arrow press is a similar relative step at 3 and at 10,000. */
export const ROUNDS_SLIDER = logSlider(1, ROUNDS, 24);

export interface SpecState {
  k: number;
  /** α × 100. */
  alpha: number;
  /** c × 100. */
  cost: number;
  /** Rounds of the simulation revealed. */
  shown: number;
}

export const DEFAULT_STATE: SpecState = { k: 4, alpha: 80, cost: 5, shown: 40 };

const PREFIX = 'spec';

export function readState(query: URLSearchParams, base: SpecState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const state: SpecState = {
    k: r.int('k', 1, MAX_K, base.k),
    alpha: r.int('alpha', MIN_ALPHA, MAX_ALPHA, base.alpha),
    cost: r.int('c', 0, MAX_COST, base.cost),
    shown: r.int('rounds', 1, ROUNDS, base.shown),
  };
  return { state, notes: r.notes };
}

export function toUrl(s: SpecState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, {
    k: [s.k, d.k],
    alpha: [s.alpha, d.alpha],
    c: [s.cost, d.cost],
    rounds: [s.shown, d.shown],
  });
}

const two = (x: number) => x.toFixed(2);
export const alphaText = (a: number) => two(a / 100);
export const costText = (c: number) => two(c / 100);

export interface FormulaView {
  expected: number;
  speedup: number;
  best: { k: number; speedup: number };
  readout: string;
  series: Series[];
}

/** The formula's numbers, the sentence and the two curves against γ for the current α and c. */
export function formulaView(s: Pick<SpecState, 'k' | 'alpha' | 'cost'>): FormulaView {
  const alpha = s.alpha / 100;
  const c = s.cost / 100;
  const expected = expectedTokens(alpha, s.k);
  const speedup = walltimeSpeedup(alpha, s.k, c);
  const best = optimalDraftLength(alpha, c, MAX_K);
  const ks = Array.from({ length: MAX_K }, (_, i) => i + 1);
  const verdict =
    speedup >= 1
      ? `decoding is ${two(speedup)}× faster`
      : `decoding is slower (${two(speedup)}×): drafting costs more than it saves`;
  const bestText =
    best.speedup > 1
      ? `The best γ for this α and c is ${best.k} (${two(best.speedup)}×).`
      : 'No γ beats plain decoding at this α and c.';
  return {
    expected,
    speedup,
    best,
    readout:
      `γ = ${s.k}, α = ${alphaText(s.alpha)}: each target pass yields ${two(expected)} tokens on average; with c = ` +
      `${costText(s.cost)} a round costs ${two(s.k * c + 1)} target steps, so ${verdict}. ${bestText}`,
    series: [
      {
        id: 'tokens',
        label: 'Tokens per target pass E = (1 − α^(γ+1)) / (1 − α)',
        points: ks.map((k) => ({ x: k, y: expectedTokens(alpha, k) })),
      },
      {
        id: 'speedup',
        label: 'Walltime speed-up E / (γc + 1)',
        points: ks.map((k) => ({ x: k, y: walltimeSpeedup(alpha, k, c) })),
      },
    ],
  };
}

/** The seeded simulation for α and γ (every round recorded). */
export function simulate(s: Pick<SpecState, 'k' | 'alpha'>): Simulation {
  return simulateRounds(s.alpha / 100, s.k, ROUNDS, SEED + s.k * 100 + s.alpha, ROUNDS);
}

export type ChipKind = 'accepted' | 'rejected' | 'discarded' | 'resampled' | 'bonus';

export interface Chip {
  token: string;
  kind: ChipKind;
  /** Screen-reader and tooltip text. */
  label: string;
}

export interface RoundView {
  number: number;
  chips: Chip[];
  tokens: number;
}

const CHIP_LABEL: Record<ChipKind, string> = {
  accepted: 'draft accepted',
  rejected: 'draft rejected',
  discarded: 'draft discarded after a rejection',
  resampled: 'target token resampled from the residual',
  bonus: 'bonus token from the target (all drafts accepted)',
};

const chip = (id: number, kind: ChipKind): Chip => {
  const token = VOCAB[id] ?? '?';
  return { token, kind, label: `${token}: ${CHIP_LABEL[kind]}` };
};

function roundView(r: Round, number: number): RoundView {
  const chips = r.drafted.map((id, i) =>
    chip(id, i < r.accepted ? 'accepted' : i === r.accepted ? 'rejected' : 'discarded'),
  );
  chips.push(chip(r.extra, r.bonus ? 'bonus' : 'resampled'));
  return { number, chips, tokens: r.accepted + 1 };
}

export interface SimulationView {
  /** The last LISTED rounds revealed, newest first. */
  rounds: RoundView[];
  mean: number;
  series: Series[];
  sentence: string;
}

/** What the simulation shows after `shown` rounds. */
export function simulationView(sim: Simulation, shown: number): SimulationView {
  const n = Math.max(1, Math.min(ROUNDS, Math.round(shown)));
  const formula = expectedTokens(sim.alpha, sim.k);
  const mean = sim.runningMean[n - 1] ?? 0;
  const rounds: RoundView[] = [];
  for (let r = n - 1; r >= Math.max(0, n - LISTED); r--) {
    const round = roundAt(sim, r);
    if (round) rounds.push(roundView(round, r + 1));
  }
  const points = [];
  for (let r = 1; r <= n; r = Math.max(r + 1, Math.round(r * 1.08)))
    points.push({ x: r, y: sim.runningMean[r - 1] ?? 0 });
  if (points.at(-1)?.x !== n) points.push({ x: n, y: mean });
  return {
    rounds,
    mean,
    series: [
      { id: 'mean', label: 'Simulated mean tokens per target pass', points },
      {
        id: 'formula',
        label: 'Formula',
        dashed: true,
        color: 6,
        points: [
          { x: 1, y: formula },
          { x: Math.max(2, n), y: formula },
        ],
      },
    ],
    sentence:
      `After ${formatInteger(n)} simulated round${n === 1 ? '' : 's'}: ${two(mean)} tokens per target pass ` +
      `(formula ${two(formula)}, difference ${two(Math.abs(mean - formula))}).`,
  };
}

/** The next revealed count while playing: one round at a time at first, then faster. */
export function nextShown(shown: number): number {
  return Math.min(ROUNDS, shown + Math.max(1, Math.floor(shown / 12)));
}
