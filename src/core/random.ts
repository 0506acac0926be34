/**
 * Seeded randomness for everything the atlas shows: mulberry32 (Tommy Ettinger's 32-bit generator) and a
 * Box–Muller normal. The same seed gives the same numbers in Node and every browser.
 */

/** A function returning uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a fast 32-bit PRNG with a full 2^32 period, deterministic for a given integer seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples via the Box–Muller transform, drawn from `rng`. */
export function normal(rng: Rng): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** A Float32Array of `n` seeded normal samples scaled by `std`. */
export function randn(n: number, seed: number, std = 1): Float32Array {
  const next = normal(mulberry32(seed));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = next() * std;
  return out;
}
