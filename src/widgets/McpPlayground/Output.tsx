/** The output panel: the text content of the last call and, when there is one, its structuredContent. */
import type { OutputView } from './output';

export function Output({ view, headingLevel }: { view: OutputView | null; headingLevel: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section class="mcpp__output" aria-label="Result">
      <Heading class="mcpp__subtitle">Result</Heading>
      {view === null ? (
        <p class="mcpp__empty">Call a tool, read a resource or get a prompt to see the result here.</p>
      ) : (
        <div class="mcpp__result" data-error={view.isError ? 'true' : undefined}>
          <p class="mcpp__result-title">
            <code>{view.title}</code>
            {view.isError && <span class="mcpp__badge">isError</span>}
          </p>
          <pre class="mcpp__text">{view.text}</pre>
          {view.structured && (
            <details class="mcpp__structured">
              <summary>structuredContent (JSON)</summary>
              <pre class="mcpp__json">{view.structured}</pre>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
