/**
 * Entry search: one MiniSearch configuration shared by the prebuilt index (build time), the header search box
 * (browser) and Node callers. Type-ahead friendly: prefix matching on the last term, light fuzziness on long terms,
 * boosts on title and acronym so "grouped query" finds GQA first.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { EntryFacts } from './schema';
import { sectionById } from './sections';
import { bodyAsMarkdown, markdownToPlainText } from './text';

export interface SearchDoc {
  id: string;
  title: string;
  acronym: string;
  section: string;
  kind: string;
  summary: string;
  characteristics: string;
  text: string;
}

export interface SearchHit {
  slug: string;
  title: string;
  acronym: string;
  section: string;
  kind: string;
  summary: string;
  score: number;
}

export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'acronym', 'summary', 'characteristics', 'text'],
  storeFields: ['title', 'acronym', 'section', 'kind', 'summary'],
};

export const QUERY_OPTIONS: SearchOptions = {
  boost: { title: 4, acronym: 6, summary: 2, characteristics: 1.5 },
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
  fuzzy: (term) => (term.length > 5 ? 0.15 : false),
  combineWith: 'OR',
};

/** The searchable form of an entry. */
export function toSearchDoc(facts: EntryFacts, body: string): SearchDoc {
  return {
    id: facts.slug,
    title: facts.title,
    acronym: facts.acronym ?? '',
    section: sectionById(facts.section).title,
    kind: facts.kind,
    summary: facts.summary,
    characteristics: [
      ...facts.characteristics,
      ...facts.useCases,
      facts.complexity.time,
      facts.complexity.memory,
      ...facts.examples.map((e) => e.name),
    ].join(' · '),
    text: markdownToPlainText(bodyAsMarkdown(body)),
  };
}

/** Builds the index from search documents. */
export function buildSearchIndex(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  index.addAll(docs);
  return index;
}

/** Restores an index serialised with JSON.stringify(index). */
export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

/** The top `k` entries for a query; an empty or blank query yields no hits. */
export function searchEntries(index: MiniSearch<SearchDoc>, query: string, k = 8): SearchHit[] {
  if (!query.trim()) return [];
  return index
    .search(query, QUERY_OPTIONS)
    .slice(0, k)
    .map((hit) => ({
      slug: String(hit.id),
      title: String(hit.title),
      acronym: String(hit.acronym ?? ''),
      section: String(hit.section),
      kind: String(hit.kind),
      summary: String(hit.summary),
      score: hit.score,
    }));
}
