/**
 * The retrieval index as three static JSON files, built once from the entries (`npm run build` writes them under
 * /rag/; Node callers build the same objects in memory) and loaded lazily:
 *   lexical.json — entry and chunk metadata plus the MiniSearch index (what the header search needs);
 *   dense.json   — the LSA model;
 *   chunks.json  — chunk texts (for showing chunks, prompts and extractive answers).
 * Every file carries the corpus hash, so parts from different builds are never mixed.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import type { EntryFacts } from '../atlas/schema';
import { chunkEntries, chunkHeading, chunkUrl, type Chunk, type ChunkSource } from './chunk';
import { buildLexicalIndex, loadLexicalIndex } from './lexical';
import { loadLsa, trainLsa, type LsaModel, type LsaSearcher } from './lsa';

export const RAG_FORMAT = 1;
/** Where the site serves the files. */
export const RAG_URLS = { lexical: '/rag/lexical.json', dense: '/rag/dense.json', chunks: '/rag/chunks.json' };

/** What result lists show about an entry. */
export interface EntryMeta {
  slug: string;
  title: string;
  acronym: string;
  kind: string;
  /** Catalogue section title, e.g. "Attention Mechanisms & Position Encodings". */
  section: string;
  summary: string;
}

/** A chunk without its text. */
export type ChunkMeta = Omit<Chunk, 'text'>;

export interface LexicalFile {
  format: number;
  corpus: string;
  entries: EntryMeta[];
  chunks: ChunkMeta[];
  minisearch: AsPlainObject;
}
export interface DenseFile {
  format: number;
  corpus: string;
  lsa: LsaModel;
}
export interface ChunksFile {
  format: number;
  corpus: string;
  texts: Record<string, string>;
}
export interface RagFiles {
  lexical: LexicalFile;
  dense: DenseFile;
  chunks: ChunksFile;
}

/** Entry source for the build: chunkable fields plus what result lists show. */
export interface RagSource extends ChunkSource {
  facts: ChunkSource['facts'] & Pick<EntryFacts, 'kind'>;
  /** Section title for display. */
  sectionTitle: string;
}

/** FNV-1a (32-bit) over the chunk ids and texts: identifies a corpus version. */
export function corpusHash(chunks: readonly Chunk[]): string {
  let h = 0x811c9dc5;
  for (const c of chunks) {
    const s = `${c.id}\u0000${c.text}\u0001`;
    for (let i = 0; i < s.length; i += 1) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}

/** Builds the three files from entries (about 0.2–0.5 s: the LSA training dominates). */
export function buildRagFiles(sources: readonly RagSource[]): RagFiles {
  const chunks = chunkEntries(sources);
  const corpus = corpusHash(chunks);
  const entries: EntryMeta[] = sources.map(({ facts, sectionTitle }) => ({
    slug: facts.slug,
    title: facts.title,
    acronym: facts.acronym ?? '',
    kind: facts.kind,
    section: sectionTitle,
    summary: facts.summary.replace(/\s+/g, ' ').trim(),
  }));
  return {
    lexical: {
      format: RAG_FORMAT,
      corpus,
      entries,
      chunks: chunks.map(({ text: _text, ...meta }) => meta),
      minisearch: buildLexicalIndex(chunks).toJSON(),
    },
    dense: { format: RAG_FORMAT, corpus, lsa: trainLsa(chunks) },
    chunks: { format: RAG_FORMAT, corpus, texts: Object.fromEntries(chunks.map((c) => [c.id, c.text])) },
  };
}

/** A loaded index: the lexical part always, the dense model and texts when they were loaded. */
export interface RagIndex {
  corpus: string;
  entries: Map<string, EntryMeta>;
  chunks: Map<string, ChunkMeta>;
  lexical: MiniSearch;
  dense: LsaSearcher | null;
  texts: Map<string, string> | null;
}

function check(file: { format: number; corpus: string }, name: string, corpus: string): void {
  if (file.format !== RAG_FORMAT) throw new Error(`${name}: format ${file.format}, expected ${RAG_FORMAT}`);
  if (file.corpus !== corpus) throw new Error(`${name}: corpus ${file.corpus} does not match lexical ${corpus}`);
}

/** Restores an index from its files; `dense` and `chunks` are optional (the header search loads only lexical). */
export function loadRagIndex(files: { lexical: LexicalFile; dense?: DenseFile; chunks?: ChunksFile }): RagIndex {
  const { lexical, dense, chunks } = files;
  check(lexical, 'lexical.json', lexical.corpus);
  if (dense) check(dense, 'dense.json', lexical.corpus);
  if (chunks) check(chunks, 'chunks.json', lexical.corpus);
  return {
    corpus: lexical.corpus,
    entries: new Map(lexical.entries.map((e) => [e.slug, e])),
    chunks: new Map(lexical.chunks.map((c) => [c.id, c])),
    lexical: loadLexicalIndex(lexical.minisearch),
    dense: dense ? loadLsa(dense.lsa) : null,
    texts: chunks ? new Map(Object.entries(chunks.texts)) : null,
  };
}

/** Adds the dense model or texts to a loaded index (lazy loading on the page). */
export function extendRagIndex(index: RagIndex, files: { dense?: DenseFile; chunks?: ChunksFile }): RagIndex {
  if (files.dense) check(files.dense, 'dense.json', index.corpus);
  if (files.chunks) check(files.chunks, 'chunks.json', index.corpus);
  return {
    ...index,
    dense: files.dense ? loadLsa(files.dense.lsa) : index.dense,
    texts: files.chunks ? new Map(Object.entries(files.chunks.texts)) : index.texts,
  };
}

export { chunkHeading, chunkUrl };
