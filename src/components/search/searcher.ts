/** Loads the retrieval index's lexical part and the entry search on demand (a separate chunk), for the header box. */
import type { EntryHit } from '../../rag/entries';

export interface Searcher {
  search(query: string): EntryHit[];
}

export async function createSearcher(): Promise<Searcher> {
  const [{ searchEntries }, { fetchRagIndex }] = await Promise.all([
    import('../../rag/entries'),
    import('../../rag/client'),
  ]);
  const index = await fetchRagIndex();
  return { search: (query) => searchEntries(index, query, 8) };
}
