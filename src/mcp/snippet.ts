/**
 * Query-biased snippets for search results: the sentence of an entry that contains the most distinct query terms
 * (prefix matches count, as in the header search's type-ahead), trimmed around the first match. Pure.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased query terms of two or more characters, without duplicates. */
export function queryTerms(query: string): string[] {
  return [...new Set((query.toLowerCase().match(WORD) ?? []).filter((t) => t.length >= 2))];
}

/** Sentences and list items; display formulas ($$…$$) are skipped, they make poor snippets. */
function sentences(text: string): string[] {
  return text
    .replace(/\$\$[\s\S]*?\$\$/g, '\n')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/** Index in `sentence` of the first word starting with one of `terms`, or −1. */
function firstMatch(sentence: string, terms: readonly string[]): number {
  for (const match of sentence.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (terms.some((t) => word.startsWith(t))) return match.index;
  }
  return -1;
}

function matchedTerms(sentence: string, terms: readonly string[]): number {
  const words = sentence.toLowerCase().match(WORD) ?? [];
  return terms.filter((t) => words.some((w) => w.startsWith(t))).length;
}

/** Cuts `text` to at most `max` characters around position `at`, on word boundaries, with ellipses. */
function window(text: string, at: number, max: number): string {
  if (text.length <= max) return text;
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * The best snippet of `text` for `query`, at most `max` characters (plus ellipses): the sentence matching the most
 * query terms, earliest first. `fallback` (e.g. the entry summary) when no sentence matches.
 */
export function snippet(text: string, query: string, fallback: string, max = 240): string {
  const terms = queryTerms(query);
  let best = '';
  let bestScore = 0;
  for (const sentence of sentences(text)) {
    const score = matchedTerms(sentence, terms);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  if (bestScore === 0) return window(fallback, 0, max);
  return window(best, Math.max(0, firstMatch(best, terms)), max);
}
