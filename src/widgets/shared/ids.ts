/**
 * Element ids that stay unique when several islands share a page. Preact's useId counts per render root, and every
 * Astro island is its own root, so two widgets on one page (the home band, an entry with several widgets, the header
 * search) would hand out the same "P0-1". WidgetFrame opens a scope named after its title; ids drawn inside it carry
 * that prefix. Deterministic, so the server render and the hydrated island agree.
 */
import { createContext } from 'preact';
import { useContext, useId } from 'preact/hooks';

/** The id prefix of the enclosing widget ('' outside any WidgetFrame). */
export const IdScope = createContext('');

/** A lower-case slug of `text` for use in ids: "KV cache: MHA, GQA" → "kv-cache-mha-gqa". */
export function idSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'w'
  );
}

/** useId() prefixed with the enclosing widget's scope: unique across islands on the same page. */
export function useScopedId(): string {
  return `${useContext(IdScope)}${useId()}`;
}
