import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskMatrix } from '../../core/masks';
import {
  cellAtPoint,
  heatGeometry,
  heatmapLabel,
  packColor,
  paintBase,
  paintMask,
  paintRow,
  paletteFrom,
  parseColor,
  restoreRow,
  rowCentrePercent,
} from './heatmap';

describe('parseColor', () => {
  it('reads rgb(), rgba(), space-separated rgb with alpha, and color(srgb …)', () => {
    expect(parseColor('rgb(67, 56, 202)')).toEqual([67, 56, 202, 255]);
    expect(parseColor('rgba(0, 0, 0, 0.5)')).toEqual([0, 0, 0, 128]);
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 128]);
    expect(parseColor('color(srgb 1 0.5 0)')).toEqual([255, 128, 0, 255]);
  });
  it('gives opaque black for anything else', () => {
    expect(parseColor('oklch(0.5 0.1 200)')).toEqual([0, 0, 0, 255]);
    expect(parseColor('')).toEqual([0, 0, 0, 255]);
    expect(parseColor('rgb(a, b, c)')).toEqual([0, 0, 0, 255]);
  });
  it('property: never NaN, every channel 0–255', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const v of parseColor(`rgb(${text})`)) expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
      }),
    );
  });
});

describe('packColor', () => {
  it('packs RGBA as ImageData bytes read by a Uint32Array: 0xAABBGGRR little-endian, 0xRRGGBBAA big-endian', () => {
    expect(packColor([1, 2, 3, 255], true)).toBe(0xff030201);
    expect(packColor([1, 2, 3, 255], false)).toBe(0x010203ff);
  });
});

describe('paintMask', () => {
  const palette = paletteFrom(
    (token) =>
      ({
        '--heat-1': 'rgb(1, 0, 0)',
        '--heat-0': 'rgb(2, 0, 0)',
        '--heat-mark': 'rgb(3, 0, 0)',
        '--attn-row': 'rgb(4, 0, 0)',
        '--attn-tile': 'rgb(5, 0, 0)',
      })[token] ?? '',
  );
  const redOf = (word: number | undefined) => (word ?? 0) & 0xff;
  const params = {
    n: 4,
    direction: 'causal',
    window: 2,
    dilation: 1,
    global: [],
    group: 2,
    chunk: 2,
    prefix: 0,
  } as const;

  it('causal 4 × 4 at token 2: attended below the diagonal, row 2 marked', () => {
    const out = new Uint32Array(16);
    paintMask(maskMatrix('causal', params), 4, 2, palette, out);
    expect([...out].map(redOf)).toEqual([1, 2, 2, 2, 3, 3, 4, 4, 1, 1, 1, 2, 1, 1, 1, 1]);
  });
  it('tile lines go over masked cells only, after row and column 2 for tiles of 2', () => {
    const out = new Uint32Array(16);
    paintMask(maskMatrix('causal', params), 4, 0, palette, out, 2);
    expect([...out].map(redOf)).toEqual([1, 2, 5, 2, 1, 1, 5, 2, 1, 1, 1, 5, 1, 1, 1, 1]);
  });
});

describe('cellAtPoint', () => {
  const box = { left: 10, top: 20, width: 200, height: 200 };
  it('maps a pointer to the 1-based cell under it, and null outside', () => {
    expect(cellAtPoint(10, 20, box, 1024)).toEqual({ query: 1, key: 1 });
    expect(cellAtPoint(209.9, 219.9, box, 1024)).toEqual({ query: 1024, key: 1024 });
    expect(cellAtPoint(110, 21, box, 16)).toEqual({ query: 1, key: 9 });
    expect(cellAtPoint(9, 50, box, 16)).toBeNull();
    expect(cellAtPoint(50, 220, box, 16)).toBeNull();
    expect(cellAtPoint(50, 50, { ...box, width: 0 }, 16)).toBeNull();
  });
  it('property: inside the box the cell is always within 1–N', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 1024 }),
        (fx, fy, n) => {
          const cell = cellAtPoint(box.left + fx * box.width, box.top + fy * box.height, box, n);
          expect(cell && cell.query >= 1 && cell.query <= n && cell.key >= 1 && cell.key <= n).toBe(true);
        },
      ),
    );
  });
});

describe('labels and markers', () => {
  it('the row marker of token 1 of 4 sits at 12.5%', () => {
    expect(rowCentrePercent(1, 4)).toBe(12.5);
  });
  it('the canvas text alternative names the size, the share and the current row', () => {
    expect(heatmapLabel('1,024', 7, '0.5%')).toBe(
      'Attention mask of 1,024 × 1,024 query–key pairs, 0.5% attended: rows are queries, columns are keys; ' +
        'the row of token 7 is highlighted.',
    );
  });
});

describe('heatGeometry and pooling', () => {
  it('one pixel per cell when the canvas fits; 3 × 3 cells per pixel for 1024 tokens on 495 device pixels', () => {
    expect(heatGeometry(200, 600)).toEqual({ factor: 1, size: 200, smooth: false });
    expect(heatGeometry(1024, 495)).toEqual({ factor: 3, size: 342, smooth: true });
    expect(heatGeometry(1024, 0)).toEqual({ factor: 1, size: 1024, smooth: true });
  });
  it('a pooled pixel is attended when any of its cells is: a lone global column survives 2 × 2 pooling', () => {
    const n = 4;
    const matrix = new Uint8Array(n * n);
    for (let q = 0; q < n; q++) matrix[q * n + 2] = 1;
    const out = new Uint32Array(4);
    const palette = { attends: 1, masked: 2, markKey: 3, markRow: 4, tileLine: 5 };
    paintMask(matrix, n, 0, palette, out, 0, heatGeometry(n, 2));
    expect([...out]).toEqual([2, 1, 2, 1]);
    paintMask(matrix, n, 2, palette, out, 0, heatGeometry(n, 2));
    expect([...out]).toEqual([4, 3, 2, 1]);
  });
  it('property: pooled output marks a pixel attended exactly when one of its cells is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer(), (n, px, seed) => {
        const matrix = new Uint8Array(n * n).map((_, i) => ((i * 2654435761 + seed) >>> 7) & 1);
        const g = heatGeometry(n, px);
        const out = new Uint32Array(g.size * g.size);
        paintMask(matrix, n, 0, { attends: 1, masked: 2, markKey: 3, markRow: 4, tileLine: 5 }, out, 0, g);
        for (let r = 0; r < g.size; r++)
          for (let c = 0; c < g.size; c++) {
            let any = 0;
            for (let q = r * g.factor; q < Math.min(n, (r + 1) * g.factor); q++)
              for (let k = c * g.factor; k < Math.min(n, (c + 1) * g.factor); k++) any |= matrix[q * n + k] ?? 0;
            expect(out[r * g.size + c]).toBe(any ? 1 : 2);
          }
      }),
    );
  });
});

describe('incremental row repaint', () => {
  it('restoring the old row and painting the new one equals a full repaint', () => {
    const params = {
      n: 12,
      direction: 'causal',
      window: 3,
      dilation: 1,
      global: [],
      group: 2,
      chunk: 2,
      prefix: 0,
    } as const;
    const matrix = maskMatrix('sliding', params);
    const palette = { attends: 1, masked: 2, markKey: 3, markRow: 4, tileLine: 5 };
    for (const geometry of [heatGeometry(12, 100), heatGeometry(12, 5)]) {
      const base = new Uint32Array(geometry.size ** 2);
      paintBase(matrix, 12, palette, base, 4, geometry);
      const out = base.slice();
      paintRow(matrix, 12, 3, palette, out, geometry);
      restoreRow(base, out, 3, geometry);
      paintRow(matrix, 12, 9, palette, out, geometry);
      const full = new Uint32Array(geometry.size ** 2);
      paintMask(matrix, 12, 9, palette, full, 4, geometry);
      expect([...out]).toEqual([...full]);
    }
  });
});
