import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from './format';

describe('formatCount', () => {
  it.each([
    [8_030_261_248, '8.03B'],
    [46_702_792_704, '46.7B'],
    [124_439_808, '124M'],
    [671_026_419_200, '671B'],
    [999_999, '1M'],
    [999, '999'],
    [0, '0'],
    [1_500_000_000_000, '1.5T'],
  ])('formatCount(%d) is %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it('never shows NaN and keeps at most three significant digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = formatCount(n);
        expect(text).not.toContain('NaN');
        expect(text.replace(/[^0-9]/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('refuses a non-finite count', () => {
    expect(() => formatCount(Number.NaN)).toThrow(RangeError);
  });
});
