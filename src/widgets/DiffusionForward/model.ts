/**
 * View-model of the forward-process widget: for a timestep t of T = 1000, the noised picture x_t under the linear
 * (DDPM) and cosine (Improved DDPM) schedules, ᾱ_t and SNR for each, the x_t = a·x_0 + b·ε coefficients, a chart of
 * ᾱ_t (or SNR in dB) for both schedules with t marked, and the readout sentence. Both panels use the same seeded ε,
 * so moving t shows one noise sample fading in, exactly as q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I) prescribes.
 */
import { qSampleWith } from '../../core/diffusion/forward';
import { landscape, toRgba, type RgbImage } from '../../core/diffusion/image';
import { makeSchedule, snrDb, type NoiseSchedule, type ScheduleKind } from '../../core/diffusion/schedule';
import { randn } from '../../core/random';
import type { Marker, Series } from '../shared/LineChart';
import { ParamReader, prefixed } from '../shared/params';

export const FORWARD_T = 1000;
export const IMAGE_SIZE = 64;
export const NOISE_SEED = 17;
export const DEFAULT_T = 300;
export type ChartMode = 'alphaBar' | 'snr';
export const CHART_MODES: readonly ChartMode[] = ['alphaBar', 'snr'];

export interface ForwardState {
  t: number;
  chart: ChartMode;
}
export const DEFAULT_FORWARD: ForwardState = { t: DEFAULT_T, chart: 'alphaBar' };

export interface Panel {
  kind: ScheduleKind;
  /** "Linear (DDPM)" */
  title: string;
  /** "Linear" and "DDPM", for narrow captions. */
  name: string;
  paper: string;
  alphaBar: number;
  snr: number;
  /** "0.524" or "4.04 × 10⁻⁵". */
  alphaBarText: string;
  snrText: string;
  /** The SNR's two halves: "0.0853" and "(−10.7 dB)". */
  snrParts: [string, string];
  /** "xₜ = 0.724·x₀ + 0.690·ε", and its two terms. */
  mixText: string;
  signalText: string;
  noiseText: string;
  /** What the canvas shows, for its accessible name. */
  description: string;
  rgba: Uint8ClampedArray;
}

export interface ForwardView {
  t: number;
  original: Uint8ClampedArray;
  panels: [Panel, Panel];
  chart: { series: Series[]; yLabel: string; description: string; yDomain?: [number, number] };
  markers: Marker[];
  sliderText: string;
  readout: string;
}

let cache: {
  image: RgbImage;
  original: Uint8ClampedArray;
  eps: Float32Array;
  schedules: Record<ScheduleKind, NoiseSchedule>;
} | null = null;

function fixtures() {
  const image = cache?.image ?? landscape(IMAGE_SIZE);
  cache ??= {
    image,
    original: toRgba(image),
    eps: randn(IMAGE_SIZE * IMAGE_SIZE * 3, NOISE_SEED),
    schedules: { linear: makeSchedule('linear', FORWARD_T), cosine: makeSchedule('cosine', FORWARD_T) },
  };
  return cache;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Three significant digits; scientific ("4.04 × 10⁻⁵") below 0.001 or from 10,000; "∞" for Infinity. */
export function formatValue(v: number): string {
  if (v === Infinity) return '∞';
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 0.001 && abs < 10_000) return String(Number(v.toPrecision(3)));
  const [mantissa = '0', exponent = '0'] = v.toExponential(2).split('e');
  const exp = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
  return `${Number(mantissa)} × 10${exp}`;
}

/** SNR as "0.0853 (−10.7 dB)". */
export function formatSnr(snr: number): string {
  if (snr === Infinity) return '∞ (clean)';
  const db = snrDb(snr);
  return `${formatValue(snr)} (${db < 0 ? '−' : '+'}${Math.abs(db).toFixed(1)} dB)`;
}

const NAMES: Record<ScheduleKind, [string, string]> = {
  linear: ['Linear', 'DDPM'],
  cosine: ['Cosine', 'Improved DDPM'],
};
const TITLES: Record<ScheduleKind, string> = { linear: 'Linear (DDPM)', cosine: 'Cosine (Improved DDPM)' };

function panel(kind: ScheduleKind, t: number): Panel {
  const { image, eps, schedules } = fixtures();
  const schedule = schedules[kind];
  const alphaBar = schedule.alphaBars[t] ?? 1;
  const snr = alphaBar >= 1 ? Infinity : alphaBar / (1 - alphaBar);
  const a = Math.sqrt(alphaBar);
  const b = Math.sqrt(1 - alphaBar);
  const noised = qSampleWith(image.data, t, schedule, eps);
  const alphaBarText = formatValue(alphaBar);
  const snrText = formatSnr(snr);
  const cut = snrText.indexOf(' (');
  return {
    kind,
    title: TITLES[kind],
    name: NAMES[kind][0],
    paper: NAMES[kind][1],
    alphaBar,
    snr,
    alphaBarText,
    snrText,
    snrParts: [snrText.slice(0, cut), snrText.slice(cut + 1)],
    mixText: `xₜ = ${a.toFixed(3)}·x₀ + ${b.toFixed(3)}·ε`,
    signalText: `${a.toFixed(3)}·x₀`,
    noiseText: `${b.toFixed(3)}·ε`,
    description: `The landscape noised to step ${t} of ${FORWARD_T} under the ${kind} schedule: ᾱ = ${alphaBarText}, SNR ${snrText}.`,
    rgba: toRgba({ width: image.width, height: image.height, data: noised }),
  };
}

function chartFor(mode: ChartMode): ForwardView['chart'] {
  const { schedules } = fixtures();
  const series = (['linear', 'cosine'] as const).map((kind, i) => {
    const ab = schedules[kind].alphaBars;
    const points = [];
    for (let t = mode === 'snr' ? 5 : 0; t <= FORWARD_T; t += 5) {
      const v = ab[t] ?? 1;
      points.push({ x: t, y: mode === 'snr' ? snrDb(v / (1 - v)) : v });
    }
    return { id: kind, label: TITLES[kind], points, color: i + 1, dashed: kind === 'cosine' };
  });
  return mode === 'snr'
    ? {
        series,
        yLabel: 'SNR (dB)',
        description: 'Signal-to-noise ratio in decibels against the timestep for the linear and cosine schedules.',
      }
    : {
        series,
        yLabel: 'ᾱₜ (signal kept)',
        description: 'ᾱₜ against the timestep for the linear and cosine schedules.',
        yDomain: [0, 1],
      };
}

const chartCache = new Map<ChartMode, ForwardView['chart']>();

/** Everything the widget draws and says at this state (t clamped into 0 … T). */
export function forwardView(state: ForwardState): ForwardView {
  const t = Math.min(FORWARD_T, Math.max(0, Math.round(state.t)));
  const { original } = fixtures();
  const lin = panel('linear', t);
  const cos = panel('cosine', t);
  let chart = chartCache.get(state.chart);
  if (!chart) {
    chart = chartFor(state.chart);
    chartCache.set(state.chart, chart);
  }
  const readout =
    t === 0
      ? `t = 0: the clean picture x₀ (ᾱ = 1 under both schedules).`
      : `t = ${t} of ${FORWARD_T}. Linear: ᾱ = ${lin.alphaBarText}, SNR ${lin.snrText}. ` +
        `Cosine: ᾱ = ${cos.alphaBarText}, SNR ${cos.snrText}.`;
  return {
    t,
    original,
    panels: [lin, cos],
    chart,
    markers: [{ x: t, label: `t = ${t}` }],
    sliderText: `t = ${t}`,
    readout,
  };
}

/** Reads `fwd.t` and `fwd.chart` from a link; malformed values fall back with a note. */
export function forwardFromUrl(params: URLSearchParams): { state: ForwardState; notes: string[] } {
  const reader = new ParamReader(params, 'fwd');
  const state = {
    t: reader.int('t', 0, FORWARD_T, DEFAULT_FORWARD.t),
    chart: reader.choice('chart', CHART_MODES, DEFAULT_FORWARD.chart),
  };
  return { state, notes: reader.notes };
}

/** The URL keys for a state (defaults omitted). */
export function forwardToUrl(state: ForwardState): Record<string, string | number | undefined> {
  return prefixed('fwd', { t: [state.t, DEFAULT_FORWARD.t], chart: [state.chart, DEFAULT_FORWARD.chart] });
}
