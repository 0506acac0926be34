/**
 * Per-variant figures: parameters, KV cache, FLOPs, throughput and the latest losses. Render-only. Below 600 px
 * each row becomes a card of labelled cells (lab.css); the explicit roles keep it a table for assistive technology.
 */
import { useScopedId } from '../shared/ids';
import type { MetricsRow } from './view';

const COLUMNS: readonly [key: keyof MetricsRow, label: string][] = [
  ['params', 'Parameters'],
  ['kv', 'KV / token'],
  ['cache', 'Cache at 64 tokens'],
  ['flops', 'FLOPs / token'],
  ['throughput', 'Tokens / s'],
  ['train', 'Train loss'],
  ['val', 'Val loss'],
];

export function MetricsTable({ rows, caption }: { rows: readonly MetricsRow[]; caption: string }) {
  const captionId = useScopedId();
  return (
    <div class="lab__table-block">
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Variant figures">
        <table class="lab__table" role="table" aria-describedby={captionId}>
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
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r) => (
              <tr key={r.id} role="row" data-variant={r.id}>
                <th scope="row" role="rowheader">
                  <span class="lab__swatch" style={{ background: `var(--series-${r.color})` }} aria-hidden="true" />
                  {r.label}
                </th>
                {COLUMNS.map(([key, label]) => (
                  <td key={key} role="cell" class="num" data-cell={key} data-label={label}>
                    {r[key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={captionId} class="lab__caption">
        {caption}
      </p>
    </div>
  );
}
