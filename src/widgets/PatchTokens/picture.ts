/**
 * The picture the widget patchifies: a small landscape drawn by code from a fixed seed (sky, sun, two mountain ranges
 * with seeded ridges, a lake, seeded trees), so no image asset ships and every build draws the same pixels. It is
 * defined on y ∈ [0, 1] (top to bottom) and x ∈ [0, aspect], so any aspect ratio shows more or less landscape
 * instead of stretching it.
 */
import { mulberry32 } from '../../core/random';

export const PICTURE_SEED = 20_240_917;

type Rgb = [number, number, number];

interface Scene {
  far: number[];
  near: number[];
  trees: { x: number; y: number; h: number }[];
}

const RIDGE_POINTS = 64;
/** Ridge samples per unit of x; the ridges repeat beyond RIDGE_POINTS / RIDGE_DENSITY units. */
const RIDGE_DENSITY = 8;

function makeScene(seed: number): Scene {
  const rng = mulberry32(seed);
  const ridge = (base: number, amp: number) => {
    const raw = Array.from({ length: RIDGE_POINTS }, () => rng());
    // Two passes of neighbour averaging turn white noise into rolling peaks.
    const smooth = (a: number[]) =>
      a.map((v, i) => (a[(i + RIDGE_POINTS - 1) % RIDGE_POINTS]! + 2 * v + a[(i + 1) % RIDGE_POINTS]!) / 4);
    return smooth(smooth(raw)).map((v) => base - amp * v);
  };
  const trees = Array.from({ length: 14 }, () => ({ x: rng() * 3, y: 0.7 + rng() * 0.04, h: 0.05 + rng() * 0.05 }));
  return { far: ridge(0.5, 0.34), near: ridge(0.64, 0.2), trees };
}

const SCENE = makeScene(PICTURE_SEED);

function ridgeAt(points: readonly number[], x: number): number {
  const t = (((x * RIDGE_DENSITY) % RIDGE_POINTS) + RIDGE_POINTS) % RIDGE_POINTS;
  const i = Math.floor(t);
  const f = t - i;
  const a = points[i]!;
  const b = points[(i + 1) % RIDGE_POINTS]!;
  return a + (b - a) * (f * f * (3 - 2 * f));
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** The colour of the picture at (x, y), y from 0 (top) to 1 (bottom), in 0–255 RGB. */
export function pictureColor(x: number, y: number, aspect = 1): Rgb {
  const sun = { x: aspect * 0.72, y: 0.2, r: 0.085 };
  const far = ridgeAt(SCENE.far, x);
  const near = ridgeAt(SCENE.near, x + 3.7);
  const lake = 0.74;
  for (const t of SCENE.trees) {
    const half = 0.02 + (0.03 * (y - (t.y - t.h))) / t.h;
    if (y > t.y - t.h && y < t.y && Math.abs(x - t.x) < half * 0.8) return [32, 84, 50];
  }
  if (y >= lake) {
    const depth = (y - lake) / (1 - lake);
    const ripple = 0.06 * Math.sin(x * 60 + y * 25);
    return mix([86, 150, 190], [30, 70, 120], Math.min(1, depth + ripple));
  }
  if (y >= near) return mix([74, 130, 74], [44, 92, 52], (y - near) / (lake - near + 1e-9));
  if (y >= far) {
    const snow = y < far + 0.025 && far < 0.24;
    return snow ? [236, 240, 246] : mix([120, 128, 160], [92, 104, 140], (y - far) / 0.3);
  }
  const d = Math.hypot(x - sun.x, y - sun.y);
  if (d < sun.r) return [255, 214, 102];
  const sky = mix([76, 132, 214], [250, 196, 150], Math.min(1, y / 0.55));
  return d < sun.r * 2 ? mix([255, 226, 150], sky, (d - sun.r) / sun.r) : sky;
}

/** RGBA pixels of the picture at `width` × `height` (for ImageData); the aspect ratio is width / height. */
export function renderPicture(width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  const aspect = width / height;
  for (let j = 0; j < height; j++) {
    const y = (j + 0.5) / height;
    for (let i = 0; i < width; i++) {
      const [r, g, b] = pictureColor(((i + 0.5) / width) * aspect, y, aspect);
      const k = (j * width + i) * 4;
      out[k] = r;
      out[k + 1] = g;
      out[k + 2] = b;
      out[k + 3] = 255;
    }
  }
  return out;
}
