/**
 * Painting an attention map into Canvas pixels: one pixel per (query, key) pair, the weight's square root mapped onto
 * a ramp between the theme's --heat-0 and --heat-1 (so weights of a few percent stay visible), and keys after the
 * query (masked by causality) in the surface colour, leaving the causal triangle readable.
 */

/** Red, green, blue 0–255. */
export type Rgb = readonly [number, number, number];

/** Parses a computed colour: "rgb(r, g, b)", "rgba(…)", "rgb(r g b / a)" or "color(srgb r g b)"; else black. */
export function parseRgb(css: string): Rgb {
  const text = css.trim().toLowerCase();
  const srgb = /^color\(srgb\s+([^)/]+)/.exec(text);
  const rgb = /^rgba?\(([^)]+)\)$/.exec(text);
  const parts = (srgb?.[1] ?? rgb?.[1] ?? '')
    .split(/[\s,/]+/)
    .filter(Boolean)
    .slice(0, 3);
  const values = parts.map((p) =>
    srgb ? Number(p) * 255 : p.endsWith('%') ? (Number(p.slice(0, -1)) / 100) * 255 : Number(p),
  );
  if (values.length !== 3 || !values.every(Number.isFinite)) return [0, 0, 0];
  const [r = 0, g = 0, b = 0] = values.map((v) => Math.round(Math.min(255, Math.max(0, v))));
  return [r, g, b];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** An opaque pixel as a 32-bit word in ImageData byte order. */
export function packRgb([r, g, b]: Rgb, littleEndian = LITTLE_ENDIAN): number {
  return littleEndian ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/** The colours a map is painted with: 256 ramp steps from weight 0 to 1, and the masked colour. */
export interface HeatRamp {
  readonly steps: Uint32Array;
  readonly masked: number;
}

/** A 256-step linear ramp from `low` to `high`, plus the masked colour. */
export function makeRamp(low: Rgb, high: Rgb, masked: Rgb): HeatRamp {
  const steps = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const mix = (c: 0 | 1 | 2) => Math.round(low[c] + (i / 255) * (high[c] - low[c]));
    steps[i] = packRgb([mix(0), mix(1), mix(2)]);
  }
  return { steps, masked: packRgb(masked) };
}

/** Writes the T × T map into `out` (T² pixels): √weight on the ramp for keys j ≤ i, the masked colour for j > i. */
export function paintAttention(map: Float32Array, T: number, ramp: HeatRamp, out: Uint32Array): void {
  for (let i = 0; i < T; i++) {
    for (let j = 0; j < T; j++) {
      const w = map[i * T + j] ?? 0;
      const step = Math.round(Math.sqrt(Math.min(1, Math.max(0, w))) * 255);
      out[i * T + j] = j > i ? ramp.masked : (ramp.steps[step] ?? ramp.masked);
    }
  }
}
