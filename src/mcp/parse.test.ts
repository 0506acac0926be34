import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/modelSpec';
import { parseByteSize, parseTokenCount } from './parse';

describe('parseByteSize', () => {
  it.each([
    ['80 GB', 80_000_000_000],
    ['24 GiB', 25_769_803_776],
    ['1.5TB', 1_500_000_000_000],
    ['512 mib', 536_870_912],
    ['17179869184', 17_179_869_184],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(parseByteSize('memoryBudget', text)).toBe(bytes);
  });

  it.each(['', 'lots', '80 GBs', '-5 GB', '10 KB', '2 PB'])('refuses %j naming the field and the range', (text) => {
    expect(() => parseByteSize('memoryBudget', text)).toThrow(/^memoryBudget: must be a memory size from 1 MB to 1 PB/);
  });

  it('throws nothing but an InputError and never returns NaN', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          const value = parseByteSize('memoryBudget', text);
          expect(Number.isSafeInteger(value)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});

describe('parseTokenCount', () => {
  it.each([
    ['131072', 131_072],
    ['128k', 131_072],
    ['1M', 1_048_576],
    ['32,768', 32_768],
  ])('reads %s as %d tokens', (text, tokens) => {
    expect(parseTokenCount('contextLength', text)).toBe(tokens);
  });

  it.each(['0', '10000001', 'many', '1.5k', '20M'])('refuses %j naming the field and the range', (text) => {
    expect(() => parseTokenCount('contextLength', text)).toThrow(
      /^contextLength: must be a token count from 1 to 10,000,000/,
    );
  });

  it('throws nothing but an InputError and never returns NaN', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          expect(Number.isSafeInteger(parseTokenCount('contextLength', text))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});
