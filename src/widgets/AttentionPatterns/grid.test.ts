import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGrid, cellOfElement, clampCell, moveCell, probeText, rowMemoKey } from './grid';
import { computeMatrix } from './model';
import { DEFAULT_STATE, update } from './state';

const gridOf = (state = DEFAULT_STATE) => buildGrid(state, computeMatrix(state));

describe('buildGrid', () => {
  it('the default grid has 16 × 16 cells; row 1 is current and its keys 1–3 are marked', () => {
    const grid = gridOf();
    expect(grid.rows).toHaveLength(16);
    expect(grid.rows.every((row) => row.cells.length === 16)).toBe(true);
    const first = grid.rows[0];
    expect(first?.current).toBe(true);
    expect(first?.word).toBe('Attention');
    expect(first?.cells.filter((c) => c.mark).map((c) => c.key)).toEqual([1, 2, 3]);
    expect(grid.columns.filter((c) => c.mark).map((c) => c.key)).toEqual([1, 2, 3]);
    expect(grid.rows[1]?.cells.some((c) => c.mark)).toBe(false);
  });
  it('names cells by query and key with their words', () => {
    expect(gridOf().rows[0]?.cells[2]?.label).toBe('Query 1 (Attention), key 3 (every): attends');
    expect(gridOf().rows[0]?.cells[3]?.label).toBe('Query 1 (Attention), key 4 (token): masked');
  });
  it('switching to causal leaves only key 1 marked in row 1', () => {
    const grid = gridOf(update(DEFAULT_STATE, { direction: 'causal' }));
    expect(grid.rows[0]?.cells.filter((c) => c.mark).map((c) => c.key)).toEqual([1]);
  });
  it('above 24 tokens the header numbers only 1, every 8th and N', () => {
    const grid = gridOf(update(DEFAULT_STATE, { n: 40 }));
    expect(grid.dense).toBe(true);
    expect(grid.columns.filter((c) => c.text).map((c) => c.text)).toEqual(['1', '8', '16', '24', '32', '40']);
  });
  it('with tiles on, 16 tokens have tile edges after keys and queries 4, 8 and 12', () => {
    const grid = gridOf(update(DEFAULT_STATE, { tiles: true }));
    expect(grid.rows.filter((r) => r.tileEdge).map((r) => r.query)).toEqual([4, 8, 12]);
    expect(grid.rows[0]?.cells.filter((c) => c.tileEdge).map((c) => c.key)).toEqual([4, 8, 12]);
  });
});

describe('keyboard movement', () => {
  it('arrows move one cell and stop at the edges; Home/End go along the row; Ctrl+Home/End to corners', () => {
    expect(moveCell({ query: 1, key: 1 }, 'ArrowUp', 16)).toEqual({ query: 1, key: 1 });
    expect(moveCell({ query: 1, key: 1 }, 'ArrowDown', 16)).toEqual({ query: 2, key: 1 });
    expect(moveCell({ query: 3, key: 16 }, 'ArrowRight', 16)).toEqual({ query: 3, key: 16 });
    expect(moveCell({ query: 3, key: 5 }, 'ArrowLeft', 16)).toEqual({ query: 3, key: 4 });
    expect(moveCell({ query: 3, key: 5 }, 'Home', 16)).toEqual({ query: 3, key: 1 });
    expect(moveCell({ query: 3, key: 5 }, 'End', 16)).toEqual({ query: 3, key: 16 });
    expect(moveCell({ query: 3, key: 5 }, 'End', 16, true)).toEqual({ query: 16, key: 16 });
    expect(moveCell({ query: 3, key: 5 }, 'Home', 16, true)).toEqual({ query: 1, key: 1 });
    expect(moveCell({ query: 3, key: 5 }, 'x', 16)).toBeNull();
  });
  it('property: every move stays inside the grid', () => {
    const keys = fc.constantFrom('ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(keys, { maxLength: 30 }),
        fc.boolean(),
        (n, moves, ctrl) => {
          let cell = { query: 1, key: 1 };
          for (const key of moves) cell = moveCell(cell, key, n, ctrl) ?? cell;
          expect(cell.query >= 1 && cell.query <= n && cell.key >= 1 && cell.key <= n).toBe(true);
        },
      ),
    );
  });
  it('clampCell pulls a cell inside a smaller grid', () => {
    expect(clampCell({ query: 20, key: 0 }, 16)).toEqual({ query: 16, key: 1 });
  });
  it('cellOfElement reads data-query/data-key and rejects anything else', () => {
    expect(cellOfElement({ query: '3', key: '5' })).toEqual({ query: 3, key: 5 });
    expect(cellOfElement({ query: 'x', key: '5' })).toBeNull();
    expect(cellOfElement({})).toBeNull();
    expect(cellOfElement(undefined)).toBeNull();
  });
});

describe('probeText', () => {
  const matrix = computeMatrix(DEFAULT_STATE);
  it('says whether the query can attend to the key, with words', () => {
    expect(probeText(DEFAULT_STATE, matrix, { query: 1, key: 3 })).toBe(
      'Query 1 (Attention) → key 3 (every): can attend',
    );
    expect(probeText(DEFAULT_STATE, matrix, { query: 1, key: 4 })).toBe(
      'Query 1 (Attention) → key 4 (token): masked, cannot attend',
    );
  });
  it('is empty outside the grid and uses plain numbers above 64 tokens', () => {
    expect(probeText(DEFAULT_STATE, matrix, { query: 17, key: 1 })).toBe('');
    const big = update(DEFAULT_STATE, { n: 100 });
    expect(probeText(big, computeMatrix(big), { query: 1, key: 2 })).toBe('Query 1 → key 2: can attend');
  });
});

describe('rowMemoKey', () => {
  it('changes for the old and new current rows and the row holding the tab stop, nowhere else', () => {
    const focus = { query: 5, key: 2 };
    const before = [1, 2, 3, 4, 5, 6].map((q) => rowMemoKey('v', q, 2, focus));
    const after = [1, 2, 3, 4, 5, 6].map((q) => rowMemoKey('v', q, 3, focus));
    expect(before.map((key, i) => key !== after[i])).toEqual([false, true, true, false, false, false]);
    expect(rowMemoKey('v', 5, 2, focus)).not.toBe(rowMemoKey('v', 5, 2, { query: 5, key: 3 }));
    expect(rowMemoKey('v', 1, 2, focus)).not.toBe(rowMemoKey('w', 1, 2, focus));
  });
});
