/**
 * The offline answer: with no language model configured (or when the call fails), the two or three context
 * sentences that share the most question words, weighted by rarity, each followed by a numbered citation of its
 * chunk. Deterministic, so it is what CI tests, and always labelled as extractive.
 */
import { proseTerms, type QueryAnalysis } from './analyze';
import type { ContextChunk } from './prompt';

export const EXTRACTIVE_LABEL = 'no language model configured — extractive answer';
export const NOT_COVERED = 'The atlas does not seem to cover this question: no passage matches enough of its words.';

/** A numbered source, in order of first use. */
export interface Citation {
  n: number;
  id: string;
  label: string;
  url: string;
}

export interface ExtractiveAnswer {
  label: string;
  /** Answer text with citation markers "[n]". */
  text: string;
  sentences: { text: string; citation: number }[];
  citations: Citation[];
}

const ABBREVIATIONS = /\b(?:e\.g|i\.e|et al|vs|cf|Fig|approx|resp)\.$/;

/** Splits a paragraph into sentences without breaking "et al." or "e.g.". */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of paragraph.split(/(?<=[.!?])\s+(?=[A-Z0-9(“"])/)) {
    current = current ? `${current} ${part}` : part;
    if (!ABBREVIATIONS.test(current)) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

interface Candidate {
  text: string;
  chunk: number;
  position: number;
  score: number;
}

/** Picks up to `max` sentences from the context for the question and cites them. */
export function extractiveAnswer(
  analysis: QueryAnalysis,
  context: readonly ContextChunk[],
  options: { max?: number; notFound?: boolean } = {},
): ExtractiveAnswer {
  if (options.notFound || context.length === 0) {
    return { label: EXTRACTIVE_LABEL, text: NOT_COVERED, sentences: [], citations: [] };
  }
  const weights = new Map<string, number>();
  for (const t of analysis.tokens) weights.set(t.stem, t.from === 'synonym' ? 0.6 : 1);
  // Rarity across the context: a word in every passage says little about which sentence answers.
  const passageTerms = context.map((c) => new Set(proseTerms(c.text)));
  const rarity = (s: string) => 1 / (1 + passageTerms.filter((terms) => terms.has(s)).length);

  const candidates: Candidate[] = [];
  context.forEach((chunk, ci) => {
    let position = 0;
    for (const para of chunk.text.split(/\n{2,}/)) {
      if (para.startsWith('$$')) continue;
      const listItem = para.startsWith('- ');
      for (const raw of sentences(para.replace(/^- /, ''))) {
        position += 1;
        // Skip what is too short to say anything, a lead-in to a formula ("the cache holds"), or a facts line.
        if (raw.length < 25 || /^(Use cases|Time|Memory):/.test(raw)) continue;
        if (!listItem && !/[.!?)”"]$/.test(raw)) continue;
        const terms = new Set(proseTerms(raw));
        let score = 0;
        for (const [s, w] of weights) if (terms.has(s)) score += w * rarity(s);
        // Earlier chunks ranked higher; shorter sentences read better as answers.
        score *= 1 - 0.08 * ci;
        score /= 1 + Math.max(0, raw.length - 220) / 400;
        if (score > 0) candidates.push({ text: raw, chunk: ci, position, score });
      }
    }
  });

  const picked: Candidate[] = [];
  const perChunk = new Map<number, number>();
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.chunk - b.chunk || a.position - b.position)) {
    if (picked.length >= (options.max ?? 3)) break;
    if ((perChunk.get(c.chunk) ?? 0) >= 2) continue;
    if (picked.some((p) => p.text === c.text)) continue;
    picked.push(c);
    perChunk.set(c.chunk, (perChunk.get(c.chunk) ?? 0) + 1);
  }
  if (picked.length === 0) return { label: EXTRACTIVE_LABEL, text: NOT_COVERED, sentences: [], citations: [] };
  picked.sort((a, b) => a.chunk - b.chunk || a.position - b.position);

  const citations: Citation[] = [];
  const out = picked.map((p) => {
    const chunk = context[p.chunk] as ContextChunk;
    let citation = citations.find((c) => c.id === chunk.id);
    if (!citation) {
      citation = { n: citations.length + 1, id: chunk.id, label: chunk.label, url: chunk.url };
      citations.push(citation);
    }
    return { text: p.text, citation: citation.n };
  });
  return {
    label: EXTRACTIVE_LABEL,
    text: out.map((s) => `${s.text} [${s.citation}]`).join(' '),
    sentences: out,
    citations,
  };
}
