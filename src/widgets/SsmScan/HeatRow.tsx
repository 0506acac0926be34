/**
 * Rows of signed heat cells as SVG: blue for positive, orange for negative, stronger for larger |value|
 * (colour-blind-safe pair from the kit's series colours; the numbers are in the readout and the titles).
 */
import type { Cell } from './model';

const SIZE = 26;
const GAP = 3;

interface Props {
  /** One or more rows of cells. */
  rows: readonly (readonly Cell[])[];
  /** Accessible name of the whole block, e.g. "Hidden state h_t, 4 channels × 8 state elements". */
  label: string;
  /** Labels before each row, e.g. "ch 1". */
  rowLabels?: readonly string[];
}

export function HeatRow({ rows, label, rowLabels }: Props) {
  const cols = Math.max(...rows.map((r) => r.length), 1);
  const labelW = rowLabels ? 34 : 0;
  const width = labelW + cols * (SIZE + GAP) - GAP;
  const height = rows.length * (SIZE + GAP) - GAP;
  return (
    <svg
      class="ssm__heat"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    >
      {rows.map((row, r) => (
        <g key={r} transform={`translate(0,${r * (SIZE + GAP)})`}>
          {rowLabels && (
            <text class="ssm__heat-label" x={0} y={SIZE / 2} dy="0.32em">
              {rowLabels[r]}
            </text>
          )}
          {row.map((cell, c) => (
            <rect
              key={c}
              x={labelW + c * (SIZE + GAP)}
              width={SIZE}
              height={SIZE}
              rx={3}
              class={cell.positive ? 'ssm__pos' : 'ssm__neg'}
              style={{ fillOpacity: cell.opacity }}
            >
              <title>{cell.text}</title>
            </rect>
          ))}
        </g>
      ))}
    </svg>
  );
}
