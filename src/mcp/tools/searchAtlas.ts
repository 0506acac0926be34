/** `search-atlas`: the site's header search (same retrieval, same call), with the matched section and a snippet. */
import * as z from 'zod/v4';
import { sectionById } from '../../atlas/sections';
import { markdownToPlainText } from '../../atlas/text';
import { snippet } from '../snippet';
import { defineTool, intField } from './define';
import { entryUri } from './uris';

export const MAX_K = 20;

const input = z.object({
  query: z
    .string({ error: 'must be a string of 1 to 200 characters' })
    .trim()
    .min(1, { error: 'must not be empty (1 to 200 characters)' })
    .max(200, { error: 'must be at most 200 characters' })
    .describe('What to look for: words, an acronym (GQA, MLA) or a question, 1–200 characters.'),
  k: intField(1, MAX_K, `How many entries to return, 1–${MAX_K} (default 5).`).default(5),
});

const hit = z.object({
  rank: z.number().int().describe('1 for the best hit.'),
  slug: z.string().describe('Entry slug; pass it to get-entry or read atlas://entries/{slug}.'),
  title: z.string().describe('Display title, with the acronym when there is one.'),
  section: z.string().describe('The atlas section the entry belongs to.'),
  kind: z.string().describe('Architecture, Attention Mechanism, Inference Technique, …'),
  heading: z.string().describe('The part of the entry that matched best, e.g. "How it works".'),
  snippet: z.string().describe('The sentence of that part that best matches the query (or the entry summary).'),
  score: z.number().describe('Retrieval score (BM25+ over the entry’s chunks, as the site search); higher is better.'),
  path: z.string().describe('Site path of the matching part, e.g. "/architectures/rope/#how-it-works".'),
  uri: z.string().describe('The entry as an MCP resource (Markdown).'),
});

const output = z.object({
  query: z.string().describe('The query as searched (trimmed).'),
  results: z.array(hit).describe('Ranked entries, best first; empty when nothing matches.'),
});

const plainText = new WeakMap<object, string>();

export const searchAtlas = defineTool({
  name: 'search-atlas',
  title: 'Search the atlas',
  description:
    'Full-text search over every atlas entry (titles, acronyms, summaries, characteristics and prose), ranked exactly ' +
    'like the search box on the site, with the best-matching section of each entry. Returns slugs for get-entry.',
  input,
  output,
  run({ query, k }, source) {
    const results = source.search(query, k).map((match, i) => {
      const entry = source.entry(match.slug)!;
      let text = match.text ?? plainText.get(entry);
      if (text === undefined) {
        text = markdownToPlainText(entry.markdown);
        plainText.set(entry, text);
      }
      return {
        rank: i + 1,
        slug: match.slug,
        title: entry.title,
        section: sectionById(entry.facts.section).title,
        kind: entry.facts.kind,
        heading: match.heading,
        snippet: snippet(text, query, entry.facts.summary),
        score: Math.round(match.score * 1000) / 1000,
        path: match.path,
        uri: entryUri(match.slug),
      };
    });
    const lines = results.map(
      (r) =>
        `${r.rank}. ${r.title} — ${r.slug}${r.heading ? ` › ${r.heading}` : ''} (score ${r.score})\n   ${r.snippet}`,
    );
    const text =
      results.length === 0
        ? `No atlas entry matches "${query}". Try fewer or other words, or an acronym such as GQA or MoE.`
        : `${results.length} atlas ${results.length === 1 ? 'entry matches' : 'entries match'} "${query}":\n\n${lines.join('\n')}`;
    return { structured: { query, results }, text };
  },
});
