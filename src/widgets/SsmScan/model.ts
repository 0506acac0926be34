/**
 * The selective-scan widget's view-model: a sentence's characters, embedded by a seeded table, run through a small
 * Mamba-style selective SSM (src/core/ssm: input-dependent Δ, B, C; zero-order hold or Mamba's simplified B̄), one
 * token at a time; and the memory and FLOPs of attention, SSM and hybrid presets against sequence length
 * (src/core/flops over src/core/kvCache). This file only arranges and words what the cores compute.
 */
import { embedSequence } from '../../core/embed';
import { selectionWeights, selectiveInputs, selectiveScan, type Discretization } from '../../core/ssm';
import { ParamReader, prefixed } from '../shared/params';

/** D: channels of the toy SSM. */
export const CHANNELS = 4;
/** N: state size per channel (Mamba uses 16). */
export const STATE_SIZE = 8;
export const MAX_TEXT = 32;
export const TEXT_PATTERN = /^[\x20-\x7e]+$/;
const SEED = 2312;
/** Δ at initialisation spans this range across channels (wider than Mamba's 0.001–0.1 so 30 tokens show it). */
const DT = { dtMin: 0.05, dtMax: 1 };

export interface SsmState {
  text: string;
  /** 1-based token index. */
  step: number;
  method: Discretization;
}

export const DEFAULT_STATE: SsmState = { text: 'the cat sat on the mat.', step: 5, method: 'zoh' };
export const METHODS: readonly Discretization[] = ['zoh', 'simplified'];
export const METHOD_LABELS: Record<Discretization, string> = { zoh: 'Zero-order hold', simplified: 'B̄ ≈ ΔB' };

const PREFIX = 'ssm';

/** The state linked in a query string; bad values fall back with notes. */
export function readState(query: URLSearchParams, base: SsmState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const text = r.text('text', MAX_TEXT, TEXT_PATTERN, base.text);
  const state: SsmState = {
    text,
    step: r.int('step', 1, text.length, Math.min(base.step, text.length)),
    method: r.choice('method', METHODS, base.method),
  };
  return { state, notes: r.notes };
}

export function toUrl(s: SsmState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, { text: [s.text, d.text], step: [s.step, d.step], method: [s.method, d.method] });
}

/** Checks typed text: an error naming the accepted input, or null. */
export function textError(text: string): string | null {
  if (text.length === 0 || text.length > MAX_TEXT || !TEXT_PATTERN.test(text))
    return `Input must be 1 to ${MAX_TEXT} printable ASCII characters`;
  return null;
}

/** The whole scan over the text: per-token Δ (T×D), B, C (T×N), states (T×D×N) and outputs (T×D). */
export interface ScanRun {
  chars: string[];
  delta: Float64Array;
  B: Float64Array;
  C: Float64Array;
  states: Float64Array;
  y: Float64Array;
  /** Largest |value| of each quantity over the sequence, for a colour scale shared by all steps. */
  scale: { delta: number; B: number; C: number; h: number };
}

const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;

export function runScan(text: string, method: Discretization): ScanRun {
  const chars = [...text];
  const w = selectionWeights(CHANNELS, STATE_SIZE, SEED, DT);
  const inputs = selectiveInputs(w, embedSequence(chars, CHANNELS, SEED + 7));
  const { y, states } = selectiveScan(inputs, method);
  return {
    chars,
    delta: inputs.delta,
    B: inputs.B,
    C: inputs.C,
    states,
    y,
    scale: { delta: maxAbs(inputs.delta), B: maxAbs(inputs.B), C: maxAbs(inputs.C), h: maxAbs(states) },
  };
}

/** A heat cell: its value, text, sign and fill opacity (|value| relative to the sequence's largest). */
export interface Cell {
  value: number;
  text: string;
  positive: boolean;
  opacity: number;
}

const cells = (values: ArrayLike<number>, scale: number): Cell[] =>
  Array.from(values, (v) => ({
    value: v,
    text: v.toFixed(2),
    positive: v >= 0,
    opacity: 0.08 + 0.92 * Math.min(1, Math.abs(v) / scale),
  }));

export interface StepView {
  char: string;
  /** "5 of 23 · 'c'" */
  position: string;
  delta: Cell[];
  B: Cell[];
  C: Cell[];
  /** D rows of N cells. */
  h: Cell[][];
  y: Cell[];
  sentence: string;
}

const shown = (c: string) => (c === ' ' ? 'space' : `“${c}”`);

/** What the widget shows at token `step` (1-based). */
export function stepView(run: ScanRun, step: number): StepView {
  const T = run.chars.length;
  const t = Math.min(T, Math.max(1, step)) - 1;
  const D = CHANNELS;
  const N = STATE_SIZE;
  const char = run.chars[t] ?? '';
  const delta = cells(run.delta.subarray(t * D, (t + 1) * D), run.scale.delta);
  const h = Array.from({ length: D }, (_, d) =>
    cells(run.states.subarray((t * D + d) * N, (t * D + d + 1) * N), run.scale.h),
  );
  const y = cells(run.y.subarray(t * D, (t + 1) * D), maxAbs(run.y));
  const big = delta.reduce((best, c, d) => (c.value > (delta[best]?.value ?? 0) ? d : best), 0);
  const small = delta.reduce((best, c, d) => (c.value < (delta[best]?.value ?? Infinity) ? d : best), 0);
  const keep = Math.exp(-(delta[small]?.value ?? 0));
  const sentence =
    `Token ${t + 1} of ${T}, ${shown(char)}: Δ = ${delta.map((c) => c.text).join(', ')} across the ${D} channels. ` +
    `Channel ${big + 1} (largest Δ) lets this token overwrite most of its state; channel ${small + 1} keeps ` +
    `${Math.round(keep * 100)}% of its slowest state (e^(−Δ)). Output y = ${y.map((c) => c.text).join(', ')}.`;
  return {
    char,
    position: `${t + 1} of ${T} · ${shown(char)}`,
    delta,
    B: cells(run.B.subarray(t * N, (t + 1) * N), run.scale.B),
    C: cells(run.C.subarray(t * N, (t + 1) * N), run.scale.C),
    h,
    y,
    sentence,
  };
}

/** y_t of every channel against the token index. */
export function outputSeries(run: ScanRun) {
  return Array.from({ length: CHANNELS }, (_, d) => ({
    id: `y${d}`,
    label: `Channel ${d + 1}`,
    points: run.chars.map((_, t) => ({ x: t + 1, y: run.y[t * CHANNELS + d] ?? 0 })),
    color: d + 1,
  }));
}
