import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawnDataset } from '../../core/diffusion/data';
import {
  baselines,
  builtinDataset,
  DEFAULT_TOY,
  fromPx,
  legend,
  moveBrush,
  normalize,
  pathStyle,
  provenanceFor,
  qualityFigure,
  readout,
  shownSettings,
  sourceNote,
  toPx,
  toyFromUrl,
  toyToUrl,
} from './model';

describe('toy settings and links', () => {
  it('defaults to two moons, DDIM with 20 steps, unconditional, w = 3, 2,000 training steps', () => {
    expect(toyFromUrl(new URLSearchParams(''))).toEqual({ settings: DEFAULT_TOY, notes: [] });
    expect(toyToUrl(DEFAULT_TOY)).toEqual({
      'toy.data': undefined,
      'toy.sampler': undefined,
      'toy.steps': undefined,
      'toy.w': undefined,
      'toy.class': undefined,
      'toy.train': undefined,
    });
  });
  it('round-trips a linked state', () => {
    const s = {
      data: 'spiral' as const,
      sampler: 'ddpm' as const,
      steps: 50,
      guidance: 4.5,
      cls: 'b' as const,
      trainSteps: 500,
    };
    const url = new URLSearchParams(
      Object.entries(toyToUrl(s)).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    expect(toyFromUrl(url)).toEqual({ settings: s, notes: [] });
  });
  it('falls back with a note for each malformed key and clamps DDPM steps to 10 … 100', () => {
    const { settings, notes } = toyFromUrl(new URLSearchParams('toy.data=cats&toy.sampler=ddpm&toy.steps=3&toy.w=2.2'));
    expect(settings.data).toBe('moons');
    expect(settings.steps).toBe(10);
    expect(settings.guidance).toBe(3);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/toy\.data "cats" is not one of moons, spiral, drawn/);
  });
  it('normalize keeps steps in the sampler range and drops the class for drawn points', () => {
    expect(normalize({ ...DEFAULT_TOY, sampler: 'ddpm', steps: 2 }).steps).toBe(10);
    expect(normalize({ ...DEFAULT_TOY, steps: 250 }).steps).toBe(100);
    expect(normalize({ ...DEFAULT_TOY, data: 'drawn', cls: 'a' }).cls).toBe('none');
  });
});

describe('canvas geometry and the brush', () => {
  it('maps the view square [−3, 3]² onto the canvas with y up', () => {
    expect(toPx(-3, 3, 300)).toEqual([0, 0]);
    expect(toPx(0, 0, 300)).toEqual([150, 150]);
    expect(toPx(3, -3, 300)).toEqual([300, 300]);
  });
  it('fromPx inverts toPx for any point and canvas size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer({ min: 100, max: 2000 }),
        (x, y, size) => {
          const [px, py] = toPx(x, y, size);
          const back = fromPx(px, py, size);
          expect(back.x).toBeCloseTo(x, 9);
          expect(back.y).toBeCloseTo(y, 9);
        },
      ),
    );
  });
  it('arrow keys move the brush by 0.1 (Shift: 0.5), clamped to the view; other keys do nothing', () => {
    expect(moveBrush({ x: 0, y: 0 }, 'ArrowUp', false)).toEqual({ x: 0, y: 0.1 });
    expect(moveBrush({ x: 0, y: 0 }, 'ArrowLeft', true)).toEqual({ x: -0.5, y: 0 });
    expect(moveBrush({ x: 2.9, y: 0 }, 'ArrowRight', true)).toEqual({ x: 3, y: 0 });
    expect(moveBrush({ x: 0, y: 0 }, 'a', false)).toBeNull();
  });
});

describe('quality figure', () => {
  it('baselines: fresh two-moons data scores 0.0232 and pure noise 0.358; the spiral 0.0323 and 0.187', () => {
    const moons = baselines(builtinDataset('moons'));
    expect(moons.fresh).toBeCloseTo(0.02324848835666417, 6);
    expect(moons.noise).toBeCloseTo(0.3579125008786989, 6);
    const spiral = baselines(builtinDataset('spiral'));
    expect(spiral.fresh).toBeCloseTo(0.03232801261023706, 6);
    expect(spiral.noise).toBeCloseTo(0.18700181620567136, 6);
    expect(baselines(drawnDataset([{ x: 0, y: 0 }])).fresh).toBeNull();
  });
  it('samples on the data score 0, and a class-A run on class-A points has purity 1', () => {
    const data = builtinDataset('moons');
    const classA = data.points.filter((_, i) => data.labels[i >> 1] === 0);
    const q = qualityFigure(classA, data, 'a', { fresh: 0.023, noise: 0.358 });
    expect(q.value).toBe(0);
    expect(q.valueText).toBe('0.000');
    expect(q.purity).toBe(1);
    expect(q.detail).toBe(
      'mean distance from a sample to the nearest data point (lower is better; fresh data 0.023, pure noise 0.358)',
    );
    expect(qualityFigure(classA, data, 'b', { fresh: null, noise: 1 }).purity).toBe(0);
  });
  it('says "diverged" (never NaN) when samples are not finite', () => {
    const q = qualityFigure(Float32Array.of(NaN, 0, 1, 1), builtinDataset('moons'), 'none', {
      fresh: 0.02,
      noise: 0.4,
    });
    expect(q.valueText).toBe('diverged');
    expect(q.purity).toBeNull();
  });
});

describe('labels and sentences', () => {
  it('describes the run on screen, not sliders moved since', () => {
    const run = { kind: 'ddpm' as const, steps: 50, cls: 'a' as const, guidance: 2, n: 400, seed: 1 };
    expect(shownSettings({ ...DEFAULT_TOY, steps: 7 }, run)).toEqual({
      ...DEFAULT_TOY,
      sampler: 'ddpm',
      steps: 50,
      cls: 'a',
      guidance: 2,
    });
    expect(shownSettings(DEFAULT_TOY, null)).toBe(DEFAULT_TOY);
  });
  it('labels shipped weights "trained" and browser-trained ones "computed"', () => {
    expect(provenanceFor({ kind: 'shipped', data: 'moons', steps: 6000 })).toEqual({
      provenance: 'trained',
      detail: 'Trained by this project · 6,000 steps',
    });
    expect(provenanceFor({ kind: 'live', data: 'drawn', steps: 640 })).toEqual({
      provenance: 'computed',
      detail: 'Computed live · trained here, 640 steps',
    });
    expect(sourceNote({ kind: 'shipped', data: 'spiral', steps: 6000 }, 'spiral')).toBe(
      'Weights pre-trained by this project: 6,000 seeded steps of scripts/train-diffusion.ts (npm run train:diffusion), fetched on demand.',
    );
    expect(sourceNote({ kind: 'live', data: 'drawn', steps: 80 }, 'drawn')).toBe(
      'Weights trained in your browser: 80 steps with jax-js in a Web Worker.',
    );
    expect(sourceNote({ kind: 'none' }, 'drawn')).toBe('No model for your points yet: train one below.');
  });
  it('reads out a finished guided run with its quality and class share', () => {
    const settings = { ...DEFAULT_TOY, cls: 'a' as const, guidance: 3 };
    const text = readout({
      settings,
      source: { kind: 'shipped', data: 'moons', steps: 6000 },
      progress: { step: 20, total: 20, t: 0, done: true },
      quality: { value: 0.05, valueText: '0.050', detail: 'mean distance (…)', purity: 0.97 },
      drawnCount: 0,
    });
    expect(text).toBe(
      '400 samples (DDIM, 20 steps, conditioned on the upper moon with guidance w = 3): quality 0.050, the mean distance (…). 97 % of them are nearest to the upper moon.',
    );
  });
  it('asks for more points before training on a drawing, and reports loading and running states', () => {
    const base = {
      settings: { ...DEFAULT_TOY, data: 'drawn' as const },
      source: { kind: 'none' as const },
      progress: null,
      quality: null,
    };
    expect(readout({ ...base, drawnCount: 4 })).toBe('4 points drawn. Draw at least 10, then train a model on them.');
    expect(readout({ ...base, drawnCount: 40 })).toBe('40 points drawn. Train a model on them to sample.');
    const moons = { ...base, settings: DEFAULT_TOY, drawnCount: 0 };
    expect(readout({ ...moons, source: { kind: 'loading' } })).toBe('Loading the pre-trained weights…');
    expect(
      readout({
        ...moons,
        source: { kind: 'shipped', data: 'moons', steps: 1 },
        progress: { step: 3, total: 20, t: 85, done: false },
      }),
    ).toBe('Sampling (DDIM, 20 steps, unconditional): step 3 of 20, t = 85.');
  });
  it('reads out live training, and draws fewer (random-walk) paths for DDPM than for DDIM', () => {
    const base = {
      settings: DEFAULT_TOY,
      source: { kind: 'shipped' as const, data: 'moons' as const, steps: 1 },
      progress: null,
      quality: null,
      drawnCount: 0,
    };
    expect(readout({ ...base, training: { step: 0, total: 2000 } })).toBe(
      'Starting live training: loading jax-js in a background thread…',
    );
    expect(readout({ ...base, training: { step: 1250, total: 2000 } })).toBe(
      'Training live for 2,000 steps in a background thread; the canvas shows preview samples every 250 steps.',
    );
    expect([pathStyle('ddpm'), pathStyle('ddim')]).toEqual([
      { count: 8, alpha: 0.3 },
      { count: 48, alpha: 0.45 },
    ]);
  });

  it('builds a legend with class-tinted data and samples coloured by the condition', () => {
    expect(legend(builtinDataset('spiral'), 'b').map((l) => [l.label, l.color])).toEqual([
      ['data: first arm', 'a'],
      ['data: second arm', 'b'],
      ['samples x₀', 'b'],
      ['paths from noise', 'b'],
      ['start points (pure noise)', 'muted'],
    ]);
    expect(legend(drawnDataset([]), 'none')[0]?.label).toBe('your points');
  });
});
