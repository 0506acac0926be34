/**
 * Speculative decoding (Leviathan, Kalman & Matias 2023, arXiv:2211.17192; Chen et al. 2023, arXiv:2302.01318).
 * A drafter q proposes γ tokens; the target p scores them in one pass; draft x is kept with probability
 * min(1, p(x)/q(x)), the first rejection is resampled from norm(max(0, p − q)), and if all γ pass the target adds one
 * token of its own (Algorithm 1). With acceptance rate α = Σ min(p, q) and acceptances independent (§3.1):
 *   expected tokens per target step  E = (1 − α^(γ+1)) / (1 − α)                         (§3.4, eq. 1)
 *   expected walltime improvement    E / (γc + 1) = (1 − α^(γ+1)) / ((1 − α)(γc + 1))      (Theorem 3.8)
 * with c the cost of one drafter step relative to one target step. The simulation runs the real accept/resample rule
 * (seeded) on a toy vocabulary whose draft and target distributions overlap by exactly α, so its running mean converges
 * to E and every emitted token is distributed as p.
 */
import { InputError, positiveInt } from './modelSpec';
import { mulberry32 } from './random';

/** The longest draft accepted. */
export const MAX_DRAFT = 64;
/** The most rounds one simulation runs. */
export const MAX_ROUNDS = 1_000_000;

function checkAlpha(alpha: number): number {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0 || alpha > 1)
    throw new InputError('alpha', `alpha must be a number from 0 to 1, got ${alpha}`);
  return alpha;
}

function checkDraft(k: number): number {
  if (!Number.isInteger(k) || k < 0 || k > MAX_DRAFT)
    throw new InputError('k', `k must be an integer from 0 to ${MAX_DRAFT}, got ${k}`);
  return k;
}

function checkCost(c: number): number {
  if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 10)
    throw new InputError('c', `c must be a number from 0 to 10, got ${c}`);
  return c;
}

/** E = (1 − α^(k+1)) / (1 − α): tokens one target pass yields on average; k + 1 when α = 1. */
export function expectedTokens(alpha: number, k: number): number {
  checkAlpha(alpha);
  checkDraft(k);
  if (alpha === 1) return k + 1;
  return (1 - alpha ** (k + 1)) / (1 - alpha);
}

/** (1 − α^(k+1)) / ((1 − α)(kc + 1)): the expected walltime improvement over plain decoding. */
export function walltimeSpeedup(alpha: number, k: number, c: number): number {
  checkCost(c);
  return expectedTokens(alpha, k) / (k * c + 1);
}

/** The integer k in 1…maxK with the largest walltime improvement (the smallest such k on ties). */
export function optimalDraftLength(alpha: number, c: number, maxK = MAX_DRAFT): { k: number; speedup: number } {
  checkAlpha(alpha);
  checkCost(c);
  positiveInt('maxK', maxK, MAX_DRAFT);
  let best = { k: 1, speedup: walltimeSpeedup(alpha, 1, c) };
  for (let k = 2; k <= maxK; k++) {
    const speedup = walltimeSpeedup(alpha, k, c);
    if (speedup > best.speedup + 1e-12) best = { k, speedup };
  }
  return best;
}

/** α = Σ min(p(x), q(x)) (Definition 3.1): one minus the total-variation distance. */
export function acceptanceRate(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new InputError('q', `q must have ${p.length} entries like p, got ${q.length}`);
  let sum = 0;
  for (let x = 0; x < p.length; x++) sum += Math.min(p[x] ?? 0, q[x] ?? 0);
  return sum;
}

/** The toy vocabulary's size: a shared part over all tokens, a target-only part and a draft-only part. */
export const TOY_VOCAB = 8;
const SHARED = [0.22, 0.18, 0.15, 0.12, 0.11, 0.09, 0.07, 0.06];
const TARGET_ONLY = [0.4, 0.3, 0.2, 0.1, 0, 0, 0, 0];
const DRAFT_ONLY = [0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4];

/**
 * Target p = α·s + (1 − α)·a and draft q = α·s + (1 − α)·b, with a and b on disjoint tokens: Σ min(p, q) = α exactly,
 * drafts from b's tokens are sometimes rejected, and the resampling distribution norm(max(0, p − q)) is a.
 */
export function toyDistributions(alpha: number): { p: Float64Array; q: Float64Array } {
  checkAlpha(alpha);
  const mix = (other: number[]) => Float64Array.from(SHARED, (s, x) => alpha * s + (1 - alpha) * (other[x] ?? 0));
  return { p: mix(TARGET_ONLY), q: mix(DRAFT_ONLY) };
}

/** Cumulative sums of a distribution, for sampling by one uniform draw. */
function cumulative(dist: ArrayLike<number>): Float64Array {
  const out = new Float64Array(dist.length);
  let sum = 0;
  for (let x = 0; x < dist.length; x++) out[x] = sum += dist[x] ?? 0;
  return out;
}

/** The token whose cumulative interval holds u ∈ [0, 1). */
function sample(cum: Float64Array, u: number): number {
  let x = 0;
  while (x < cum.length - 1 && u >= (cum[x] as number)) x++;
  return x;
}

/** One draft-and-verify round. */
export interface Round {
  /** The k drafted token ids. */
  drafted: number[];
  /** How many drafts were accepted (a prefix). */
  accepted: number;
  /** The target's own token: the resample after a rejection, or the bonus token when all k passed. */
  extra: number;
  /** Whether `extra` is the bonus token (all drafts accepted). */
  bonus: boolean;
}

export interface Simulation {
  alpha: number;
  k: number;
  /** How many rounds are recorded token by token (the first `kept`), in compact arrays; see `roundAt`. */
  kept: number;
  /** [kept, k] drafted token ids. */
  drafted: Uint8Array;
  /** [kept] accepted drafts per round (a prefix of the k drafts). */
  accepted: Uint8Array;
  /** [kept] the target's own token: the resample after a rejection, or the bonus token. */
  extra: Uint8Array;
  /** After each round r (0-based), the mean tokens per target step over rounds 0…r. */
  runningMean: Float64Array;
  /** How often each token id was emitted, over all rounds. */
  emitted: Float64Array;
  /** Tokens emitted in total. */
  tokens: number;
}

/** Round r (0-based) of a simulation, or null when it was not recorded. */
export function roundAt(sim: Simulation, r: number): Round | null {
  if (!Number.isInteger(r) || r < 0 || r >= sim.kept) return null;
  const accepted = sim.accepted[r] ?? 0;
  return {
    drafted: [...sim.drafted.subarray(r * sim.k, (r + 1) * sim.k)],
    accepted,
    extra: sim.extra[r] ?? 0,
    bonus: accepted === sim.k,
  };
}

/** Runs `count` seeded rounds of Algorithm 1 with γ = k on the toy distributions for α; records `keep` rounds. */
export function simulateRounds(alpha: number, k: number, count: number, seed: number, keep = 0): Simulation {
  checkAlpha(alpha);
  positiveInt('k', k, MAX_DRAFT);
  positiveInt('count', count, MAX_ROUNDS);
  const kept = Math.max(0, Math.min(count, Math.floor(keep)));
  const { p, q } = toyDistributions(alpha);
  const cumP = cumulative(p);
  const cumQ = cumulative(q);
  const cumResidual = cumulative(TARGET_ONLY);
  const keepProbability = q.map((qx, x) => (qx > 0 ? Math.min(1, (p[x] ?? 0) / qx) : 0));
  const rng = mulberry32(seed);
  const drafted = new Uint8Array(kept * k);
  const acceptedAt = new Uint8Array(kept);
  const extraAt = new Uint8Array(kept);
  const runningMean = new Float64Array(count);
  const emitted = new Float64Array(TOY_VOCAB);
  const round = new Uint8Array(k);
  let tokens = 0;
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < k; i++) round[i] = sample(cumQ, rng());
    let accepted = 0;
    let extra = -1;
    for (let i = 0; i < k; i++) {
      const x = round[i] as number;
      if (rng() < (keepProbability[x] as number)) {
        accepted += 1;
        emitted[x] = (emitted[x] as number) + 1;
      } else {
        extra = sample(cumResidual, rng());
        break;
      }
    }
    if (extra === -1) extra = sample(cumP, rng());
    emitted[extra] = (emitted[extra] ?? 0) + 1;
    tokens += accepted + 1;
    runningMean[r] = tokens / (r + 1);
    if (r < kept) {
      drafted.set(round, r * k);
      acceptedAt[r] = accepted;
      extraAt[r] = extra;
    }
  }
  return { alpha, k, kept, drafted, accepted: acceptedAt, extra: extraAt, runningMean, emitted, tokens };
}
