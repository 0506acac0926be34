/**
 * Ordering and navigation over the catalogue, shared by the site (Astro collection) and Node (load.ts).
 * Pure: works on anything that carries an entry's facts.
 */
import type { EntryFacts } from './schema';
import { SECTIONS, type Section } from './sections';

type HasFacts = { facts: Pick<EntryFacts, 'section' | 'order' | 'slug'> };

/** Orders entries as the site shows them: by section (DESIGN.md §5), then by `order`. */
export function sortEntries<T extends HasFacts>(entries: readonly T[]): T[] {
  const rank = (id: string) => SECTIONS.findIndex((s) => s.id === id);
  return [...entries].sort((a, b) => rank(a.facts.section) - rank(b.facts.section) || a.facts.order - b.facts.order);
}

/** The sections in order, each with its ordered entries. */
export function groupBySection<T extends HasFacts>(entries: readonly T[]): { section: Section; entries: T[] }[] {
  const sorted = sortEntries(entries);
  return SECTIONS.map((section) => ({ section, entries: sorted.filter((e) => e.facts.section === section.id) }));
}

/** The previous and next entries in reading order (across sections), for page navigation. */
export function neighbours<T extends HasFacts>(entries: readonly T[], slug: string): { prev?: T; next?: T } {
  const sorted = sortEntries(entries);
  const i = sorted.findIndex((e) => e.facts.slug === slug);
  if (i < 0) return {};
  return { prev: sorted[i - 1], next: sorted[i + 1] };
}
