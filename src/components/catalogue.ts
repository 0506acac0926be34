/** The atlas entries as the site sees them: Astro's content collection, in catalogue order. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortEntries } from '../atlas/catalogue';

export type SiteEntry = CollectionEntry<'entries'> & { facts: CollectionEntry<'entries'>['data'] };

/** Every entry with its facts, ordered by section and position. */
export async function getEntries(): Promise<SiteEntry[]> {
  const entries = await getCollection('entries');
  return sortEntries(entries.map((e) => ({ ...e, facts: e.data })));
}
