/**
 * Reads the atlas entries in plain Node (CLI, MCP, retrieval, build-time checks). The site reads the same files
 * through Astro's content layer; a test checks that both agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { EntryFacts } from './schema';
import { sortEntries } from './catalogue';
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
