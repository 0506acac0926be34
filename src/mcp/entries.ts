/**
 * Entry → the shape the MCP server serves. Used at build time (the playground's JSON endpoint) and in Node; the browser
 * never imports this file, so the entry schema (and its zod copy) stays out of the playground chunk.
 */
import { displayTitle, type EntryFacts } from '../atlas/schema';
import { bodyAsMarkdown } from '../atlas/text';
import type { AtlasEntry } from './source';

/** An entry's facts and MDX body as an AtlasEntry (display title, Markdown body). */
export function toAtlasEntry(facts: EntryFacts, body: string): AtlasEntry {
  return { facts, title: displayTitle(facts), markdown: bodyAsMarkdown(body) };
}
