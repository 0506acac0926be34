import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachRun, paintCells, paintPooled } from './pixels';

const runsOf = (bytes: Uint8Array, from = 0, to = bytes.length) => {
  const runs: [number, number][] = [];
  forEachRun(bytes, from, to, (start, end) => runs.push([start, end]));
  return runs;
};

describe('forEachRun', () => {
  it('finds maximal runs of set bytes, across word boundaries and at the ends', () => {
    expect(runsOf(Uint8Array.from([1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1]))).toEqual([
      [0, 2],
      [3, 9],
      [11, 12],
    ]);
    expect(runsOf(new Uint8Array(8))).toEqual([]);
    expect(runsOf(new Uint8Array(9).fill(1))).toEqual([[0, 9]]);
    expect(runsOf(Uint8Array.from([1, 1, 1, 1, 1, 0, 1]), 1, 6)).toEqual([[1, 5]]);
  });
  it('property: the runs cover exactly the set bytes, aligned or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), fc.nat(3), (raw, shift) => {
        const bytes = new Uint8Array(raw.length + shift).subarray(shift);
        raw.forEach((v, i) => (bytes[i] = v & 1));
        const covered = new Uint8Array(bytes.length);
        let last = -1;
        for (const [start, end] of runsOf(bytes)) {
          expect(start).toBeGreaterThan(last);
          expect(end).toBeGreaterThan(start);
          covered.fill(1, start, end);
          last = end;
        }
        expect([...covered]).toEqual([...bytes]);
      }),
    );
  });
});

describe('paintCells and paintPooled', () => {
  it('property: match the cell-by-cell definition (pooled: a pixel is attended when any of its cells is)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, factor, seed) => {
        const matrix = new Uint8Array(n * n).map((_, i) => ((Math.imul(i + 1, 2654435761) ^ seed) >>> 9) & 1);
        const size = Math.ceil(n / factor);
        const out = new Uint32Array(size * size);
        if (factor === 1) paintCells(matrix, n * n, out, 7, 9);
        else paintPooled(matrix, n, factor, size, out, 7, 9);
        for (let r = 0; r < size; r++)
          for (let c = 0; c < size; c++) {
            let any = 0;
            for (let q = r * factor; q < Math.min(n, (r + 1) * factor); q++)
              for (let k = c * factor; k < Math.min(n, (c + 1) * factor); k++) any |= matrix[q * n + k] ?? 0;
            expect(out[r * size + c]).toBe(any ? 7 : 9);
          }
      }),
    );
  });
});
