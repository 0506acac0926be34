/**
 * The retrieval pipeline, step by step and timed: analyse the question → lexical leg (BM25+) → dense leg (LSA) →
 * reciprocal rank fusion. The result keeps every intermediate so the /ask/ page, the CLI and MCP can show or return
 * them. Runs unchanged in Node and the browser.
 */
import { analyzeQuery, type QueryAnalysis } from './analyze';
import { chunkHeading, chunkUrl } from './chunk';
import { reciprocalRankFusion } from './fuse';
import { searchLexical, type LexicalHit } from './lexical';
import { searchDense, type DenseHit } from './lsa';
import type { ChunkMeta, RagIndex } from './store';

export type Leg = 'lexical' | 'dense';

export interface RetrieveOptions {
  /** How many fused chunks to return (default 8, 1–50). */
  k?: number;
  /** Type-ahead mode for the header search: the last word is a prefix, small typos allowed. */
  typeahead?: boolean;
  /** Legs to run (default: both when the dense model is loaded). */
  legs?: readonly Leg[];
  /** How many hits each leg contributes to the fusion (default 50). */
  depth?: number;
}

/** One retrieved chunk with everything the page shows about it. */
export interface RetrievedChunk extends ChunkMeta {
  heading: string;
  url: string;
  /** Fused (RRF) score. */
  score: number;
  lexical: { rank: number; score: number; terms: string[] } | null;
  dense: { rank: number; score: number } | null;
}

/** Milliseconds per step (performance.now(); coarse in browsers). */
export interface Timings {
  analyze: number;
  lexical: number;
  dense: number;
  fuse: number;
  total: number;
}

export interface RetrievalResult {
  question: string;
  analysis: QueryAnalysis;
  legs: Leg[];
  /** Fused top-k, best first. */
  hits: RetrievedChunk[];
  /** Full leg lists (top `depth`), for evaluation and display. */
  lexicalHits: LexicalHit[];
  denseHits: DenseHit[];
  timings: Timings;
  /** Share of the question's own tokens that the top lexical hits matched (0–1). */
  coverage: number;
  /**
   * True when the atlas probably does not cover the question: no lexical hit at all, or (for questions, not
   * type-ahead) fewer than half of its words matched by the top three lexical hits.
   */
  notFound: boolean;
}

/** Below this coverage a question is treated as outside the atlas. */
export const MIN_COVERAGE = 0.5;

function coverageOf(analysis: QueryAnalysis, hits: readonly LexicalHit[]): number {
  const typed = analysis.tokens.filter((t) => t.from === 'query');
  if (typed.length === 0) return hits.length > 0 ? 1 : 0;
  const matched = new Set(hits.slice(0, 3).flatMap((h) => h.queryTerms));
  return typed.filter((t) => matched.has(t.raw) || matched.has(t.stem)).length / typed.length;
}

const now = () => performance.now();

/** Runs the pipeline. A blank question returns no hits and notFound. */
export function retrieve(index: RagIndex, question: string, options: RetrieveOptions = {}): RetrievalResult {
  const k = Math.min(Math.max(Math.round(options.k ?? 8), 1), 50);
  const depth = options.depth ?? 50;
  const legs: Leg[] = [...(options.legs ?? ['lexical', 'dense'])].filter((l) => l !== 'dense' || index.dense);
  const t0 = now();
  const analysis = analyzeQuery(question);
  const t1 = now();
  const lexicalHits = legs.includes('lexical')
    ? searchLexical(index.lexical, analysis, { typeahead: options.typeahead, limit: depth })
    : [];
  const t2 = now();
  const denseHits = legs.includes('dense') && index.dense ? searchDense(index.dense, analysis, depth) : [];
  const t3 = now();
  const fused = reciprocalRankFusion<Leg>([
    { name: 'lexical', ids: lexicalHits.map((h) => h.id) },
    { name: 'dense', ids: denseHits.filter((h) => h.score > 0).map((h) => h.id) },
  ]);
  const hits: RetrievedChunk[] = [];
  for (const f of fused) {
    if (hits.length >= k) break;
    const meta = index.chunks.get(f.id);
    if (!meta) continue;
    const lex = f.ranks.lexical === null ? undefined : lexicalHits[f.ranks.lexical - 1];
    const den = f.ranks.dense === null ? undefined : denseHits[f.ranks.dense - 1];
    hits.push({
      ...meta,
      heading: chunkHeading(meta),
      url: chunkUrl(meta),
      score: f.score,
      lexical: lex && f.ranks.lexical ? { rank: f.ranks.lexical, score: lex.score, terms: lex.terms } : null,
      dense: den && f.ranks.dense ? { rank: f.ranks.dense, score: den.score } : null,
    });
  }
  const t4 = now();
  const coverage = coverageOf(analysis, lexicalHits);
  const notFound = legs.includes('lexical')
    ? lexicalHits.length === 0 || (!options.typeahead && coverage < MIN_COVERAGE)
    : hits.length === 0;
  return {
    question,
    analysis,
    legs,
    hits,
    lexicalHits,
    denseHits,
    timings: { analyze: t1 - t0, lexical: t2 - t1, dense: t3 - t2, fuse: t4 - t3, total: t4 - t0 },
    coverage,
    notFound,
  };
}
