/**
 * Entry-level search for the header box: the lexical leg of the retrieval index in type-ahead mode (the last word
 * is a prefix, small typos allowed in long words), chunk hits grouped by entry, each entry ranked by its best chunk.
 * The dense leg is left out on purpose: it needs whole words, and its model is a separate ~90 KB download that the
 * box does not need.
 */
import { retrieve } from './retrieve';
import type { RagIndex } from './store';

/** One entry in the search box, with the chunk that matched best. */
export interface EntryHit {
  slug: string;
  title: string;
  acronym: string;
  kind: string;
  section: string;
  summary: string;
  score: number;
  /** The best-matching chunk and its heading ("Key characteristics", "Load balancing", …). */
  chunkId: string;
  heading: string;
}

/** The top `k` entries for a query as typed; a blank query yields none. */
export function searchEntries(index: RagIndex, query: string, k = 8): EntryHit[] {
  if (!query.trim()) return [];
  const result = retrieve(index, query, { typeahead: true, legs: ['lexical'], k: 50 });
  const out: EntryHit[] = [];
  for (const hit of result.lexicalHits) {
    if (out.length >= k) break;
    const chunk = index.chunks.get(hit.id);
    if (!chunk || out.some((e) => e.slug === chunk.slug)) continue;
    const entry = index.entries.get(chunk.slug);
    if (!entry) continue;
    out.push({ ...entry, score: hit.score, chunkId: hit.id, heading: chunk.path[chunk.path.length - 1] ?? '' });
  }
  return out;
}
