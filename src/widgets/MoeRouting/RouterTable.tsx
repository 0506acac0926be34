/** Router scores per word and expert as a heat row, the chosen experts outlined, and where each word goes. */
import { EXPERTS, type TokenRow } from './model';

const CELL = 18;
const GAP = 3;
const WIDTH = EXPERTS * (CELL + GAP) - GAP;

interface Props {
  rows: readonly TokenRow[];
  shared: boolean;
}

export function RouterTable({ rows, shared }: Props) {
  return (
    <div class="table-scroll">
      <table class="moe__router">
        <thead>
          <tr>
            <th scope="col">Word</th>
            <th scope="col">
              <span class="moe__expert-heads" aria-hidden="true">
                {Array.from({ length: EXPERTS }, (_, e) => (
                  <span key={e}>{e + 1}</span>
                ))}
              </span>
              <span class="visually-hidden">Router score per expert</span>
            </th>
            <th scope="col">Routed to (gate)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, t) => (
            <tr key={t}>
              <th scope="row">{row.word}</th>
              <td>
                <svg width={WIDTH} height={CELL} viewBox={`0 0 ${WIDTH} ${CELL}`} aria-hidden="true">
                  {row.cells.map((c, e) => (
                    <rect
                      key={e}
                      x={e * (CELL + GAP)}
                      width={CELL}
                      height={CELL}
                      rx={3}
                      class={c.rank ? 'moe__cell is-chosen' : 'moe__cell'}
                      style={{ fillOpacity: c.opacity }}
                    />
                  ))}
                </svg>
              </td>
              <td class="moe__choice">
                {row.choice}
                {shared ? ', shared (1)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
