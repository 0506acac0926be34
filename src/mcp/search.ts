/**
 * The header search as an AtlasSource search function: entry hits from src/rag/entries.ts (the same call the site's
 * search box makes), with the matched chunk's heading, link and text for snippets. Shared by Node and the browser.
 */
import type { EntryHit } from '../rag/entries';
import { chunkUrl, type RagIndex } from '../rag/store';
import type { SearchMatch } from './source';

type SearchEntries = (index: RagIndex, query: string, k: number) => EntryHit[];

/** Search over `index` with `searchEntries`, returning SearchMatches. */
export function searchWith(index: RagIndex, searchEntries: SearchEntries): (query: string, k: number) => SearchMatch[] {
  return (query, k) =>
    searchEntries(index, query, k).map((hit) => {
      const chunk = index.chunks.get(hit.chunkId);
      return {
        slug: hit.slug,
        score: hit.score,
        heading: hit.heading,
        path: chunk ? chunkUrl(chunk) : `/architectures/${hit.slug}/`,
        text: index.texts?.get(hit.chunkId),
      };
    });
}
