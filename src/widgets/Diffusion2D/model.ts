/**
 * View-model of the 2-D diffusion toy: settings and their URL form, the canvas geometry, the quality figure (mean
 * distance of samples to the nearest data point, beside the same figure for fresh data and for pure noise), the
 * provenance label, and every sentence the widget shows. Pure: tested in Node, no DOM.
 */
import {
  DATASET_IDS,
  MIN_DRAWN_POINTS,
  toyDataset,
  VIEW_EXTENT,
  type Dataset2D,
  type DatasetId,
} from '../../core/diffusion/data';
import { meanNearestDistance } from '../../core/diffusion/mlp';
import { SAMPLER_KINDS, type SamplerKind } from '../../core/diffusion/sample';
import { randn } from '../../core/random';
import { formatInteger } from '../../core/units';
import type { Provenance } from '../shared/WidgetFrame';
import { ParamReader, prefixed } from '../shared/params';
import { DATA_POINTS, DATA_SEED, LIVE_STEPS, SAMPLE_POINTS } from './config';
import type { ClassChoice, RunProgress, RunSettings } from './sampling';

export interface ToySettings {
  data: DatasetId;
  sampler: SamplerKind;
  steps: number;
  /** Classifier-free guidance scale w (0 … GUIDANCE_MAX in halves). */
  guidance: number;
  cls: ClassChoice;
  trainSteps: number;
}

export const DEFAULT_TOY: ToySettings = {
  data: 'moons',
  sampler: 'ddim',
  steps: 20,
  guidance: 3,
  cls: 'none',
  trainSteps: LIVE_STEPS,
};
export const STEP_LIMITS: Record<SamplerKind, { min: number; max: number }> = {
  ddpm: { min: 10, max: 100 },
  ddim: { min: 2, max: 100 },
};
export const GUIDANCE_MAX = 6;
export const GUIDANCE_VALUES = Array.from({ length: GUIDANCE_MAX * 2 + 1 }, (_, i) => i / 2);
export const TRAIN_STEP_OPTIONS = [500, 2000, 5000, 10000] as const;
const CLASS_CHOICES: readonly ClassChoice[] = ['none', 'a', 'b'];

export const DATASET_LABEL: Record<DatasetId, string> = {
  moons: 'Two moons',
  spiral: 'Spiral',
  drawn: 'Your points',
};

/** Human names of the two classes of a dataset. */
export function classNames(data: DatasetId): [string, string] {
  return data === 'spiral' ? ['first arm', 'second arm'] : ['upper moon', 'lower moon'];
}

/** Keeps the step count inside the sampler's range and the class choice valid for the dataset. */
export function normalize(s: ToySettings): ToySettings {
  const { min, max } = STEP_LIMITS[s.sampler];
  return {
    ...s,
    steps: Math.min(max, Math.max(min, Math.round(s.steps))),
    cls: s.data === 'drawn' ? 'none' : s.cls,
  };
}

/** Reads the toy's `toy.*` keys from a link; bad values fall back with a note. */
export function toyFromUrl(params: URLSearchParams): { settings: ToySettings; notes: string[] } {
  const r = new ParamReader(params, 'toy');
  const sampler = r.choice('sampler', SAMPLER_KINDS, DEFAULT_TOY.sampler);
  const limits = STEP_LIMITS[sampler];
  const settings = normalize({
    data: r.choice('data', DATASET_IDS, DEFAULT_TOY.data),
    sampler,
    steps: r.int('steps', limits.min, limits.max, Math.min(limits.max, Math.max(limits.min, DEFAULT_TOY.steps))),
    guidance: r.choice('w', GUIDANCE_VALUES, DEFAULT_TOY.guidance),
    cls: r.choice('class', CLASS_CHOICES, DEFAULT_TOY.cls),
    trainSteps: r.choice('train', TRAIN_STEP_OPTIONS, LIVE_STEPS as (typeof TRAIN_STEP_OPTIONS)[number]),
  });
  return { settings, notes: r.notes };
}

/** The URL keys of a state (defaults omitted). */
export function toyToUrl(s: ToySettings): Record<string, string | number | undefined> {
  return prefixed('toy', {
    data: [s.data, DEFAULT_TOY.data],
    sampler: [s.sampler, DEFAULT_TOY.sampler],
    steps: [s.steps, DEFAULT_TOY.steps],
    w: [s.guidance, DEFAULT_TOY.guidance],
    class: [s.cls, DEFAULT_TOY.cls],
    train: [s.trainSteps, DEFAULT_TOY.trainSteps],
  });
}

/** Data coordinates → canvas pixels (y up) on a square canvas of `size` px. */
export function toPx(x: number, y: number, size: number): [number, number] {
  const scale = size / (2 * VIEW_EXTENT);
  return [(x + VIEW_EXTENT) * scale, (VIEW_EXTENT - y) * scale];
}

/** Canvas pixels → data coordinates. */
export function fromPx(px: number, py: number, size: number): { x: number; y: number } {
  const scale = (2 * VIEW_EXTENT) / size;
  return { x: px * scale - VIEW_EXTENT, y: VIEW_EXTENT - py * scale };
}

/** The brush after a key press (arrow keys move it by 0.1, or 0.5 with Shift), or null for other keys. */
export function moveBrush(
  brush: { x: number; y: number },
  key: string,
  shift: boolean,
): { x: number; y: number } | null {
  const d = shift ? 0.5 : 0.1;
  const delta: Record<string, [number, number]> = {
    ArrowLeft: [-d, 0],
    ArrowRight: [d, 0],
    ArrowUp: [0, d],
    ArrowDown: [0, -d],
  };
  const move = delta[key];
  if (!move) return null;
  const clamp = (v: number) => Math.round(Math.max(-VIEW_EXTENT, Math.min(VIEW_EXTENT, v)) * 100) / 100;
  return { x: clamp(brush.x + move[0]), y: clamp(brush.y + move[1]) };
}

/** The built-in dataset for an id (drawn data comes from the user's points). */
export function builtinDataset(id: 'moons' | 'spiral'): Dataset2D {
  return toyDataset(id, DATA_POINTS, DATA_SEED);
}

export interface Baselines {
  /** The figure for fresh draws from the same distribution (null for drawn points). */
  fresh: number | null;
  /** The figure for pure noise xₜ ~ N(0, I). */
  noise: number;
}

/** Reference values of the quality figure for `data`, at SAMPLE_POINTS samples. */
export function baselines(data: Dataset2D): Baselines {
  const noise = meanNearestDistance(randn(SAMPLE_POINTS * 2, 99), data.points);
  if (data.id === 'drawn') return { fresh: null, noise };
  const fresh = toyDataset(data.id, SAMPLE_POINTS, DATA_SEED + 1000).points;
  return { fresh: meanNearestDistance(fresh, data.points), noise };
}

export interface QualityFigure {
  value: number;
  /** "0.075" or "diverged" */
  valueText: string;
  /** The comparison sentence. */
  detail: string;
  /** Share of samples nearest to the chosen class (conditional runs only). */
  purity: number | null;
}

/** The quality figure of finished samples. */
export function qualityFigure(
  samples: Float32Array,
  data: Dataset2D,
  cls: ClassChoice,
  base: Baselines,
): QualityFigure {
  const value = meanNearestDistance(samples, data.points);
  const finite = Number.isFinite(value);
  const parts = [
    base.fresh !== null ? `fresh data ${base.fresh.toFixed(3)}` : null,
    `pure noise ${base.noise.toFixed(3)}`,
  ].filter(Boolean);
  let purity: number | null = null;
  if (cls !== 'none' && data.classes === 2 && finite) {
    const want = cls === 'a' ? 0 : 1;
    let hits = 0;
    const n = samples.length / 2;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      let label = -1;
      for (let j = 0; j < data.labels.length; j++) {
        const d =
          ((samples[2 * i] ?? 0) - (data.points[2 * j] ?? 0)) ** 2 +
          ((samples[2 * i + 1] ?? 0) - (data.points[2 * j + 1] ?? 0)) ** 2;
        if (d < best) {
          best = d;
          label = data.labels[j] ?? -1;
        }
      }
      if (label === want) hits += 1;
    }
    purity = hits / n;
  }
  return {
    value,
    valueText: finite ? value.toFixed(3) : 'diverged',
    detail: finite
      ? `mean distance from a sample to the nearest data point (lower is better; ${parts.join(', ')})`
      : 'some samples left the finite range: train longer or lower the guidance scale',
    purity,
  };
}

export type WeightSource =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'shipped'; data: 'moons' | 'spiral'; steps: number }
  | { kind: 'live'; data: DatasetId; steps: number };

/** The frame's honesty label for where the weights came from (short: it never wraps). */
export function provenanceFor(source: WeightSource): { provenance: Provenance; detail: string } {
  if (source.kind === 'shipped') {
    return { provenance: 'trained', detail: `Trained by this project · ${formatInteger(source.steps)} steps` };
  }
  if (source.kind === 'live') {
    return { provenance: 'computed', detail: `Computed live · trained here, ${formatInteger(source.steps)} steps` };
  }
  return { provenance: 'computed', detail: 'Computed live' };
}

/** The sentence under the canvas saying where the weights came from. */
export function sourceNote(source: WeightSource, data: DatasetId): string {
  switch (source.kind) {
    case 'shipped':
      return `Weights pre-trained by this project: ${formatInteger(source.steps)} seeded steps of scripts/train-diffusion.ts (npm run train:diffusion), fetched on demand.`;
    case 'live':
      return `Weights trained in your browser: ${formatInteger(source.steps)} steps with jax-js in a Web Worker.`;
    case 'loading':
      return 'Loading the pre-trained weights…';
    case 'none':
      return data === 'drawn'
        ? 'No model for your points yet: train one below.'
        : 'No weights loaded: train a model below.';
  }
}

/** "DDIM, 20 steps" / "DDPM, 100 steps", with the condition. */
export function samplerText(s: ToySettings): string {
  const base = `${s.sampler.toUpperCase()}, ${s.steps} steps`;
  if (s.cls === 'none') return `${base}, unconditional`;
  const name = classNames(s.data)[s.cls === 'a' ? 0 : 1];
  return `${base}, conditioned on the ${name} with guidance w = ${s.guidance}`;
}

/** The settings a run was started with, as ToySettings (the readout describes what is on screen, not the sliders). */
export function shownSettings(settings: ToySettings, run: RunSettings | null): ToySettings {
  return run ? { ...settings, sampler: run.kind, steps: run.steps, cls: run.cls, guidance: run.guidance } : settings;
}

export interface ReadoutInput {
  settings: ToySettings;
  source: WeightSource;
  progress: RunProgress | null;
  quality: QualityFigure | null;
  drawnCount: number;
  /** Live training in progress (the canvas then shows the Worker's previews). */
  training?: { step: number; total: number } | null;
}

/** Trajectories drawn per run and their opacity: DDPM paths are random walks, so fewer, fainter ones stay readable. */
export function pathStyle(kind: SamplerKind): { count: number; alpha: number } {
  return kind === 'ddpm' ? { count: 8, alpha: 0.3 } : { count: 48, alpha: 0.45 };
}

/** The live-region sentence. */
export function readout({ settings, source, progress, quality, drawnCount, training }: ReadoutInput): string {
  if (training) {
    // No step counts here: the live region would announce every progress message.
    return training.step === 0
      ? 'Starting live training: loading jax-js in a background thread…'
      : `Training live for ${formatInteger(training.total)} steps in a background thread; the canvas shows preview samples every 250 steps.`;
  }
  if (settings.data === 'drawn' && source.kind !== 'live') {
    return drawnCount < MIN_DRAWN_POINTS
      ? `${drawnCount} points drawn. Draw at least ${MIN_DRAWN_POINTS}, then train a model on them.`
      : `${drawnCount} points drawn. Train a model on them to sample.`;
  }
  if (source.kind === 'loading') return 'Loading the pre-trained weights…';
  if (source.kind === 'none') return 'No model yet: train one.';
  if (progress && !progress.done) {
    return `Sampling (${samplerText(settings)}): step ${progress.step} of ${progress.total}, t = ${progress.t}.`;
  }
  if (!quality) return `Ready to sample with ${samplerText(settings)}.`;
  const purity =
    quality.purity === null
      ? ''
      : ` ${Math.round(quality.purity * 100)} % of them are nearest to the ${classNames(settings.data)[settings.cls === 'a' ? 0 : 1]}.`;
  return `${formatInteger(SAMPLE_POINTS)} samples (${samplerText(settings)}): quality ${quality.valueText}, the ${quality.detail}.${purity}`;
}

export interface LegendItem {
  label: string;
  /** Colour role: class a/b, unconditional samples, or muted. */
  color: 'a' | 'b' | 'none' | 'muted';
  shape: 'dot' | 'ring' | 'line' | 'faint';
}

/** The legend under the canvas for this dataset and condition. */
export function legend(data: Dataset2D, cls: ClassChoice): LegendItem[] {
  const [nameA, nameB] = classNames(data.id);
  const dataItems: LegendItem[] =
    data.classes === 1
      ? [{ label: 'your points', color: 'muted', shape: 'dot' }]
      : [
          { label: `data: ${nameA}`, color: 'a', shape: 'faint' },
          { label: `data: ${nameB}`, color: 'b', shape: 'faint' },
        ];
  const color = cls === 'none' ? 'none' : cls;
  return [
    ...dataItems,
    { label: 'samples x₀', color, shape: 'dot' },
    { label: 'paths from noise', color, shape: 'line' },
    { label: 'start points (pure noise)', color: 'muted', shape: 'ring' },
  ];
}
