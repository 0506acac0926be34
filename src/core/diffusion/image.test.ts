import { describe, expect, it } from 'vitest';
import { landscape, toRgba } from './image';

describe('the landscape picture', () => {
  it('is 64 × 64 RGB in [−1, 1] and the same on every call', () => {
    const img = landscape(64);
    expect(img.data.length).toBe(64 * 64 * 3);
    expect(Math.min(...img.data)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...img.data)).toBeLessThanOrEqual(1);
    expect(Array.from(landscape(64).data)).toEqual(Array.from(img.data));
  });
  it('has a blue sky at the top-left corner and a yellow sun at (0.74, 0.24)', () => {
    const img = landscape(64);
    const px = (u: number, v: number) => {
      const i = (Math.floor(v * 64) * 64 + Math.floor(u * 64)) * 3;
      return [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0] as const;
    };
    const sky = px(0.02, 0.02);
    expect(sky[2]).toBeGreaterThan(sky[0]);
    const sun = px(0.74, 0.24);
    expect(sun[0]).toBeGreaterThan(sun[2] + 1);
  });
  it('maps −1 → 0 and 1 → 255 with opaque alpha, clipping values outside [−1, 1]', () => {
    const rgba = toRgba({ width: 2, height: 1, data: Float32Array.of(-1, 0, 1, -3, 3, 0.5) });
    expect(Array.from(rgba)).toEqual([0, 128, 255, 255, 0, 255, 191, 255]);
  });
  it('refuses sizes outside 8 … 512', () => {
    expect(() => landscape(4)).toThrow(/size must be an integer from 8 to 512/);
  });
});
