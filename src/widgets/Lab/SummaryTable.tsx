/** The end-of-run summary: validation loss against cache size and against throughput. Render-only. */
import type { SummaryRow, SummaryView } from './summary';

const COLUMNS: readonly [key: keyof SummaryRow, label: string][] = [
  ['val', 'Val loss'],
  ['behind', 'Behind best'],
  ['kv', 'KV / token'],
  ['cache', 'Cache at 64 tokens'],
  ['cacheShare', 'vs largest cache'],
  ['throughput', 'Tokens / s'],
  ['speedShare', 'vs fastest'],
];

export function SummaryTable({ summary, heading }: { summary: SummaryView; heading: string }) {
  return (
    <section class="lab__summary" aria-label="Summary">
      <p class="lab__subhead">{heading}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Summary table">
        <table class="lab__table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Variant
              </th>
              {COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" role="columnheader" class="num">
                  {label}
                </th>
              ))}
              <th scope="col" role="columnheader">
                Loss–cache frontier
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {summary.rows.map((r) => (
              <tr key={r.id} role="row">
                <th scope="row" role="rowheader">
                  <span class="lab__swatch" style={{ background: `var(--series-${r.color})` }} aria-hidden="true" />
                  {r.label}
                </th>
                {COLUMNS.map(([key, label]) => (
                  <td key={key} role="cell" class="num" data-label={label}>
                    {String(r[key])}
                  </td>
                ))}
                <td role="cell" data-label="Loss–cache frontier">
                  {r.frontier ? 'yes' : 'no'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="lab__sentences">
        {summary.sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
