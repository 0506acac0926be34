/** Number formatting for MCP text: parameter counts with SI suffixes. Pure. */

const SCALES = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
] as const;

/** 8030261248 → "8.03B", 124439808 → "124M", 999999 → "1M", 999 → "999": three significant digits. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`formatCount: expected a finite number, got ${n}`);
  const abs = Math.abs(n);
  for (let i = 0; i < SCALES.length; i++) {
    const [scale, suffix] = SCALES[i]!;
    if (abs < scale) continue;
    const value = Number((n / scale).toPrecision(3));
    const bigger = SCALES[i - 1];
    if (Math.abs(value) >= 1000 && bigger) return `${Number((n / bigger[0]).toPrecision(3))}${bigger[1]}`;
    return `${value}${suffix}`;
  }
  const rounded = Number(n.toPrecision(3));
  return Math.abs(rounded) >= 1000 ? `${rounded / 1000}K` : `${rounded}`;
}
