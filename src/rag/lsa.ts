/**
 * The dense leg: latent semantic analysis (Deerwester, Dumais, Furnas, Landauer & Harshman, "Indexing by Latent
 * Semantic Analysis", JASIS 41(6), 1990) trained on the atlas's own chunks at build time. Chunks become sublinear
 * TF-IDF vectors (terms in at least two chunks), L2-normalised rows of A; a truncated SVD A ≈ U_k Σ_k V_kᵀ keeps k = 64
 * concepts. A query q is projected to q·V_k and compared by cosine with the chunk coordinates U_k Σ_k = A·V_k, so
 * "keeps memory constant" can find a chunk that says "fixed-size state" without sharing its words. Query time is pure
 * arithmetic over the shipped model (int8 matrices, base64 in JSON); no library.
 */
import { proseTerms, type QueryAnalysis } from './analyze';
import { indexedHeadings, type Chunk } from './chunk';
import { symmetricEigen } from './eigen';

export const LSA_DIMENSIONS = 64;
/** Weight of a glossary expansion in the query vector, as in the lexical leg. */
const SYNONYM_WEIGHT = 0.6;

/** The shipped model: everything query time needs. */
export interface LsaModel {
  k: number;
  vocab: string[];
  idf: number[];
  /** Per-term scale of the int8 term → concept rows. */
  termScale: number[];
  /** vocab.length × k int8, base64. */
  termVectors: string;
  docIds: string[];
  docScale: number[];
  /** docIds.length × k int8 of unit-length chunk coordinates, base64. */
  docVectors: string;
}

export interface DenseHit {
  id: string;
  /** Cosine similarity in the concept space, −1…1. */
  score: number;
}

/** A model ready for queries: decoded matrices and a term lookup. */
export interface LsaSearcher {
  model: LsaModel;
  termIndex: Map<string, number>;
  terms: Float32Array;
  docs: Float32Array;
}

function chunkTerms(chunk: Chunk): string[] {
  const text = chunk.text.replace(/\$\$[\s\S]*?\$\$/g, ' ');
  return proseTerms(`${chunk.title} ${chunk.acronym} ${indexedHeadings(chunk)} ${text}`);
}

function quantize(rows: Float64Array, width: number): { scale: number[]; data: string } {
  const count = rows.length / width;
  const bytes = new Int8Array(rows.length);
  const scale: number[] = [];
  for (let r = 0; r < count; r += 1) {
    let max = 0;
    for (let j = 0; j < width; j += 1) max = Math.max(max, Math.abs(rows[r * width + j] ?? 0));
    const s = max > 0 ? max / 127 : 1;
    scale.push(Number(s.toPrecision(6)));
    for (let j = 0; j < width; j += 1) bytes[r * width + j] = Math.round((rows[r * width + j] ?? 0) / s);
  }
  let binary = '';
  const u8 = new Uint8Array(bytes.buffer);
  for (let i = 0; i < u8.length; i += 8192) binary += String.fromCharCode(...u8.subarray(i, i + 8192));
  return { scale, data: btoa(binary) };
}

function dequantize(data: string, scale: readonly number[], width: number): Float32Array {
  const binary = atob(data);
  const out = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    const byte = binary.charCodeAt(i);
    out[i] = (byte > 127 ? byte - 256 : byte) * (scale[Math.floor(i / width)] ?? 0);
  }
  return out;
}

/** Trains the LSA model on chunks (build time: ~0.1–0.5 s for the atlas). */
export function trainLsa(chunks: readonly Chunk[], dimensions = LSA_DIMENSIONS): LsaModel {
  const docs = chunks.map(chunkTerms);
  const n = docs.length;
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df.entries()]
    .filter(([, count]) => count >= 2)
    .map(([t]) => t)
    .sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const idf = vocab.map((t) => Number(Math.log(1 + n / (df.get(t) ?? 1)).toFixed(4)));

  const rows = docs.map((terms) =>
    tfidf(
      terms.map((t) => [t, 1] as const),
      index,
      idf,
    ),
  );
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i; j < n; j += 1) {
      let dot = 0;
      for (const [t, w] of rows[i] ?? []) dot += w * ((rows[j] ?? new Map<number, number>()).get(t) ?? 0);
      gram[i * n + j] = dot;
      gram[j * n + i] = dot;
    }
  }
  const { values, vectors } = symmetricEigen(gram, n);
  const k = Math.min(dimensions, n);
  const m = vocab.length;
  // V_k = Aᵀ U_k Σ_k⁻¹ : column c of V is Σ_i A[i, t] · U[i, c] / σ_c.
  const termRows = new Float64Array(m * k);
  for (let c = 0; c < k; c += 1) {
    const sigma = Math.sqrt(Math.max(values[c] ?? 0, 0));
    if (sigma < 1e-9) continue;
    for (let i = 0; i < n; i += 1) {
      const u = (vectors[c * n + i] ?? 0) / sigma;
      for (const [t, w] of rows[i] ?? []) termRows[t * k + c] = (termRows[t * k + c] ?? 0) + w * u;
    }
  }
  // Chunk coordinates U_k Σ_k, normalised for cosine.
  const docRows = new Float64Array(n * k);
  for (let i = 0; i < n; i += 1) {
    let norm = 0;
    for (let c = 0; c < k; c += 1) {
      const x = (vectors[c * n + i] ?? 0) * Math.sqrt(Math.max(values[c] ?? 0, 0));
      docRows[i * k + c] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < k; c += 1) docRows[i * k + c] = (docRows[i * k + c] ?? 0) / norm;
  }
  const terms = quantize(termRows, k);
  const docsQ = quantize(docRows, k);
  return {
    k,
    vocab,
    idf,
    termScale: terms.scale,
    termVectors: terms.data,
    docIds: chunks.map((c) => c.id),
    docScale: docsQ.scale,
    docVectors: docsQ.data,
  };
}

/** Sublinear TF-IDF, L2-normalised: term index → weight. Unknown terms are ignored. */
function tfidf(
  weighted: readonly (readonly [string, number])[],
  index: ReadonlyMap<string, number>,
  idf: readonly number[],
): Map<number, number> {
  const tf = new Map<number, number>();
  for (const [t, w] of weighted) {
    const i = index.get(t);
    if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + w);
  }
  const out = new Map<number, number>();
  let norm = 0;
  for (const [i, count] of tf) {
    // Sublinear term frequency; a glossary expansion alone (weight < 1) counts as that fraction of one occurrence.
    const w = (count >= 1 ? 1 + Math.log(count) : count) * (idf[i] ?? 0);
    out.set(i, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [i, w] of out) out.set(i, w / norm);
  return out;
}

/** Decodes a shipped model for querying. */
export function loadLsa(model: LsaModel): LsaSearcher {
  if (model.vocab.length !== model.idf.length || model.vocab.length !== model.termScale.length) {
    throw new Error('LSA model: vocab, idf and termScale must have the same length');
  }
  return {
    model,
    termIndex: new Map(model.vocab.map((t, i) => [t, i])),
    terms: dequantize(model.termVectors, model.termScale, model.k),
    docs: dequantize(model.docVectors, model.docScale, model.k),
  };
}

/** The query in concept space (length k), or null when none of its terms is in the vocabulary. */
export function projectQuery(searcher: LsaSearcher, analysis: QueryAnalysis): Float32Array | null {
  const { model, termIndex, terms } = searcher;
  const weighted = analysis.tokens.map((t) => [t.stem, t.from === 'synonym' ? SYNONYM_WEIGHT : 1] as const);
  const q = tfidf(weighted, termIndex, model.idf);
  if (q.size === 0) return null;
  const k = model.k;
  const out = new Float32Array(k);
  for (const [t, w] of q) for (let c = 0; c < k; c += 1) out[c] = (out[c] ?? 0) + w * (terms[t * k + c] ?? 0);
  return out;
}

/** Ranked chunks by cosine similarity to the query; empty when no query term is in the vocabulary. */
export function searchDense(searcher: LsaSearcher, analysis: QueryAnalysis, limit = 50): DenseHit[] {
  const q = projectQuery(searcher, analysis);
  if (!q) return [];
  const { k, docIds } = searcher.model;
  let qNorm = 0;
  for (const x of q) qNorm += x * x;
  qNorm = Math.sqrt(qNorm);
  if (qNorm === 0) return [];
  const hits: DenseHit[] = docIds.map((id, i) => {
    let dot = 0;
    let dNorm = 0;
    for (let c = 0; c < k; c += 1) {
      const d = searcher.docs[i * k + c] ?? 0;
      dot += (q[c] ?? 0) * d;
      dNorm += d * d;
    }
    return { id, score: dot / (qNorm * (Math.sqrt(dNorm) || 1)) };
  });
  return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
}
