/** The per-layer-type breakdown table, the formula with numbers substituted, the caveats and the CSV download. */
import type { ModelSpec } from '../../core/modelSpec';
import { breakdownCsv } from './csv';
import type { ResultView } from './model';
import type { CalculatorModel } from './spec';
import type { CalcState } from './state';

interface Props {
  state: CalcState;
  result: ResultView;
  csvModel: () => { model: CalculatorModel; spec: ModelSpec };
}

function download(state: CalcState, csvModel: Props['csvModel']) {
  const { model, spec } = csvModel();
  const file = breakdownCsv(model, spec, state);
  const href = URL.createObjectURL(new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

export function Breakdown({ state, result, csvModel }: Props) {
  return (
    <>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Breakdown table (scrolls sideways)">
        <table class="kvcalc__table">
          <thead>
            <tr>
              <th scope="col">Layer type</th>
              <th scope="col" class="num">
                Layers
              </th>
              <th scope="col">Cached per layer</th>
              <th scope="col">Size per layer</th>
              <th scope="col" class="num">
                Bytes
              </th>
              <th scope="col" class="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {result.breakdown.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td class="num" data-label="Layers">
                  {row.layers}
                </td>
                <td data-label="Cached per layer">{row.cached}</td>
                <td data-label="Size per layer">{row.perLayer}</td>
                <td class="num" data-label="Bytes">
                  {row.bytes.text}
                </td>
                <td class="num" data-label="Share">
                  {row.share}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="kvcalc__formula">
        <span>Formula{state.batch > 1 ? ' (per sequence, times the batch)' : ''}:</span> <code>{result.formula}</code>
      </p>
      <p class="kvcalc__per-token">{result.perToken}</p>
      <p class="kvcalc__params">{result.params}</p>
      {result.caveats.length > 0 && (
        <ul class="kvcalc__caveats" aria-label="Caveats">
          {result.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" class="button" onClick={() => download(state, csvModel)}>
          Download the breakdown as CSV
        </button>
      </p>
    </>
  );
}
