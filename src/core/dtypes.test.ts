import { describe, expect, it } from 'vitest';
import { bytesPerElement, DTYPE_NAMES, DTYPES, isDType, parseDType } from './dtypes';

describe('dtypes', () => {
  it.each([
    ['fp32', 4, 1],
    ['fp16', 2, 1],
    ['bf16', 2, 1],
    ['fp8', 1, 1],
    ['int8', 1, 1],
    ['int4', 1, 2],
    ['q8_0', 34, 32],
    ['q4_0', 18, 32],
  ] as const)('bytesPerElement(%s) is %i/%i', (name, num, den) => {
    expect(bytesPerElement(name)).toEqual({ num, den });
  });

  it('q8_0 is 8.5 bits and q4_0 4.5 bits per element, scale included', () => {
    expect(DTYPES.q8_0.bits).toBe(8.5);
    expect(DTYPES.q4_0.bits).toBe(4.5);
  });

  it('parseDType accepts aliases case-insensitively and rejects unknown names', () => {
    expect(['float16', 'F16', 'bfloat16', 'float32', 'e4m3', 'Q8_0'].map(parseDType)).toEqual([
      'fp16',
      'fp16',
      'bf16',
      'fp32',
      'fp8',
      'q8_0',
    ]);
    expect(parseDType('fp12')).toBeUndefined();
    expect(parseDType('toString')).toBeUndefined();
  });

  it('isDType is true exactly for the listed names', () => {
    expect(DTYPE_NAMES.every(isDType)).toBe(true);
    expect([isDType('float16'), isDType(2), isDType(undefined)]).toEqual([false, false, false]);
  });
});
