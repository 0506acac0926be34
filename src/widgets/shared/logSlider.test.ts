import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSlider } from './logSlider';

describe('logSlider', () => {
  const s = logSlider(1, 10_000_000, 20);

  it('logSlider(1, 10M, 20 per decade) has 140 positions with exact ends', () => {
    expect(s.positions).toBe(140);
    expect(s.toValue(0)).toBe(1);
    expect(s.toValue(140)).toBe(10_000_000);
    expect(s.toValue(80)).toBe(10_000);
  });

  it('values rise strictly with the position (every arrow press moves), stay in range and are whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 139 }), (p) => {
        const a = s.toValue(p);
        const b = s.toValue(p + 1);
        expect(Number.isInteger(a)).toBe(true);
        expect(b).toBeGreaterThan(a);
        expect(a).toBeGreaterThanOrEqual(1);
        expect(b).toBeLessThanOrEqual(10_000_000);
      }),
    );
  });

  it('toPosition clamps anything, including NaN, into 0…positions', () => {
    fc.assert(
      fc.property(fc.double(), (v) => {
        const p = s.toPosition(v);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(140);
      }),
    );
  });

  it('a slider value maps back to its own position', () => {
    for (let p = 0; p <= 140; p++) expect(s.toPosition(s.toValue(p))).toBe(p);
  });

  it('a typed value between positions puts the thumb on the nearest one (6,400 → 6,300)', () => {
    expect(s.toValue(s.toPosition(6400))).toBe(6300);
  });
});
