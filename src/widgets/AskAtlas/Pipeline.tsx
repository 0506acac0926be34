/** The visible pipeline steps: processed tokens, retrieved chunks (click to open), the verbatim prompt, timings. */
import type { RagIndex } from '../../rag/store';
import { approxTokens, chunkRows, promptText, timingRows, tokenChips, type AskState } from './model';

export function Tokens({ state }: { state: AskState }) {
  if (!state.retrieval) return <p class="ask__pending">Waiting for the question…</p>;
  const chips = tokenChips(state.retrieval.analysis);
  return (
    <>
      <ul class="ask__chips" aria-label="Processed tokens">
        {chips.map((c, i) => (
          <li key={`${c.kind}-${c.text}-${i}`} class={`ask__chip ask__chip--${c.kind}`} title={c.detail}>
            {c.kind === 'stop' ? <s>{c.text}</s> : c.text}
            <span class="visually-hidden"> ({c.detail})</span>
          </li>
        ))}
      </ul>
      <p class="ask__legend">
        <span class="ask__chip ask__chip--kept">stem</span> searched ·{' '}
        <span class="ask__chip ask__chip--synonym">added</span> from the glossary ·{' '}
        <span class="ask__chip ask__chip--identifier">identifier</span> matched verbatim ·{' '}
        <span class="ask__chip ask__chip--stop">
          <s>stop</s>
        </span>{' '}
        dropped
      </p>
    </>
  );
}

function ChunkText({ text }: { text: string }) {
  return (
    <div class="ask__chunk-text">
      {text.split(/\n{2,}/).map((para, i) =>
        para.startsWith('$$') ? (
          <pre key={i}>
            <code>{para.replace(/^\$\$\s*|\s*\$\$$/g, '')}</code>
          </pre>
        ) : (
          <p key={i}>{para}</p>
        ),
      )}
    </div>
  );
}

export function Chunks({ state, index }: { state: AskState; index: RagIndex | null }) {
  const result = state.retrieval;
  if (!result) return <p class="ask__pending">No retrieval yet.</p>;
  if (result.hits.length === 0) return <p>No chunk shares a word with the question.</p>;
  const rows = chunkRows(result, state.prompt);
  return (
    <>
      {result.notFound && (
        <p class="ask__note">
          Only {Math.round(result.coverage * 100)}% of the question’s words match: the atlas probably does not cover it.
        </p>
      )}
      <ol class="ask__chunks">
        {rows.map((r) => (
          <li key={r.id}>
            <details class="ask__chunk">
              <summary>
                <span class="ask__rank">{r.rank}</span>
                <span class="ask__chunk-title">
                  {r.title} <span class="ask__chunk-heading">› {r.heading}</span>
                  {r.inPrompt && <span class="ask__badge">in prompt</span>}
                </span>
                <span class="ask__ranks">
                  <span>lexical {r.lexical}</span>
                  <span>dense {r.dense}</span>
                  <span>fused {r.fused}</span>
                </span>
              </summary>
              <ChunkText text={index?.texts?.get(r.id) ?? ''} />
              <p>
                <a href={r.url}>Open “{r.heading}” in the atlas</a> <code>{r.id}</code>
              </p>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}

export function Prompt({ state }: { state: AskState }) {
  if (!state.prompt) return <p class="ask__pending">No prompt yet.</p>;
  const text = promptText(state.prompt);
  const sent = state.answer?.mode === 'model' || state.phase === 'generating';
  return (
    <details class="ask__prompt">
      <summary>
        {state.prompt.context.length} passages, {text.length.toLocaleString('en-US')} characters (≈{' '}
        {approxTokens(text).toLocaleString('en-US')} tokens){sent ? ' — sent to the model' : ' — not sent (no model)'}
      </summary>
      <pre tabIndex={0}>{text}</pre>
    </details>
  );
}

export function Timings({ state }: { state: AskState }) {
  const rows = timingRows(state);
  if (rows.length === 0) return <p class="ask__pending">No timings yet.</p>;
  return (
    <dl class="ask__timings">
      {rows.map((r) => (
        <div key={r.step}>
          <dt>{r.step}</dt>
          <dd>{r.time}</dd>
        </div>
      ))}
    </dl>
  );
}
