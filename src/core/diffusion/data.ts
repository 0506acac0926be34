/**
 * Seeded 2-D toy datasets for diffusion: two moons (the scikit-learn `make_moons` shape: arcs (cos θ, sin θ) and
 * (1 − cos θ, 1/2 − sin θ), θ ∈ [0, π]) and a two-armed Archimedean spiral (r ∝ θ), each with a class label per point
 * (which moon, which arm) for classifier-free guidance (Ho & Salimans 2022, arXiv:2207.12598, §3), plus points a user
 * draws. Coordinates are centred and scaled to lie within about ±2 so that x_T ~ N(0, I) covers the same region.
 */
import { InputError } from '../modelSpec';
import { mulberry32, normal } from '../random';

export type DatasetId = 'moons' | 'spiral' | 'drawn';
export const DATASET_IDS: readonly DatasetId[] = ['moons', 'spiral', 'drawn'];

/** The square every dataset and sample is drawn in: [−VIEW_EXTENT, VIEW_EXTENT]². */
export const VIEW_EXTENT = 3;
/** The most points a user may draw. */
export const MAX_DRAWN_POINTS = 2000;
/** The fewest drawn points worth training on. */
export const MIN_DRAWN_POINTS = 10;

export interface Dataset2D {
  readonly id: DatasetId;
  /** N × 2, row-major (x, y). */
  readonly points: Float32Array;
  /** A class per point, 0 or 1 (all 0 when `classes` is 1). */
  readonly labels: Int32Array;
  /** 2 for the labelled toys, 1 for drawn points. */
  readonly classes: 1 | 2;
}

function checkCount(n: number, max = 100_000): void {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InputError('n', `n must be an integer from 1 to ${max.toLocaleString('en-US')}, got ${n}`);
  }
}

function checkNoise(noise: number): void {
  if (!(noise >= 0 && noise <= 1)) throw new InputError('noise', `noise must be from 0 to 1, got ${noise}`);
}

/** Two interleaving half circles; class 0 is the upper moon. Point i belongs to class i mod 2. */
export function twoMoons(n: number, seed: number, noise = 0.06): Dataset2D {
  checkCount(n);
  checkNoise(noise);
  const rng = mulberry32(seed);
  const gauss = normal(rng);
  const scale = 1.25;
  const points = new Float32Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const theta = Math.PI * rng();
    const x = cls === 0 ? Math.cos(theta) : 1 - Math.cos(theta);
    const y = cls === 0 ? Math.sin(theta) : 0.5 - Math.sin(theta);
    points[2 * i] = (x - 0.5) * scale + noise * gauss();
    points[2 * i + 1] = (y - 0.25) * scale + noise * gauss();
    labels[i] = cls;
  }
  return { id: 'moons', points, labels, classes: 2 };
}

/** Two spiral arms, r = 2θ/(3π) for θ up to 3π (one and a half turns), uniform in arc length; class = arm. */
export function spiral(n: number, seed: number, noise = 0.05): Dataset2D {
  checkCount(n);
  checkNoise(noise);
  const rng = mulberry32(seed);
  const gauss = normal(rng);
  const theta0 = 0.5;
  const theta1 = 3 * Math.PI;
  const a = 2 / theta1;
  const points = new Float32Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    // Arc length of r = aθ grows about like θ², so θ = √u over [θ0², θ1²] spreads points evenly along the arm.
    const theta = Math.sqrt(theta0 * theta0 + rng() * (theta1 * theta1 - theta0 * theta0));
    const phase = theta + cls * Math.PI;
    points[2 * i] = a * theta * Math.cos(phase) + noise * gauss();
    points[2 * i + 1] = a * theta * Math.sin(phase) + noise * gauss();
    labels[i] = cls;
  }
  return { id: 'spiral', points, labels, classes: 2 };
}

/** A dataset from points the user drew (clamped into the view square); one class. */
export function drawnDataset(points: readonly { x: number; y: number }[]): Dataset2D {
  if (points.length > MAX_DRAWN_POINTS) {
    throw new InputError('points', `at most ${MAX_DRAWN_POINTS} drawn points are accepted, got ${points.length}`);
  }
  const out = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new InputError('points', `point ${i + 1} has a non-finite coordinate`);
    }
    out[2 * i] = clampView(p.x);
    out[2 * i + 1] = clampView(p.y);
  });
  return { id: 'drawn', points: out, labels: new Int32Array(points.length), classes: 1 };
}

/** Clamps a coordinate into [−VIEW_EXTENT, VIEW_EXTENT]. */
export function clampView(v: number): number {
  return Math.max(-VIEW_EXTENT, Math.min(VIEW_EXTENT, v));
}

/** A small seeded cluster of `count` points around (x, y) with spread `radius`: one "brush stamp". */
export function stamp(x: number, y: number, count: number, radius: number, seed: number): { x: number; y: number }[] {
  checkCount(count, 200);
  if (!(radius >= 0 && radius <= 1)) throw new InputError('radius', `radius must be from 0 to 1, got ${radius}`);
  const gauss = normal(mulberry32(seed));
  return Array.from({ length: count }, () => ({
    x: clampView(x + radius * gauss()),
    y: clampView(y + radius * gauss()),
  }));
}

/** The default dataset for an id (drawn datasets come from drawnDataset). */
export function toyDataset(id: 'moons' | 'spiral', n = 1000, seed = 7): Dataset2D {
  return id === 'spiral' ? spiral(n, seed) : twoMoons(n, seed);
}
