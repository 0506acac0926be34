import * as d3 from 'd3-scale';
import { line as d3line } from 'd3-shape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { line, scaleLinear, scaleLog, ticks } from './scales';

/** Chart-sized numbers: subnormals (which crash d3 too) are read as 0. */
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-9 ? 0 : x));

describe('scales match d3 exactly', () => {
  it('ticks(0, 7, 6) is 0…7 and ticks(0, 1, 5) steps by 0.2', () => {
    expect(ticks(0, 7, 6)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('linear nice() and ticks(n) equal d3 for any domain and count', () => {
    fc.assert(
      fc.property(finite(-1e12, 1e12), finite(-1e12, 1e12), fc.integer({ min: 1, max: 12 }), (a, b, n) => {
        const ours = scaleLinear().domain([a, b]).range([0, 500]).nice();
        const theirs = d3.scaleLinear().domain([a, b]).range([0, 500]).nice();
        expect(ours.domain()).toEqual(theirs.domain());
        expect(ours.ticks(n)).toEqual(theirs.ticks(n));
        for (const t of theirs.ticks(n)) expect(ours(t)).toBeCloseTo(theirs(t), 6);
      }),
    );
  });

  it('log nice() and ticks(n) equal d3 for positive and negative domains', () => {
    fc.assert(
      fc.property(
        finite(1e-6, 1e14),
        finite(1e-6, 1e14),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (a, b, n, negative) => {
          const dom = negative ? [-a, -b] : [a, b];
          const ours = scaleLog().domain(dom).range([300, 0]);
          const theirs = d3.scaleLog().domain(dom).range([300, 0]);
          expect(ours.ticks(n)).toEqual(theirs.ticks(n));
          ours.nice();
          theirs.nice();
          expect(ours.domain()).toEqual(theirs.domain());
          expect(ours.ticks(n)).toEqual(theirs.ticks(n));
          for (const t of theirs.ticks(n)) expect(ours(t)).toBeCloseTo(theirs(t), 6);
        },
      ),
    );
  });

  it('a linear domain set after nice() replaces it, as LineChart does with yDomain', () => {
    const y = scaleLinear().domain([0, 0.93]).range([200, 0]).nice();
    y.domain([0, 1]);
    expect(y.domain()).toEqual([0, 1]);
    expect(y(0.5)).toBe(100);
  });

  it('line() prints the same path as d3-shape line()', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite(-1e4, 1e4), finite(-1e4, 1e4)), { maxLength: 20 }), (pts) => {
        const ours = line<[number, number]>()
          .x((p) => p[0])
          .y((p) => p[1]);
        const theirs = d3line<[number, number]>()
          .x((p) => p[0])
          .y((p) => p[1]);
        expect(ours(pts)).toBe(theirs(pts));
      }),
    );
  });
});
