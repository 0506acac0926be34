/**
 * The data an atlas MCP server serves: the entries (facts + Markdown) and the site's search. The server factory takes
 * a source as a parameter so the same code runs in Node (entries read from src/content, see nodeSource.ts) and in the
 * browser playground (build-time JSON, see browserSource.ts). Nothing here touches the file system.
 */
import type { EntryFacts } from '../atlas/schema';

/** One atlas entry as the MCP server uses it. */
export interface AtlasEntry {
  facts: EntryFacts;
  /** The display title, e.g. "Grouped Query Attention (GQA)". */
  title: string;
  /** The entry body as Markdown: prose, formulas and code, with the site's live widgets removed. */
  markdown: string;
}

/** One search hit: an entry, its score and the part of the entry that matched best. */
export interface SearchMatch {
  slug: string;
  /** Retrieval score; higher is better. */
  score: number;
  /** Heading of the best-matching part ("Key characteristics", "How it works", …), or "". */
  heading: string;
  /** Site path of that part, e.g. "/architectures/rope/#how-it-works". */
  path: string;
  /** Plain text of that part, when the source has chunk texts (used for snippets). */
  text?: string;
}

/** Entries plus the retrieval the site's header search uses. */
export interface AtlasSource {
  /** Every entry in catalogue order (section, then position). */
  readonly entries: readonly AtlasEntry[];
  /** The entry with this slug, or undefined. */
  entry(slug: string): AtlasEntry | undefined;
  /** The `k` best entries for `query`, best first; a blank query has no hits. */
  search(query: string, k: number): SearchMatch[];
}

/** The build-time JSON the browser playground fetches (see src/pages/explore/mcp/atlas.json.ts). */
export interface AtlasSnapshot {
  entries: AtlasEntry[];
}

/** Builds a source from entries in catalogue order and a search function. */
export function createAtlasSource(
  entries: readonly AtlasEntry[],
  search: (query: string, k: number) => SearchMatch[],
): AtlasSource {
  const bySlug = new Map(entries.map((e) => [e.facts.slug, e]));
  return {
    entries,
    entry: (slug) => bySlug.get(slug),
    search: (query, k) => search(query, k).filter((m) => bySlug.has(m.slug)),
  };
}
