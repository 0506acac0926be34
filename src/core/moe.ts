/**
 * Mixture-of-experts routing on a batch of token vectors:
 *   router scores from a linear router, softmax (Shazeer et al. 2017, arXiv:1701.06538 §2.1, eq. 3–5; Mixtral) or
 *   sigmoid (DeepSeek-V3, arXiv:2412.19437 §2.1.2 eq. 15), top-k selection, gates renormalised over the chosen
 *   experts (Mixtral, DeepSeek-V3) or left as the raw softmax probability (Switch Transformer), shared experts that
 *   every token uses (DeepSeekMoE, arXiv:2401.06066 §3.2);
 *   the Switch Transformer auxiliary loss (Fedus et al. 2021, arXiv:2101.03961 §2.2 eq. 4–6) without its α:
 *   E · Σ_i f_i · P_i, with f_i the fraction of the T·k assignments sent to expert i and P_i the mean routing
 *   probability of i, so it is exactly 1 at perfect balance;
 *   DeepSeek-V3's auxiliary-loss-free balancing (§2.1.2 eq. 16): a per-expert bias b_i added to the scores for
 *   selection only (gates use the unbiased scores), lowered by γ when the expert is overloaded and raised by γ when
 *   underloaded after each step.
 * Shapes: T tokens, d model width, E routed experts, k experts per token; row-major Float64Array.
 */
import { InputError, positiveInt } from './modelSpec';
import { randn } from './random';

export type Scoring = 'softmax' | 'sigmoid';

/** One routing decision for a batch. */
export interface Routing {
  tokens: number;
  experts: number;
  topK: number;
  /** Router scores (probabilities for softmax, affinities in (0, 1) for sigmoid): T × E. */
  scores: Float64Array;
  /** Chosen experts per token, best first by selection score: T × k. */
  selected: Int32Array;
  /** The gate weight of each chosen expert: T × k. */
  gates: Float64Array;
  /** Tokens sent to each expert (E); sums to T·k. */
  load: Int32Array;
}

/** logits = x Wᵀ: (T × d) · (E × d)ᵀ → T × E. */
export function routerLogits(x: Float64Array, router: Float64Array, dim: number): Float64Array {
  positiveInt('dim', dim, 1_000_000);
  if (x.length === 0 || x.length % dim !== 0)
    throw new InputError('x', `x must hold T × ${dim} elements for some T ≥ 1, got ${x.length}`);
  if (router.length === 0 || router.length % dim !== 0)
    throw new InputError('router', `router must hold E × ${dim} elements for some E ≥ 1, got ${router.length}`);
  const T = x.length / dim;
  const E = router.length / dim;
  const out = new Float64Array(T * E);
  for (let t = 0; t < T; t++)
    for (let e = 0; e < E; e++) {
      let acc = 0;
      for (let j = 0; j < dim; j++) acc += (x[t * dim + j] ?? 0) * (router[e * dim + j] ?? 0);
      out[t * E + e] = acc;
    }
  return out;
}

/** Scores per token from logits (T × E): a softmax over experts, or an independent sigmoid per expert. */
export function routerScores(logits: Float64Array, experts: number, scoring: Scoring): Float64Array {
  const E = positiveInt('experts', experts, 100_000);
  if (logits.length === 0 || logits.length % E !== 0)
    throw new InputError('logits', `logits must hold T × ${E} elements, got ${logits.length}`);
  const out = new Float64Array(logits.length);
  for (let t = 0; t < logits.length / E; t++) {
    const row = logits.subarray(t * E, (t + 1) * E);
    if (scoring === 'sigmoid') {
      row.forEach((v, e) => (out[t * E + e] = 1 / (1 + Math.exp(-v))));
      continue;
    }
    const max = Math.max(...row);
    let sum = 0;
    row.forEach((v) => (sum += Math.exp(v - max)));
    row.forEach((v, e) => (out[t * E + e] = Math.exp(v - max) / sum));
  }
  return out;
}

export interface RouteOptions {
  topK: number;
  /** Per-expert bias added to the scores for selection only (DeepSeek-V3); default none. */
  bias?: Float64Array;
  /** Divide the chosen gates by their sum (Mixtral, DeepSeek-V3); false keeps raw probabilities (Switch). */
  renormalize?: boolean;
}

/** Top-k routing of every token; ties go to the lower expert index. */
export function route(scores: Float64Array, experts: number, options: RouteOptions): Routing {
  const E = positiveInt('experts', experts, 100_000);
  const k = positiveInt('topK', options.topK, E);
  if (scores.length === 0 || scores.length % E !== 0)
    throw new InputError('scores', `scores must hold T × ${E} elements, got ${scores.length}`);
  const bias = options.bias;
  if (bias && bias.length !== E) throw new InputError('bias', `bias must have ${E} elements, got ${bias.length}`);
  const T = scores.length / E;
  const selected = new Int32Array(T * k);
  const gates = new Float64Array(T * k);
  const load = new Int32Array(E);
  const order = Array.from({ length: E }, (_, e) => e);
  for (let t = 0; t < T; t++) {
    const sel = (e: number) => (scores[t * E + e] ?? 0) + (bias?.[e] ?? 0);
    const chosen = [...order].sort((a, b) => sel(b) - sel(a) || a - b).slice(0, k);
    const raw = chosen.map((e) => scores[t * E + e] ?? 0);
    const sum = raw.reduce((a, b) => a + b, 0);
    chosen.forEach((e, j) => {
      selected[t * k + j] = e;
      gates[t * k + j] = options.renormalize === false || sum === 0 ? (raw[j] ?? 0) : (raw[j] ?? 0) / sum;
      load[e] = (load[e] ?? 0) + 1;
    });
  }
  return { tokens: T, experts: E, topK: k, scores, selected, gates, load };
}

/**
 * The Switch auxiliary loss without α: E · Σ_i f_i P_i, f_i = load_i / (T·k), P_i = mean over tokens of the
 * normalised score of expert i (scores divided by their row sum, which leaves softmax probabilities unchanged and
 * turns sigmoid affinities into a distribution as DeepSeek-V3's sequence-wise loss does, eq. 17–20). 1 at balance.
 */
export function balanceLoss(routing: Routing): number {
  const { tokens: T, experts: E, topK: k, scores, load } = routing;
  let loss = 0;
  const meanProb = new Float64Array(E);
  for (let t = 0; t < T; t++) {
    const row = scores.subarray(t * E, (t + 1) * E);
    const sum = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((v, e) => (meanProb[e] = (meanProb[e] ?? 0) + v / sum / T));
  }
  for (let e = 0; e < E; e++) loss += ((load[e] ?? 0) / (T * k)) * (meanProb[e] ?? 0);
  return E * loss;
}

/** max load / mean load: 1 at perfect balance, E/k when every token picks the same experts. */
export function loadImbalance(load: Int32Array): number {
  const total = load.reduce((a, b) => a + b, 0);
  if (total === 0) return 1;
  return Math.max(...load) / (total / load.length);
}

/**
 * Assignments that would have to move for perfect balance: Σ_i |load_i − mean| / 2 (0 when every expert gets the
 * same load; at least 0 and at most T·k·(1 − 1/E)).
 */
export function assignmentsOffBalance(load: Int32Array): number {
  const mean = load.reduce((a, b) => a + b, 0) / (load.length || 1);
  return load.reduce((s, l) => s + Math.abs(l - mean), 0) / 2;
}

/** DeepSeek-V3's update: b_i − γ for overloaded experts, b_i + γ for underloaded ones, unchanged at the mean. */
export function biasUpdate(bias: Float64Array, load: Int32Array, gamma: number): Float64Array {
  if (!(Number.isFinite(gamma) && gamma >= 0 && gamma <= 1))
    throw new InputError('gamma', `gamma must be a number from 0 to 1, got ${gamma}`);
  if (bias.length !== load.length)
    throw new InputError('bias', `bias must have ${load.length} elements, got ${bias.length}`);
  const mean = load.reduce((a, b) => a + b, 0) / load.length;
  return bias.map((b, e) => b + gamma * Math.sign(mean - (load[e] ?? 0)));
}

/** One step of bias balancing on a fixed batch: the routing with the current bias, and the next bias. */
export interface BalanceStep {
  step: number;
  bias: Float64Array;
  routing: Routing;
  /** max load / mean load. */
  imbalance: number;
  /** assignmentsOffBalance of the loads. */
  offBalance: number;
}

/** Routes the batch `steps + 1` times, updating the bias after each routing; entry i is the state after i updates. */
export function biasBalancing(
  scores: Float64Array,
  experts: number,
  options: { topK: number; gamma: number; steps: number; renormalize?: boolean },
): BalanceStep[] {
  const steps = Math.max(0, positiveInt('steps', options.steps + 1, 10_001) - 1);
  let bias: Float64Array = new Float64Array(positiveInt('experts', experts, 100_000));
  const out: BalanceStep[] = [];
  for (let step = 0; step <= steps; step++) {
    const routing = route(scores, experts, { topK: options.topK, bias, renormalize: options.renormalize });
    out.push({
      step,
      bias,
      routing,
      imbalance: loadImbalance(routing.load),
      offBalance: assignmentsOffBalance(routing.load),
    });
    bias = biasUpdate(bias, routing.load, options.gamma);
  }
  return out;
}

/** A seeded linear router E × d with N(0, 1/d) weights. */
export function seededRouter(experts: number, dim: number, seed: number): Float64Array {
  const E = positiveInt('experts', experts, 100_000);
  const d = positiveInt('dim', dim, 1_000_000);
  return Float64Array.from(randn(E * d, seed, 1 / Math.sqrt(d)));
}
