/**
 * The atlas source in the browser playground: the entries from a build-time JSON file, searched with the same
 * retrieval index files and the same call as the header search (src/rag/client.ts, src/rag/entries.ts). No Node
 * built-ins.
 */
import { fetchRagIndex } from '../rag/client';
import { searchEntries } from '../rag/entries';
import { createAtlasSource, type AtlasSnapshot, type AtlasSource } from './source';
import { searchWith } from './search';

/** Where the build puts the playground's entry snapshot. */
export const SNAPSHOT_PATH = '/explore/mcp/atlas.json';

/** Fetches the snapshot and the retrieval index (with chunk texts, for snippets) and builds a source. */
export async function fetchAtlasSource(): Promise<AtlasSource> {
  const [response, index] = await Promise.all([fetch(SNAPSHOT_PATH), fetchRagIndex({ chunks: true })]);
  if (!response.ok) throw new Error(`${SNAPSHOT_PATH}: HTTP ${response.status}`);
  const { entries } = (await response.json()) as AtlasSnapshot;
  return createAtlasSource(entries, searchWith(index, searchEntries));
}
