/**
 * The RoPE explorer's view-model: from (head dim, base, positions, extension method) to the planes, charts, table
 * rows and sentences the widget shows. Every number comes from src/core/rope (Su et al. 2021; PI, NTK-aware, YaRN,
 * Llama 3.1 scaling); this file only picks what to draw and words it.
 */
import { randn } from '../../core/random';
import {
  ropeBands,
  ropeFrequencies,
  ropeScore,
  decayBound,
  rotate,
  SCALING_LABELS,
  yarnAttentionScale,
  type ScalingMethod,
} from '../../core/rope';
import { formatInteger } from '../../core/units';
import type { Series } from '../shared/LineChart';
import { ParamReader, prefixed } from '../shared/params';

export const DIMS = [16, 32, 64, 128] as const;
export const BASES = [100, 1000, 10_000, 500_000, 1_000_000] as const;
export const FACTORS = [2, 4, 8, 16, 32] as const;
export const ORIGINAL_CONTEXTS = [2048, 4096, 8192] as const;
export const EXTENSIONS: readonly ScalingMethod[] = ['pi', 'ntk', 'yarn', 'llama3'];
export const MAX_POSITION = 512;
export const MAX_OFFSET = 64;
/** Planes drawn at most: the pairs are sampled evenly from fastest to slowest. */
export const MAX_PLANES = 8;
/** The content vector of q and k (q = k, so the angle between them is the rotation alone). */
const CONTENT_SEED = 2104;
/** The second absolute position used to show that the score depends on the offset only. */
const FAR = 10_000;

export { SCALING_LABELS };

export interface RopeState {
  dim: (typeof DIMS)[number];
  base: (typeof BASES)[number];
  /** m: the query position. */
  pos: number;
  /** m − n: how far the key sits behind the query. */
  offset: number;
  method: ScalingMethod;
  factor: (typeof FACTORS)[number];
  original: (typeof ORIGINAL_CONTEXTS)[number];
}

export const DEFAULT_STATE: RopeState = {
  dim: 64,
  base: 10_000,
  pos: 12,
  offset: 3,
  method: 'llama3',
  factor: 8,
  original: 8192,
};

const PREFIX = 'rope';

/** The state linked in a query string (unknown or bad values fall back, with notes). */
export function readState(query: URLSearchParams, base: RopeState = DEFAULT_STATE) {
  const r = new ParamReader(query, PREFIX);
  const state: RopeState = {
    dim: r.choice('dim', DIMS, base.dim),
    base: r.choice('base', BASES, base.base),
    pos: r.int('pos', 0, MAX_POSITION, base.pos),
    offset: r.int('offset', 0, MAX_OFFSET, base.offset),
    method: r.choice('method', EXTENSIONS, base.method),
    factor: r.choice('factor', FACTORS, base.factor),
    original: r.choice('original', ORIGINAL_CONTEXTS, base.original),
  };
  return { state, notes: r.notes };
}

/** Query-string values of `state` (defaults left out). */
export function toUrl(s: RopeState) {
  const d = DEFAULT_STATE;
  return prefixed(PREFIX, {
    dim: [s.dim, d.dim],
    base: [s.base, d.base],
    pos: [s.pos, d.pos],
    offset: [s.offset, d.offset],
    method: [s.method, d.method],
    factor: [s.factor, d.factor],
    original: [s.original, d.original],
  });
}

/** The content vector q = k of width `dim`. */
export function contentVector(dim: number): Float64Array {
  return Float64Array.from(randn(dim, CONTENT_SEED));
}

const tokensText = (v: number) => (v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : formatInteger(v));
const signed = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));

export interface PlaneView {
  index: number;
  title: string;
  wavelength: string;
  /** Unit-circle coordinates of the rotated query and key pair (y up). */
  q: { x: number; y: number };
  k: { x: number; y: number };
  /** Δ·θ_i in degrees, wrapped to (−180, 180]. */
  angle: string;
}

/** The planes for the current positions: q rotated by m·θ_i, k by n·θ_i. */
export function planes(s: RopeState): PlaneView[] {
  const freqs = ropeFrequencies(s.dim, s.base);
  const x = contentVector(s.dim);
  const q = rotate(x, s.pos, freqs);
  const k = rotate(x, s.pos - s.offset, freqs);
  const count = Math.min(MAX_PLANES, freqs.length);
  const picks = Array.from({ length: count }, (_, j) =>
    Math.round(count === 1 ? 0 : (j * (freqs.length - 1)) / (count - 1)),
  );
  return picks.map((i) => {
    const r = Math.hypot(x[2 * i] ?? 0, x[2 * i + 1] ?? 0) || 1;
    const theta = freqs[i] ?? 0;
    let degrees = ((s.offset * theta * 180) / Math.PI) % 360;
    if (degrees > 180) degrees -= 360;
    return {
      index: i,
      title: `Pair ${i}`,
      wavelength: `λ ${tokensText((2 * Math.PI) / theta)} tokens`,
      q: { x: (q[2 * i] ?? 0) / r, y: (q[2 * i + 1] ?? 0) / r },
      k: { x: (k[2 * i] ?? 0) / r, y: (k[2 * i + 1] ?? 0) / r },
      angle: `${degrees.toFixed(1)}°`,
    };
  });
}

/** The live readout for the current positions. */
export function readout(s: RopeState): string {
  const freqs = ropeFrequencies(s.dim, s.base);
  const x = contentVector(s.dim);
  const n = s.pos - s.offset;
  const score = ropeScore(x, x, s.pos, n, freqs) / ropeScore(x, x, 0, 0, freqs);
  const last = freqs.length - 1;
  return (
    `Query at position ${s.pos}, key at ${n} (offset ${s.offset}): q·k = ${signed(score)} × |q|², ` +
    `the same for any two positions ${s.offset} apart. Pair 0 turns every ${tokensText(2 * Math.PI)} tokens, ` +
    `pair ${last} every ${tokensText((2 * Math.PI) / (freqs[last] ?? 1))} tokens.`
  );
}

export interface ChartView {
  series: Series[];
  description: string;
}

/** q·k against the offset at two absolute positions (they coincide) and Su et al.'s decay bound, log-spaced. */
export function distanceChart(s: RopeState): ChartView {
  const freqs = ropeFrequencies(s.dim, s.base);
  const x = contentVector(s.dim);
  const norm = ropeScore(x, x, 0, 0, freqs);
  const distances = new Set<number>();
  for (let j = 0; j <= 160; j++) distances.add(Math.round(65_536 ** (j / 160)));
  const ds = [...distances];
  const at = (origin: number) => ds.map((d) => ({ x: d, y: ropeScore(x, x, origin + d, origin, freqs) / norm }));
  return {
    series: [
      { id: 'near', label: 'q·k / |q|², key at position 0', points: at(0), color: 1 },
      { id: 'far', label: `key at position ${formatInteger(FAR)}`, points: at(FAR), dashed: true, color: 2 },
      {
        id: 'bound',
        label: 'Su et al. decay bound (1 at offset 0)',
        points: ds.map((d) => ({ x: d, y: decayBound(freqs, d) })),
        color: 3,
      },
    ],
    description:
      `Score q·k over |q|² against the offset from 1 to 65,536 tokens, log scale, for d = ${s.dim} and base ` +
      `${formatInteger(s.base)}: the curves for keys at position 0 and at ${formatInteger(FAR)} coincide, and the ` +
      'bound decays with distance.',
  };
}

/** Wavelength per pair for every extension method, with the original and target context as flat lines. */
export function wavelengthChart(s: RopeState): ChartView {
  const opts = { factor: s.factor, originalContext: s.original };
  const methods: ScalingMethod[] = ['none', ...EXTENSIONS];
  const series: Series[] = methods.map((m, i) => ({
    id: m,
    label: m === 'none' ? 'Original' : SCALING_LABELS[m],
    points: ropeBands(s.dim, s.base, m, opts, s.original).map((b) => ({ x: b.index, y: b.scaledWavelength })),
    color: i + 1,
    dashed: m !== 'none' && m !== s.method,
  }));
  const last = s.dim / 2 - 1;
  const flat = (id: string, label: string, y: number): Series => ({
    id,
    label,
    points: [
      { x: 0, y },
      { x: last, y },
    ],
    color: 6,
    dashed: id === 'target',
  });
  series.push(flat('original', `L = ${formatInteger(s.original)}`, s.original));
  series.push(flat('target', `s·L = ${formatInteger(s.original * s.factor)}`, s.original * s.factor));
  return {
    series,
    description:
      `Wavelength in tokens of each of the ${s.dim / 2} pairs (log scale) before scaling and under Position ` +
      `Interpolation, NTK-aware, YaRN and Llama 3.1 scaling by ${s.factor} from ${formatInteger(s.original)} tokens.`,
  };
}

export interface MethodRow {
  method: ScalingMethod;
  label: string;
  kept: number;
  blended: number;
  interpolated: number;
  /** "21 · 4 · 7" */
  split: string;
  /** Wavelength of the slowest pair after scaling. */
  slowest: string;
  /** "6.28–376,938": fastest to slowest wavelength after scaling. */
  range: string;
  note: string;
  current: boolean;
}

const NOTES: Record<ScalingMethod, string> = {
  none: '',
  pi: 'every pair slowed by s',
  ntk: 'base raised to b·s^(d/(d−2))',
  yarn: 'ramp between 1 and 32 turns in L',
  llama3: 'ramp between L/4 and L wavelengths',
};

/** How each method treats the bands, for the comparison table. */
export function methodRows(s: RopeState): MethodRow[] {
  const opts = { factor: s.factor, originalContext: s.original };
  return EXTENSIONS.map((m) => {
    const bands = ropeBands(s.dim, s.base, m, opts, s.original);
    const count = (regime: string) => bands.filter((b) => b.regime === regime).length;
    const slowest = bands[bands.length - 1]?.scaledWavelength ?? 0;
    const fastest = bands[0]?.scaledWavelength ?? 0;
    const note = m === 'yarn' ? `${NOTES.yarn}; logits × ${(yarnAttentionScale(s.factor) ** 2).toFixed(3)}` : NOTES[m];
    return {
      method: m,
      label: SCALING_LABELS[m],
      kept: count('kept'),
      blended: count('blended'),
      interpolated: count('interpolated'),
      split: `${count('kept')} · ${count('blended')} · ${count('interpolated')}`,
      slowest: tokensText(slowest),
      range: `${tokensText(fastest)}–${tokensText(slowest)}`,
      note,
      current: m === s.method,
    };
  });
}

/** One sentence about the selected method. */
export function methodSentence(s: RopeState): string {
  const row = methodRows(s).find((r) => r.current);
  if (!row) return '';
  return (
    `${row.label} ×${s.factor} from ${formatInteger(s.original)} tokens keeps ${row.kept} of ${s.dim / 2} pairs, ` +
    `blends ${row.blended} and divides ${row.interpolated} by ${s.factor}; the slowest pair now turns every ` +
    `${row.slowest} tokens.`
  );
}
