/**
 * The frame every widget sits in: a titled figure with an honesty label (computed live, from a named config, or
 * illustrative), visible notes (e.g. a malformed URL parameter that fell back to its default) and the body.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { IdScope, idSlug } from './ids';
import './widget.css';

export type Provenance = 'computed' | 'config' | 'illustrative' | 'trained';

const PROVENANCE_LABEL: Record<Provenance, string> = {
  computed: 'Computed live',
  config: 'From published configs',
  illustrative: 'Illustrative',
  trained: 'Tiny model trained by this project',
};

interface Props {
  title: string;
  /** One sentence under the title: what the widget shows. */
  lead?: ComponentChildren;
  provenance: Provenance;
  /** Overrides the provenance label, e.g. "Computed live · Llama-2-7B geometry". */
  provenanceDetail?: string;
  /** Notes shown above the body: fallbacks, clamped values, caveats. */
  notes?: readonly string[];
  children: ComponentChildren;
  /** Heading level of the title inside the page (2 on explore pages, 3 inside entries and the home band). */
  level?: 2 | 3;
  /** Extra class for layout variants. */
  class?: string;
}

export function WidgetFrame({
  title,
  lead,
  provenance,
  provenanceDetail,
  notes = [],
  children,
  level = 3,
  class: cls,
}: Props) {
  // Ids inside the frame (its title, the kit's controls) carry the title as a prefix: see ids.ts.
  const scope = `${idSlug(title)}-`;
  const titleId = `${scope}${useId()}-title`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <figure class={`widget${cls ? ` ${cls}` : ''}`} aria-labelledby={titleId}>
      <header class="widget__head">
        <div class="widget__titles">
          <Heading id={titleId} class="widget__title">
            {title}
          </Heading>
          {lead && <p class="widget__lead">{lead}</p>}
        </div>
        <span class="widget__provenance" data-provenance={provenance}>
          {provenanceDetail ?? PROVENANCE_LABEL[provenance]}
        </span>
      </header>
      {notes.length > 0 && (
        <ul class="widget__notes" aria-label="Notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div class="widget__body">
        <IdScope.Provider value={scope}>{children}</IdScope.Provider>
      </div>
    </figure>
  );
}

/** The text equivalent of a widget: a polite live region announcing the current readout. */
export function LiveReadout({ children, class: cls }: { children: ComponentChildren; class?: string }) {
  return (
    <p class={`widget__readout${cls ? ` ${cls}` : ''}`} role="status" aria-live="polite" aria-atomic="true">
      {children}
    </p>
  );
}
