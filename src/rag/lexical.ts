/**
 * The lexical leg: BM25+ (MiniSearch 7) over chunks with four fields — the entry title and acronym, the section
 * headings, the prose, and an unstemmed identifier field. Prose is stemmed with stop words removed; identifiers
 * ("gqa", "mamba-2", "tools/call") are matched verbatim. Each query word searches its raw and stemmed forms, glossary
 * expansions count a little less than the words typed, and in type-ahead mode the last word is also a prefix.
 */
import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchOptions } from 'minisearch';
import { identifierTerms, STOP_WORDS, words, type QueryAnalysis } from './analyze';
import { indexedHeadings, type Chunk } from './chunk';
import { stem } from './stemmer';

interface LexicalDoc {
  id: string;
  title: string;
  heading: string;
  text: string;
  ids: string;
}

/** One lexical match: BM25+ score with the matched index terms and the fields they matched in. */
export interface LexicalHit {
  id: string;
  score: number;
  /** Matched index terms (stems, or identifiers). */
  terms: string[];
  /** Index term → fields it matched. */
  match: Record<string, string[]>;
  /** The query terms (raw or stemmed forms) that matched. */
  queryTerms: string[];
}

/** Field boosts: headings and identifiers say more about a chunk than a word in its prose. */
export const FIELD_BOOSTS = { title: 1.5, heading: 2, ids: 2, text: 1 } as const;
/** Weight of a glossary expansion relative to a word the user typed. */
export const SYNONYM_WEIGHT = 0.6;
/** Weight of a whole identifier typed in the question, relative to one word. */
export const IDENTIFIER_WEIGHT = 2;

const FORMULA = /\$\$[\s\S]*?\$\$/g;

const OPTIONS: Options<LexicalDoc> = {
  fields: ['title', 'heading', 'text', 'ids'],
  storeFields: [],
  tokenize: (text, field) => (field === 'ids' ? text.split(' ').filter(Boolean) : words(text)),
  processTerm: (term, field) => (field === 'ids' ? term : STOP_WORDS.has(term) ? null : stem(term)),
  searchOptions: {
    boost: FIELD_BOOSTS,
    tokenize: (query) => query.split(' ').filter(Boolean),
    processTerm: (term) => {
      const s = stem(term);
      return s === term ? term : [term, s];
    },
  },
};

function toDoc(chunk: Chunk): LexicalDoc {
  const title = chunk.acronym ? `${chunk.title} ${chunk.acronym}` : chunk.title;
  const text = chunk.text.replace(FORMULA, ' ');
  const heading = indexedHeadings(chunk);
  const ids = new Set([...identifierTerms(`${title} ${heading} ${text}`)]);
  if (chunk.acronym) ids.add(chunk.acronym.toLowerCase());
  return { id: chunk.id, title, heading, text, ids: [...ids].join(' ') };
}

/** Builds the lexical index over chunks. */
export function buildLexicalIndex(chunks: readonly Chunk[]): MiniSearch<LexicalDoc> {
  const index = new MiniSearch<LexicalDoc>(OPTIONS);
  index.addAll(chunks.map(toDoc));
  return index;
}

/** Restores an index from `index.toJSON()` (a plain object). */
export function loadLexicalIndex(plain: AsPlainObject): MiniSearch<LexicalDoc> {
  return MiniSearch.loadJS<LexicalDoc>(plain, OPTIONS);
}

export interface LexicalOptions {
  /** Treat the last typed word as a prefix and allow small typos in long words (the header search box). */
  typeahead?: boolean;
  /** How many hits to keep (default 50). */
  limit?: number;
}

/** The query as MiniSearch sub-queries: one per token (raw + stem), identifiers verbatim on the ids field. */
function toQuery(analysis: QueryAnalysis, typeahead: boolean): Query {
  const typed = analysis.tokens.filter((t) => t.from === 'query');
  const last = typed[typed.length - 1];
  const lastTypedWord = analysis.words[analysis.words.length - 1];
  const queries: Query[] = analysis.tokens.map((token) => {
    const isPrefix = typeahead && token === last && token.raw === lastTypedWord && token.raw.length >= 2;
    const sub: SearchOptions & { queries: Query[] } = {
      queries: [token.raw],
      prefix: isPrefix,
      fuzzy: typeahead && token.raw.length > 5 ? 0.15 : false,
      boostTerm: () => (token.from === 'synonym' ? SYNONYM_WEIGHT : 1),
    };
    return sub;
  });
  for (const id of analysis.identifiers) {
    if (analysis.tokens.some((t) => t.raw === id)) continue;
    // A verbatim identifier ("tools/call", "mamba-2") is more specific than the words it contains.
    queries.push({ queries: [id], fields: ['ids'], processTerm: (t: string) => t, boostTerm: () => IDENTIFIER_WEIGHT });
  }
  return { combineWith: 'OR', queries };
}

/** Ranked lexical hits for an analysed query; empty when nothing matches. */
export function searchLexical(
  index: MiniSearch<LexicalDoc>,
  analysis: QueryAnalysis,
  options: LexicalOptions = {},
): LexicalHit[] {
  if (analysis.tokens.length === 0 && analysis.identifiers.length === 0) return [];
  return index
    .search(toQuery(analysis, options.typeahead ?? false))
    .slice(0, options.limit ?? 50)
    .map((hit) => ({
      id: String(hit.id),
      score: hit.score,
      terms: hit.terms,
      match: hit.match,
      queryTerms: hit.queryTerms,
    }));
}
