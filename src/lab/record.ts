/**
 * A lab run as data: per-variant loss curves (training loss as means over blocks of TRAIN_BLOCK steps, validation
 * loss every VAL_EVERY steps), throughput, and the run's settings. The recorded run the page starts from
 * (scripts/record-lab.ts) and the JSON a user exports share this format; parseRunRecord checks a file field by field.
 * The recorder is pure bookkeeping (no jax-js), so the Worker, the Node script and the tests share it.
 */
import { InputError } from '../core/modelSpec';

/** Training-loss points are means over this many consecutive steps (one point per block). */
export const TRAIN_BLOCK = 5;
/** Validation runs at step 0, every VAL_EVERY steps and at the last step. */
export const VAL_EVERY = 20;
/** Throughput is the median over this many recent steps (the first step, which compiles, is left out). */
const THROUGHPUT_WINDOW = 20;

/** [step, loss in nats per character]. */
export type CurvePoint = readonly [step: number, loss: number];

export interface RunCurve {
  readonly id: string;
  readonly label: string;
  readonly train: readonly CurvePoint[];
  readonly val: readonly CurvePoint[];
  /** Tokens per second of this variant's own steps (median), null before two steps. */
  readonly tokensPerSecond: number | null;
}

export interface LabRunRecord {
  readonly format: 'ai-arch-lab-run';
  readonly version: 1;
  /** 'recorded': the file the page starts from; 'browser': a run exported from the page. */
  readonly source: 'recorded' | 'browser';
  /** Library and device, e.g. "@jax-js/jax 0.1.25 (wasm, Node 20)". */
  readonly runtime: string;
  readonly settings: {
    readonly variants: readonly string[];
    readonly steps: number;
    readonly seed: number;
    readonly batch: number;
  };
  /** Steps completed (≤ settings.steps). */
  readonly completed: number;
  readonly curves: readonly RunCurve[];
  /** Text sampled from each variant at the end, or null. */
  readonly samples: RunSamples | null;
}

/** Seeded samples from every variant after the same prompt. */
export interface RunSamples {
  readonly prompt: string;
  readonly temperature: number;
  readonly seed: number;
  readonly step: number;
  readonly results: readonly { readonly id: string; readonly text: string }[];
}

/** Whether validation runs after `step` of a `total`-step run (step 0 = before training). */
export function isValidationStep(step: number, total: number): boolean {
  return step === 0 || step % VAL_EVERY === 0 || step === total;
}

/** Median of the numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** New points since the last drain, per variant. */
export interface CurveDelta {
  readonly id: string;
  readonly train: CurvePoint[];
  readonly val: CurvePoint[];
  readonly tokensPerSecond: number | null;
  /** The last raw training loss. */
  readonly lastLoss: number | null;
}

/** Accumulates a run's curves step by step. */
export interface Recorder {
  addStep(step: number, results: readonly { id: string; loss: number; ms: number }[]): void;
  addValidation(step: number, results: readonly { id: string; loss: number }[]): void;
  /** Points added since the previous call (for progress messages). */
  drain(): CurveDelta[];
  curves(): RunCurve[];
}

/** A recorder for variants `ids` (labels shown in exports), `tokensPerStep` tokens per training step. */
export function createRecorder(variants: readonly { id: string; label: string }[], tokensPerStep: number): Recorder {
  const state = variants.map((v) => ({
    ...v,
    train: [] as CurvePoint[],
    val: [] as CurvePoint[],
    block: [] as number[],
    times: [] as number[],
    sent: { train: 0, val: 0 },
    lastLoss: null as number | null,
  }));
  const find = (id: string) => state.find((s) => s.id === id);
  const throughput = (times: readonly number[]) => {
    const ms = median(times.slice(-THROUGHPUT_WINDOW));
    return times.length > 0 && ms > 0 ? (tokensPerStep * 1000) / ms : null;
  };
  return {
    addStep(step, results) {
      for (const r of results) {
        const s = find(r.id);
        if (!s) continue;
        s.block.push(r.loss);
        s.lastLoss = r.loss;
        if (step > 1) s.times.push(r.ms);
        if (s.block.length === TRAIN_BLOCK) {
          s.train.push([step, s.block.reduce((a, b) => a + b, 0) / TRAIN_BLOCK]);
          s.block = [];
        }
      }
    },
    addValidation(step, results) {
      for (const r of results) find(r.id)?.val.push([step, r.loss]);
    },
    drain() {
      return state.map((s) => {
        const delta = {
          id: s.id,
          train: s.train.slice(s.sent.train),
          val: s.val.slice(s.sent.val),
          tokensPerSecond: throughput(s.times),
          lastLoss: s.lastLoss,
        };
        s.sent = { train: s.train.length, val: s.val.length };
        return delta;
      });
    },
    curves() {
      return state.map((s) => ({
        id: s.id,
        label: s.label,
        train: [...s.train],
        val: [...s.val],
        tokensPerSecond: throughput(s.times),
      }));
    },
  };
}

const fail = (field: string, message: string): never => {
  throw new InputError(field, message);
};

function points(value: unknown, field: string): CurvePoint[] {
  if (!Array.isArray(value)) return fail(field, `${field} must be an array of [step, loss] pairs`);
  return value.map((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n)))
      return fail(`${field}[${i}]`, `${field}[${i}] must be a [step, loss] pair of finite numbers`);
    return [p[0] as number, p[1] as number] as const;
  });
}

/** Checks a run file (recorded or exported); throws an InputError naming the first bad field. */
export function parseRunRecord(value: unknown): LabRunRecord {
  const r = value as Partial<LabRunRecord> | null;
  if (typeof r !== 'object' || r === null) return fail('record', 'a lab run must be a JSON object');
  if (r.format !== 'ai-arch-lab-run') fail('format', 'format must be "ai-arch-lab-run"');
  if (r.version !== 1) fail('version', 'version must be 1');
  if (r.source !== 'recorded' && r.source !== 'browser') fail('source', 'source must be "recorded" or "browser"');
  if (typeof r.runtime !== 'string') fail('runtime', 'runtime must be a string');
  const s = r.settings;
  if (typeof s !== 'object' || s === null) return fail('settings', 'settings must be an object');
  if (!Array.isArray(s.variants) || !s.variants.every((v) => typeof v === 'string'))
    fail('settings.variants', 'settings.variants must be a list of variant ids');
  for (const key of ['steps', 'seed', 'batch'] as const)
    if (!Number.isInteger(s[key]) || (s[key] as number) < 0)
      fail(`settings.${key}`, `settings.${key} must be a non-negative integer`);
  if (!Number.isInteger(r.completed)) fail('completed', 'completed must be an integer');
  if (!Array.isArray(r.curves)) return fail('curves', 'curves must be an array');
  const curves = r.curves.map((c, i) => {
    if (typeof c?.id !== 'string' || typeof c.label !== 'string')
      fail(`curves[${i}]`, `curves[${i}] needs a string id and label`);
    const tps = c.tokensPerSecond;
    if (tps !== null && !(typeof tps === 'number' && Number.isFinite(tps) && tps >= 0))
      fail(`curves[${i}].tokensPerSecond`, `curves[${i}].tokensPerSecond must be a number ≥ 0 or null`);
    return {
      id: c.id,
      label: c.label,
      train: points(c.train, `curves[${i}].train`),
      val: points(c.val, `curves[${i}].val`),
      tokensPerSecond: tps,
    };
  });
  return { ...(r as LabRunRecord), curves, samples: parseSamples(r.samples) };
}

function parseSamples(value: unknown): RunSamples | null {
  if (value === null || value === undefined) return null;
  const s = value as Partial<RunSamples>;
  if (typeof s.prompt !== 'string') fail('samples.prompt', 'samples.prompt must be a string');
  for (const key of ['temperature', 'seed', 'step'] as const)
    if (typeof s[key] !== 'number' || !Number.isFinite(s[key]))
      fail(`samples.${key}`, `samples.${key} must be a number`);
  if (!Array.isArray(s.results) || !s.results.every((r) => typeof r?.id === 'string' && typeof r.text === 'string'))
    fail('samples.results', 'samples.results must be a list of { id, text }');
  return s as RunSamples;
}
