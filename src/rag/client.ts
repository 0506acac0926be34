/**
 * Loads the prebuilt index files in the browser, each at most once per page: the header search needs only
 * lexical.json; the /ask/ page also loads dense.json and chunks.json. Plain fetch, no Node APIs.
 */
import {
  extendRagIndex,
  loadRagIndex,
  RAG_URLS,
  type ChunksFile,
  type DenseFile,
  type LexicalFile,
  type RagIndex,
} from './store';

const files = new Map<string, Promise<unknown>>();

function getJson<T>(url: string): Promise<T> {
  let pending = files.get(url);
  if (!pending) {
    pending = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return res.json() as Promise<unknown>;
    });
    pending.catch(() => files.delete(url));
    files.set(url, pending);
  }
  return pending as Promise<T>;
}

let lexicalIndex: Promise<RagIndex> | undefined;

/** The index with the requested parts loaded; the lexical part is shared between callers. */
export async function fetchRagIndex(parts: { dense?: boolean; chunks?: boolean } = {}): Promise<RagIndex> {
  lexicalIndex ??= getJson<LexicalFile>(RAG_URLS.lexical).then((lexical) => loadRagIndex({ lexical }));
  lexicalIndex.catch(() => (lexicalIndex = undefined));
  const [base, dense, chunks] = await Promise.all([
    lexicalIndex,
    parts.dense ? getJson<DenseFile>(RAG_URLS.dense) : undefined,
    parts.chunks ? getJson<ChunksFile>(RAG_URLS.chunks) : undefined,
  ]);
  return dense || chunks ? extendRagIndex(base, { dense, chunks }) : base;
}
