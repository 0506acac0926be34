/** One encoding's tokens as chips with their ids. Render-only: the chips come from model.ts. */
import { Fragment } from 'preact';
import type { EncodingView } from './model';
import { useScopedId } from '../shared/ids';

export function TokenChips({ view, level }: { view: EncodingView; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const id = `tok-${useScopedId()}`;
  return (
    <section class="tok__encoding" aria-labelledby={id}>
      <header class="tok__encoding-head">
        <Heading id={id} class="tok__encoding-title">
          <code>{view.label}</code>
          <span class="tok__count" data-testid={`count-${view.name}`}>
            {view.tokens.toLocaleString('en-US')} {view.tokens === 1 ? 'token' : 'tokens'}
          </span>
        </Heading>
        <p class="tok__encoding-meta">
          {view.models} · vocabulary {view.vocabularySize.toLocaleString('en-US')}
          {view.ratio && ` · ${view.ratio}`}
        </p>
      </header>
      {view.chips.length > 0 ? (
        <ol class="tok__chips" aria-label={`${view.label} tokens`}>
          {view.chips.map((chip) => (
            <Fragment key={chip.index}>
              <li class={`tok__chip tone-${chip.tone}${chip.partial ? ' is-partial' : ''}`} title={chip.description}>
                <span class="tok__chip-text">{chip.label}</span>
                <span class="tok__chip-id">{chip.id}</span>
              </li>
              {chip.breakAfter && <li class="tok__break" aria-hidden="true" />}
            </Fragment>
          ))}
        </ol>
      ) : (
        <p class="tok__empty">No text, no tokens.</p>
      )}
      {view.hidden > 0 && (
        <p class="tok__hidden">
          {view.hidden.toLocaleString('en-US')} more tokens are counted but not drawn (the first{' '}
          {view.chips.length.toLocaleString('en-US')} are shown).
        </p>
      )}
    </section>
  );
}
