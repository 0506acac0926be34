/**
 * Reads the atlas entries in plain Node (CLI, MCP, retrieval, build-time checks). The site reads the same files
 * through Astro's content layer; a test checks that both agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { EntryFacts } from './schema';
import { SECTIONS } from './sections';
import { checkCatalogue, EntryError, parseFacts } from './validate';

export interface Entry {
  facts: EntryFacts;
  /** The MDX body as written (imports and components included). */
  body: string;
  /** Path relative to the project root, for messages. */
  file: string;
}

export const ENTRIES_DIR = fileURLToPath(new URL('../content/entries/', import.meta.url));

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function splitFrontmatter(file: string, source: string): { data: unknown; body: string } {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new EntryError(`${file}: (frontmatter): missing the --- frontmatter block`);
  try {
    return { data: parseYaml(match[1] ?? ''), body: source.slice(match[0].length) };
  } catch (error) {
    throw new EntryError(`${file}: (frontmatter): invalid YAML: ${(error as Error).message}`);
  }
}

/** Orders entries as the site shows them: by section (DESIGN.md §5), then by `order`. */
export function sortEntries<T extends { facts: Pick<EntryFacts, 'section' | 'order'> }>(entries: T[]): T[] {
  const rank = (id: string) => SECTIONS.findIndex((s) => s.id === id);
  return [...entries].sort((a, b) => rank(a.facts.section) - rank(b.facts.section) || a.facts.order - b.facts.order);
}

let cache: Entry[] | undefined;

/** All entries, validated and ordered. Throws an EntryError naming file and field on the first bad catalogue. */
export function loadEntries(dir: string = ENTRIES_DIR): Entry[] {
  if (dir === ENTRIES_DIR && cache) return cache;
  const entries = readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = `src/content/entries/${name}`;
      const { data, body } = splitFrontmatter(file, readFileSync(join(dir, name), 'utf8'));
      return { facts: parseFacts(file, name.replace(/\.mdx$/, ''), data), body, file };
    });
  checkCatalogue(entries);
  const sorted = sortEntries(entries);
  if (dir === ENTRIES_DIR) cache = sorted;
  return sorted;
}

/** One entry by slug, or undefined. */
export function findEntry(slug: string): Entry | undefined {
  return loadEntries().find((e) => e.facts.slug === slug);
}

/**
 * The body as plain Markdown for MCP resources, RAG and the CLI: MDX import/export lines and component tags
 * (which render live widgets on the site) are removed; prose, formulas and code stay.
 */
export function bodyAsMarkdown(body: string): string {
  const out: string[] = [];
  let inFence = false;
  let inComponent = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence) {
      if (/^(import|export)\s/.test(line)) continue;
      if (inComponent) {
        if (/\/>\s*$|<\/[A-Z][\w.]*>\s*$/.test(line)) inComponent = false;
        continue;
      }
      if (/^\s*<[A-Z]/.test(line)) {
        if (!/\/>\s*$|<\/[A-Z][\w.]*>\s*$/.test(line)) inComponent = true;
        continue;
      }
    }
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
