/**
 * Text analysis shared by both retrieval legs, at build time and in the browser: lowercase word tokens, English stop
 * words, the Porter stemmer, unstemmed identifiers ("mamba-2", "fp8", "tools/call", "GQA") and query expansion
 * through the acronym/synonym table. Every step is returned, so the /ask/ page can show what the question became.
 */
import { stem } from './stemmer';
import { SYNONYM_GROUPS } from './synonyms';

/** English function words plus question words; they carry no topic and would match every chunk. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing done down during each either else etc few for from further get gets ' +
    'got had has have having he her here hers him his how however i if in into is it its itself just me more most ' +
    'my no nor not now of off on once only or other our ours out over own same she should so some such than that ' +
    'the their theirs them then there these they this those through to too under until up us very was we were ' +
    'what when where which while who whom why will with would you your yours also may might must shall let lets ' +
    'whose whether via per vs versus something anything thing things really actually tell explain ' +
    'describe mean means much many'
  ).split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+/gu;
/** Identifiers worth matching verbatim: a word with a digit, or joined by - _ / . : where one part has a digit or _. */
const IDENTIFIER = /[\p{L}\p{N}]+(?:[-_/.:][\p{L}\p{N}]+)+|[\p{L}]*\p{N}[\p{L}\p{N}]*/gu;
/** Acronyms and camel-cased names as written: GQA, KV, RoPE, ALiBi, YaRN, FlashAttention. */
const ACRONYM = /\b(?:[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*)\b/g;

/** Joined names split at lower→Upper boundaries when every part has 4+ letters: PagedAttention, SentencePiece. */
const CAMEL_BOUNDARY = /(?<=[a-z])(?=[A-Z][a-z])/;

/**
 * Lowercase word tokens in order, stop words included. A camel-cased name also yields its parts, so
 * "PagedAttention" matches "paged attention" (RoPE, ALiBi and LLaVA stay whole).
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of text.match(WORD) ?? []) {
    const lower = token.toLowerCase();
    if (lower.length > 1 || /\d/.test(lower)) out.push(lower);
    const parts = token.split(CAMEL_BOUNDARY);
    if (parts.length > 1 && parts.every((p) => p.length >= 4)) out.push(...parts.map((p) => p.toLowerCase()));
  }
  return out;
}

/** Index terms for prose fields: words without stop words, stemmed. */
export function proseTerms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

/** Unstemmed identifiers and acronyms found in a text, lowercased and de-duplicated (the `ids` field). */
export function identifierTerms(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.match(ACRONYM) ?? []) found.add(m.toLowerCase());
  for (const m of text.match(IDENTIFIER) ?? []) {
    const id = m.toLowerCase().replace(/[.:]+$/, '');
    if (/[\d_/]/.test(id) && id.length > 1 && !/^\d+$/.test(id)) found.add(id);
  }
  return [...found];
}

/** One processed query token, as the page shows it. */
export interface QueryToken {
  /** The word as typed (lowercased), or the expansion word. */
  raw: string;
  /** Its stem, the form matched against prose fields. */
  stem: string;
  /** "query" for the question's own words; "synonym" for words added by the glossary. */
  from: 'query' | 'synonym';
  /** For synonyms: the phrase of the question that triggered the expansion. */
  via?: string;
}

/** A question after analysis: every stage kept for display. */
export interface QueryAnalysis {
  question: string;
  /** All lowercase words as typed. */
  words: string[];
  /** The words dropped as stop words. */
  stopWords: string[];
  /** Identifiers kept verbatim ("mamba-2", "fp8", "gqa"). */
  identifiers: string[];
  /** Content tokens and their synonym expansions, in order, de-duplicated by stem. */
  tokens: QueryToken[];
}

interface Phrase {
  text: string;
  stems: string[];
}

const GROUPS: readonly Phrase[][] = SYNONYM_GROUPS.map((group) =>
  group.map((text) => ({ text, stems: proseTerms(text) })),
);

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((s, j) => haystack[i + j] === s)) return true;
  }
  return false;
}

/** Analyses a question: words → stop words dropped → stems → glossary expansion (acronyms ↔ phrases). */
export function analyzeQuery(question: string): QueryAnalysis {
  const all = words(question);
  const stopWords = all.filter((w) => STOP_WORDS.has(w));
  const content = all.filter((w) => !STOP_WORDS.has(w));
  const tokens: QueryToken[] = [];
  const seen = new Set<string>();
  for (const raw of content) {
    const s = stem(raw);
    if (seen.has(s)) continue;
    seen.add(s);
    tokens.push({ raw, stem: s, from: 'query' });
  }
  const stems = content.map(stem);
  for (const group of GROUPS) {
    const hit = group.find((phrase) => containsSequence(stems, phrase.stems));
    if (!hit) continue;
    for (const phrase of group) {
      if (phrase === hit) continue;
      for (const [i, s] of phrase.stems.entries()) {
        if (seen.has(s)) continue;
        seen.add(s);
        const raw = proseWords(phrase.text)[i] ?? s;
        tokens.push({ raw, stem: s, from: 'synonym', via: hit.text });
      }
    }
  }
  return { question, words: all, stopWords, identifiers: identifierTerms(question), tokens };
}

function proseWords(text: string): string[] {
  return words(text).filter((w) => !STOP_WORDS.has(w));
}
