/**
 * A logarithmic slider over whole numbers (tokens, batch sizes): positions 0…max map to round values from `min` to
 * `max`, evenly spaced in log10, so one arrow key is the same relative step at 10 tokens and at 10 million.
 * Values are rounded to two significant digits (6,300, 6,500 …), and a typed value between positions keeps its
 * exact number: `toPosition` only says where to draw the thumb.
 */

export interface LogSlider {
  /** The slider's max position (its min is 0). */
  readonly positions: number;
  /** The round whole number at `position` (clamped to 0…positions). */
  toValue(position: number): number;
  /** The nearest position for `value` (clamped to min…max). */
  toPosition(value: number): number;
}

/** Rounds to two significant digits, keeping whole numbers under 100 exact. */
function round2(v: number): number {
  if (v < 100) return Math.round(v);
  const p = 10 ** (Math.floor(Math.log10(v)) - 1);
  return Math.round(v / p) * p;
}

/** A log slider from `min` to `max` (whole numbers ≥ 1) with `perDecade` positions per factor of ten. */
export function logSlider(min: number, max: number, perDecade = 20): LogSlider {
  const lo = Math.log10(min);
  const span = Math.log10(max) - lo;
  const positions = Math.max(1, Math.round(span * perDecade));
  // Strictly increasing, so every arrow press moves: at the low end, where round values repeat, steps are +1.
  const values: number[] = [min];
  for (let p = 1; p <= positions; p++) {
    const ideal = p === positions ? max : round2(10 ** (lo + (span * p) / positions));
    values.push(Math.min(max, Math.max(ideal, values[p - 1]! + 1)));
  }
  return {
    positions,
    toValue: (position) => values[Math.min(positions, Math.max(0, Math.round(position)))] ?? min,
    toPosition(value) {
      if (!Number.isFinite(value) || value <= min) return 0;
      if (value >= max) return positions;
      const hi = values.findIndex((v) => v >= value);
      if (hi <= 0) return Math.max(0, hi);
      const below = values[hi - 1]!;
      return Math.log(value / below) < Math.log(values[hi]! / value) ? hi - 1 : hi;
    },
  };
}
