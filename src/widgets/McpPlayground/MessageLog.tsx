/** The JSON-RPC message log: one expandable row per HTTP exchange half or in-memory message, headers included. */
import type { LogRow } from './log';

interface Props {
  rows: readonly LogRow[];
  headingLevel: 3 | 4;
  onClear: () => void;
}

export function MessageLog({ rows, headingLevel, onClear }: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section class="mcpp__log" aria-label="Message log">
      <div class="mcpp__log-head">
        <Heading class="mcpp__subtitle">
          Message log <span class="mcpp__count">({rows.length})</span>
        </Heading>
        <button type="button" class="button" onClick={onClear} disabled={rows.length === 0}>
          Clear log
        </button>
      </div>
      {rows.length === 0 ? (
        <p class="mcpp__empty">No messages yet.</p>
      ) : (
        <ol class="mcpp__entries">
          {rows.map((row) => (
            <li key={row.key} class="mcpp__entry" data-direction={row.arrow === '→' ? 'out' : 'in'}>
              <details>
                <summary>
                  <span class="mcpp__arrow" aria-hidden="true">
                    {row.arrow}
                  </span>
                  <span class="visually-hidden">{row.direction}: </span>
                  <span class="mcpp__summary">{row.summary}</span>
                  <span class="mcpp__meta">{row.meta}</span>
                </summary>
                {row.headers.length > 0 && (
                  <div class="table-scroll">
                    <table class="mcpp__headers">
                      <caption class="visually-hidden">HTTP headers</caption>
                      <thead>
                        <tr>
                          <th scope="col">Header</th>
                          <th scope="col">Value</th>
                        </tr>
                      </thead>
                      <tbody>
                        {row.headers.map(([name, value], i) => (
                          <tr key={`${name}-${i}`}>
                            <td>
                              <code>{name}</code>
                            </td>
                            <td>
                              <code>{value}</code>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {row.body && <pre class="mcpp__json">{row.body}</pre>}
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
