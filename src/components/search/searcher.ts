/** Loads the prebuilt index and MiniSearch on demand (a separate chunk), for the header search box. */
import type { SearchHit } from '../../atlas/search';

export interface Searcher {
  search(query: string): SearchHit[];
}

export async function createSearcher(): Promise<Searcher> {
  const [search, response] = await Promise.all([import('../../atlas/search'), fetch('/search-index.json')]);
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  const index = search.loadSearchIndex(await response.text());
  return { search: (query) => search.searchEntries(index, query, 8) };
}
