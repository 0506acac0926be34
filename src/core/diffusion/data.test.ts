import { describe, expect, it } from 'vitest';
import { InputError } from '../modelSpec';
import { clampView, drawnDataset, spiral, stamp, toyDataset, twoMoons, VIEW_EXTENT } from './data';

describe('toy datasets', () => {
  it('twoMoons(1000) alternates the two classes, is seeded and stays within ±2.2', () => {
    const a = twoMoons(1000, 7);
    expect(a.points.length).toBe(2000);
    expect(a.classes).toBe(2);
    expect(Array.from(a.labels.slice(0, 4))).toEqual([0, 1, 0, 1]);
    expect(Array.from(twoMoons(1000, 7).points)).toEqual(Array.from(a.points));
    expect(Array.from(twoMoons(1000, 8).points)).not.toEqual(Array.from(a.points));
    expect(Math.max(...Array.from(a.points).map(Math.abs))).toBeLessThan(2.2);
  });
  it('the upper moon (class 0) lies above the lower one on average', () => {
    const { points, labels } = twoMoons(2000, 1, 0);
    let up = 0;
    let down = 0;
    labels.forEach((c, i) => (c === 0 ? (up += points[2 * i + 1] ?? 0) : (down += points[2 * i + 1] ?? 0)));
    expect(up / 1000).toBeGreaterThan(down / 1000 + 0.5);
  });
  it('noise-free spiral points lie on r = 2θ/(3π) with radius at most 2', () => {
    const { points } = spiral(500, 3, 0);
    for (let i = 0; i < 500; i++) {
      const r = Math.hypot(points[2 * i] ?? 0, points[2 * i + 1] ?? 0);
      expect(r).toBeLessThanOrEqual(2 + 1e-6);
      expect(r).toBeGreaterThanOrEqual((2 * 0.5) / (3 * Math.PI) - 1e-6);
    }
    expect(toyDataset('spiral').id).toBe('spiral');
    expect(toyDataset('moons').points.length).toBe(2000);
  });
  it('drawn points are clamped into the view square and form one class', () => {
    const d = drawnDataset([
      { x: 0.5, y: -0.25 },
      { x: 9, y: -9 },
    ]);
    expect(Array.from(d.points)).toEqual([0.5, -0.25, VIEW_EXTENT, -VIEW_EXTENT]);
    expect(d.classes).toBe(1);
    expect(clampView(-4)).toBe(-3);
  });
  it('a brush stamp scatters `count` seeded points around its centre', () => {
    const pts = stamp(1, 1, 12, 0.1, 4);
    expect(pts.length).toBe(12);
    expect(pts).toEqual(stamp(1, 1, 12, 0.1, 4));
    for (const p of pts) expect(Math.hypot(p.x - 1, p.y - 1)).toBeLessThan(0.6);
  });
  it('refuses bad sizes, noise, radius and non-finite points, naming the field', () => {
    expect(() => twoMoons(0, 1)).toThrow(/n must be an integer from 1 to 100,000/);
    expect(() => spiral(10, 1, 2)).toThrow(/noise must be from 0 to 1/);
    expect(() => stamp(0, 0, 5, 3, 1)).toThrow(/radius must be from 0 to 1/);
    expect(() => drawnDataset([{ x: NaN, y: 0 }])).toThrow(InputError);
    expect(() => drawnDataset(Array.from({ length: 2001 }, () => ({ x: 0, y: 0 })))).toThrow(/at most 2000/);
  });
});
