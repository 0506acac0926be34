/**
 * The atlas source in Node: entries read from src/content/entries by src/atlas/load.ts, searched exactly like the
 * site's header search (src/rag/entries.ts over the retrieval index that src/rag/node.ts builds and caches).
 */
import { loadEntries } from '../atlas/load';
import { searchEntries } from '../rag/entries';
import { atlasRagIndex } from '../rag/node';
import { toAtlasEntry } from './entries';
import { createAtlasSource, type AtlasSource } from './source';
import { searchWith } from './search';

let cached: AtlasSource | undefined;

/** The entries on disk and the header-search retrieval over them (cached after the first call). */
export function nodeAtlasSource(): AtlasSource {
  if (cached) return cached;
  const index = atlasRagIndex();
  cached = createAtlasSource(
    loadEntries().map((e) => toAtlasEntry(e.facts, e.body)),
    searchWith(index, searchEntries),
  );
  return cached;
}
