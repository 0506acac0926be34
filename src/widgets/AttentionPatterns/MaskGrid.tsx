/**
 * The labelled mask grid (N ≤ 64): a native table with grid semantics. One cell is in the tab order (roving
 * tabindex); arrow keys, Home and End move between cells, Enter or Space makes the cell's query the current token.
 * Render-only: the cells, labels and movement come from grid.ts.
 */
import { useRef } from 'preact/hooks';
import {
  cellOfElement,
  cellSelector,
  moveCell,
  rowMemoKey,
  tokenOfCell,
  type Cell,
  type GridHeader,
  type GridRow,
} from './grid';
import { Memo } from './Memo';

interface Props {
  grid: GridHeader;
  /** Builds one row; called only for rows whose rendering changed. */
  rowOf: (query: number) => GridRow;
  /** Changes whenever the mask or the tile setting changes. */
  version: string;
  token: number;
  /** The cell that holds the tab stop. */
  focus: Cell;
  n: number;
  onFocusCell: (cell: Cell) => void;
  onProbe: (cell: Cell | null) => void;
  onChooseToken: (token: number) => void;
}

const cellOf = (target: EventTarget | null) => cellOfElement((target as HTMLElement | null)?.dataset);

export function MaskGrid({ grid, rowOf, version, token, focus, n, onFocusCell, onProbe, onChooseToken }: Props) {
  const table = useRef<HTMLTableElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onChooseToken(tokenOfCell(cell));
      return;
    }
    const next = moveCell(cell, event.key, n, event.ctrlKey || event.metaKey);
    if (!next) return;
    event.preventDefault();
    onFocusCell(next);
    table.current?.querySelector<HTMLElement>(cellSelector(next))?.focus();
  };

  const onFocusIn = (event: FocusEvent) => {
    const cell = cellOf(event.target);
    if (cell) {
      onFocusCell(cell);
      onProbe(cell);
    }
  };

  return (
    <div class="attn-grid__scroll">
      <table
        ref={table}
        class={`attn-grid${grid.dense ? ' attn-grid--dense' : ''}`}
        role="grid"
        aria-label="Attention mask: each row is a query token, each column a key token"
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
        onMouseOver={(event) => onProbe(cellOf(event.target))}
        onMouseLeave={() => onProbe(null)}
        onClick={(event) => {
          const cell = cellOf(event.target);
          if (cell) onChooseToken(tokenOfCell(cell));
        }}
      >
        <thead>
          <tr>
            <th scope="col" class="attn-grid__corner">
              <span class="visually-hidden">Query \ key</span>
            </th>
            {grid.columns.map((column) => (
              <th key={column.key} scope="col" class={column.mark ? 'is-mark' : undefined}>
                {column.text || <span class="visually-hidden">{column.key}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.queries.map((query) => (
            <Memo
              key={query}
              memoKey={rowMemoKey(version, query, token, focus)}
              render={() => <MaskRow row={rowOf(query)} focus={focus} />}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MaskRow({ row, focus }: { row: GridRow; focus: Cell }) {
  return (
    <tr class={`${row.current ? 'is-current' : ''}${row.tileEdge ? ' is-tile-edge' : ''}`.trim() || undefined}>
      <th scope="row">
        <span class="attn-grid__num">{row.query}</span>
        {row.word && <span class="attn-grid__word"> {row.word}</span>}
      </th>
      {row.cells.map((cell) => (
        <td
          key={cell.key}
          data-query={row.query}
          data-key={cell.key}
          tabIndex={focus.query === row.query && focus.key === cell.key ? 0 : -1}
          aria-label={cell.label}
          class={(cell.mark ? 'is-mark' : cell.attends ? 'is-on' : 'is-off') + (cell.tileEdge ? ' is-tile-edge' : '')}
        />
      ))}
    </tr>
  );
}
