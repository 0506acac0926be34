/**
 * The picture the forward-process widget noises: a small landscape (sky gradient, sun, two ridges of hills, a meadow
 * and a tree) drawn by code, so the project ships no external image. Pixels are RGB in [−1, 1], the data range DDPM
 * scales images to (Ho, Jain & Abbeel 2020, arXiv:2006.11239, §3.3), row-major with channels last.
 */
import { InputError } from '../modelSpec';

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 values in [−1, 1]. */
  readonly data: Float32Array;
}

type Rgb = readonly [number, number, number];

const SKY_TOP: Rgb = [0.23, 0.45, 0.82];
const SKY_LOW: Rgb = [0.78, 0.88, 0.97];
const SUN: Rgb = [1.0, 0.78, 0.2];
const FAR_HILL: Rgb = [0.36, 0.5, 0.62];
const NEAR_HILL: Rgb = [0.25, 0.6, 0.3];
const MEADOW: Rgb = [0.45, 0.72, 0.3];
const TRUNK: Rgb = [0.42, 0.27, 0.14];
const LEAVES: Rgb = [0.12, 0.42, 0.18];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** The colour at (u, v) ∈ [0, 1]², v = 0 at the top. */
function colourAt(u: number, v: number): Rgb {
  const tree = Math.hypot((u - 0.24) / 0.13, (v - 0.52) / 0.15) < 1;
  const trunk = Math.abs(u - 0.24) < 0.025 && v > 0.58 && v < 0.8;
  if (tree) return LEAVES;
  if (trunk) return TRUNK;
  const near = 0.72 - 0.07 * Math.sin(u * 5.5 + 0.6) - 0.04 * Math.cos(u * 11);
  if (v > near) return mix(NEAR_HILL, MEADOW, Math.min(1, (v - near) / 0.25));
  const far = 0.55 - 0.12 * Math.sin(u * 3.2 + 2.1) - 0.03 * Math.sin(u * 13);
  if (v > far) return FAR_HILL;
  if (Math.hypot(u - 0.74, v - 0.24) < 0.11) return SUN;
  return mix(SKY_TOP, SKY_LOW, v / 0.6);
}

/** The landscape at `size` × `size` pixels (8 … 512), values in [−1, 1]. */
export function landscape(size = 64): RgbImage {
  if (!Number.isInteger(size) || size < 8 || size > 512) {
    throw new InputError('size', `size must be an integer from 8 to 512, got ${size}`);
  }
  const data = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = colourAt((x + 0.5) / size, (y + 0.5) / size);
      const i = (y * size + x) * 3;
      data[i] = c[0] * 2 - 1;
      data[i + 1] = c[1] * 2 - 1;
      data[i + 2] = c[2] * 2 - 1;
    }
  }
  return { width: size, height: size, data };
}

/** RGBA bytes for a canvas: values in [−1, 1] mapped to 0 … 255, anything outside clipped (as DDPM displays x_t). */
export function toRgba(image: RgbImage): Uint8ClampedArray {
  const n = image.width * image.height;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    // Uint8ClampedArray clamps to 0 … 255 and rounds to nearest (ties to even) on assignment.
    for (let c = 0; c < 3; c++) out[i * 4 + c] = ((image.data[i * 3 + c] ?? 0) + 1) * 127.5;
    out[i * 4 + 3] = 255;
  }
  return out;
}
