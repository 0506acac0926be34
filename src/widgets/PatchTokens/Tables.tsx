/** The token-count table for the real settings and the KV-cache cost of an image. Render-only (tables.ts). */
import { Select } from '../shared/controls';
import type { SchemeId } from './state';
import { KV_MODEL_OPTIONS, type CountRow, type KvRow } from './tables';

export function CountsTable({ rows, current }: { rows: readonly CountRow[]; current: SchemeId }) {
  return (
    <div class="table-scroll">
      <table class="ptk__table">
        <caption>Tokens per image for real settings (computed from each paper's or config's numbers)</caption>
        <thead>
          <tr>
            <th scope="col">Encoder or connector, grid</th>
            <th scope="col" class="num">
              Encoder tokens
            </th>
            <th scope="col" class="num">
              Tokens in the LLM
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} class={r.id === current ? 'is-current' : undefined}>
              <th scope="row" title={r.source}>
                {r.label}
                {r.id === current && <span class="visually-hidden"> (shown above)</span>}
                <span class="ptk__grid">{r.grid}</span>
              </th>
              <td class="num">{r.encoder}</td>
              <td class="num">{r.llm}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface KvProps {
  model: string;
  kv: { rows: readonly KvRow[]; modelName: string; note: string };
  onModel: (id: string) => void;
}

export function KvPanel({ model, kv, onModel }: KvProps) {
  return (
    <div class="ptk__kv">
      <Select
        label="Language model for the KV-cache cost"
        value={model}
        options={KV_MODEL_OPTIONS}
        onChange={onModel}
      />
      <div class="table-scroll">
        <table class="ptk__table">
          <caption>
            What one image costs in {kv.modelName}'s KV cache (each figure opens the KV-cache calculator)
          </caption>
          <thead>
            <tr>
              <th scope="col">Connector</th>
              <th scope="col" class="num">
                Tokens
              </th>
              <th scope="col" class="num">
                KV cache
              </th>
            </tr>
          </thead>
          <tbody>
            {kv.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.tokens.toLocaleString('en-US')}</td>
                <td class="num">
                  {r.href ? (
                    <a
                      href={r.href}
                      aria-label={`${r.bytesText}: open ${r.tokens} tokens of ${kv.modelName} in the KV-cache calculator`}
                    >
                      {r.bytesText}
                    </a>
                  ) : (
                    r.bytesText
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="ptk__note">{kv.note}</p>
    </div>
  );
}
