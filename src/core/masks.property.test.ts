import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PATTERN_NAMES,
  assertMaskParams,
  attendedKeys,
  getPattern,
  maskCost,
  maskMatrix,
  mergeRanges,
  normalizeMaskParams,
  paramRange,
  readout,
  type MaskParams,
  type PatternName,
} from './masks';

/** Valid parameters for sequence lengths up to `maxN`. */
const paramsArb = (maxN: number): fc.Arbitrary<MaskParams> =>
  fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      direction: fc.constantFrom('causal' as const, 'bidirectional' as const),
      window: fc.integer({ min: 1, max: n }),
      dilation: fc.integer({ min: 1, max: n }),
      global: fc.uniqueArray(fc.integer({ min: 1, max: n }), { maxLength: 4 }).map((g) => g.sort((a, b) => a - b)),
      group: fc.integer({ min: 1, max: n }),
      chunk: fc.integer({ min: 1, max: n }),
      prefix: fc.integer({ min: 0, max: n }),
    }),
  );
const patternArb = fc.constantFrom(...PATTERN_NAMES);
/** A pattern, valid params and a token 1–n. */
const caseArb = fc
  .tuple(patternArb, paramsArb(48))
  .chain(([pattern, params]) =>
    fc.tuple(fc.constant(pattern), fc.constant(params), fc.integer({ min: 1, max: params.n })),
  );

const expand = (ranges: readonly (readonly [number, number])[]) =>
  ranges.flatMap(([start, end]) => Array.from({ length: end - start + 1 }, (_, i) => start + i));

/** Patterns whose rows never hold a key after the query when the direction is causal. */
const lowerTriangular = (pattern: PatternName, params: MaskParams) =>
  pattern === 'causal' ||
  pattern === 'chunked' ||
  (params.direction === 'causal' && getPattern(pattern).uses.includes('direction'));

describe('mask properties', () => {
  it("every readout's ranges are sorted, disjoint, non-adjacent, inside 1…n and cover exactly the keys", () => {
    fc.assert(
      fc.property(caseArb, ([pattern, params, token]) => {
        const { ranges, count } = readout(pattern, token, params);
        const keys = attendedKeys(pattern, token, params);
        ranges.forEach(([start, end], i) => {
          expect(start).toBeGreaterThanOrEqual(1);
          expect(end).toBeLessThanOrEqual(params.n);
          expect(start).toBeLessThanOrEqual(end);
          const previous = ranges[i - 1];
          if (previous) expect(start).toBeGreaterThan(previous[1] + 1);
        });
        expect(expand(ranges)).toEqual(keys);
        expect(count).toBe(keys.length);
      }),
    );
  });

  it('maskMatrix agrees with the predicate in every cell', () => {
    fc.assert(
      fc.property(patternArb, paramsArb(40), (pattern, params) => {
        const matrix = maskMatrix(pattern, params);
        const { predicate } = getPattern(pattern);
        for (let q = 1; q <= params.n; q++) {
          for (let k = 1; k <= params.n; k++) {
            if ((matrix[(q - 1) * params.n + k - 1] === 1) !== predicate(q, k, params)) {
              throw new Error(`${pattern} cell (${q}, ${k}) differs from the predicate`);
            }
          }
        }
      }),
    );
  });

  it('pairs = the sum of the row counts = the ones in the matrix, and fraction = pairs / n²', () => {
    fc.assert(
      fc.property(patternArb, paramsArb(40), (pattern, params) => {
        const { pairs, fraction } = maskCost(pattern, params);
        let rowSum = 0;
        for (let token = 1; token <= params.n; token++) rowSum += readout(pattern, token, params).count;
        expect(pairs).toBe(rowSum);
        expect(maskMatrix(pattern, params).reduce((sum, cell) => sum + cell, 0)).toBe(pairs);
        expect(fraction).toBe(pairs / (params.n * params.n));
      }),
    );
  });

  it('causal directions are lower-triangular', () => {
    fc.assert(
      fc.property(patternArb, paramsArb(40), (pattern, params) => {
        fc.pre(lowerTriangular(pattern, params));
        const matrix = maskMatrix(pattern, params);
        for (let q = 1; q <= params.n; q++) {
          for (let k = q + 1; k <= params.n; k++) expect(matrix[(q - 1) * params.n + k - 1]).toBe(0);
        }
      }),
    );
  });

  it('prefix-lm rows after the prefix are causal', () => {
    fc.assert(
      fc.property(paramsArb(40), (params) => {
        for (let token = params.prefix + 1; token <= params.n; token++) {
          expect(Math.max(...attendedKeys('prefix-lm', token, params))).toBe(token);
        }
      }),
    );
  });

  it('every token attends to itself under every pattern', () => {
    fc.assert(
      fc.property(caseArb, ([pattern, params, token]) => {
        expect(attendedKeys(pattern, token, params)).toContain(token);
      }),
    );
  });

  it('equivalences hold at any size: dilated d 1 = sliding; local-global without globals = sliding', () => {
    fc.assert(
      fc.property(caseArb, ([, params, token]) => {
        const sliding = attendedKeys('sliding', token, params);
        expect(attendedKeys('dilated', token, { ...params, dilation: 1 })).toEqual(sliding);
        expect(attendedKeys('local-global', token, { ...params, global: [] })).toEqual(sliding);
      }),
    );
  });

  it('mergeRanges of any integer list covers exactly its distinct values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), (keys) => {
        const distinct = [...new Set(keys)].sort((a, b) => a - b);
        expect(expand(mergeRanges(keys))).toEqual(distinct);
      }),
    );
  });
});

const FIELDS = ['n', 'pattern', 'direction', 'window', 'dilation', 'global', 'group', 'chunk', 'prefix', 'token'];

function expectValid(result: ReturnType<typeof normalizeMaskParams>): void {
  const { params, token, pattern, notes } = result;
  expect(() => assertMaskParams(params)).not.toThrow();
  expect(PATTERN_NAMES).toContain(pattern);
  for (const name of ['window', 'dilation', 'group', 'chunk', 'prefix', 'token'] as const) {
    const { min, max } = paramRange(name, params.n);
    const value = name === 'token' ? token : params[name];
    expect(value).toBeGreaterThanOrEqual(min);
    expect(value).toBeLessThanOrEqual(max);
  }
  expect([...params.global]).toEqual([...new Set(params.global)].sort((a, b) => a - b));
  for (const note of notes) expect(note).not.toMatch(/NaN|undefined/);
}

describe('normalizeMaskParams properties', () => {
  it('never throws and always yields valid params, from any object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), fc.anything()), (raw) => {
        expectValid(normalizeMaskParams(raw));
      }),
    );
  });

  it('never throws and always yields valid params, from any query string', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.constantFrom('', '1,2,x', '1e3', '-0', '99999999'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), value), (raw) => {
        expectValid(normalizeMaskParams(new URLSearchParams(raw)));
      }),
    );
  });

  it('keeps valid state unchanged, with no notes (URL round-trip)', () => {
    fc.assert(
      fc.property(caseArb, ([pattern, params, token]) => {
        const query = new URLSearchParams({
          pattern,
          token: String(token),
          n: String(params.n),
          direction: params.direction,
          window: String(params.window),
          dilation: String(params.dilation),
          global: params.global.join(','),
          group: String(params.group),
          chunk: String(params.chunk),
          prefix: String(params.prefix),
        });
        expect(normalizeMaskParams(query)).toEqual({ pattern, token, params, notes: [] });
      }),
    );
  });
});
