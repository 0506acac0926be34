/**
 * Validation of entry frontmatter against the schema, plus the cross-entry rules a single schema cannot see
 * (slug = file name, related slugs exist, one position per section). Errors name the file and the field.
 */
import type { z } from 'astro/zod';
import { entrySchema, type EntryFacts } from './schema';

export class EntryError extends Error {
  override name = 'EntryError';
}

function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${file}: ${issue.path.length ? issue.path.join('.') : '(frontmatter)'}: ${issue.message}`)
    .join('\n');
}

/** Parses one entry's frontmatter; throws an EntryError naming the file and each failing field. */
export function parseFacts(file: string, slugFromFile: string, data: unknown): EntryFacts {
  const result = entrySchema.safeParse(data);
  if (!result.success) throw new EntryError(formatIssues(file, result.error));
  if (result.data.slug !== slugFromFile) {
    throw new EntryError(`${file}: slug: "${result.data.slug}" must equal the file name "${slugFromFile}"`);
  }
  return result.data;
}

/** Checks the rules that span entries; throws an EntryError listing every problem. */
export function checkCatalogue(entries: readonly { file: string; facts: EntryFacts }[]): void {
  const problems: string[] = [];
  const slugs = new Set(entries.map((e) => e.facts.slug));
  const positions = new Map<string, string>();
  for (const { file, facts } of entries) {
    facts.related.forEach((slug, i) => {
      if (!slugs.has(slug)) problems.push(`${file}: related.${i}: no entry has the slug "${slug}"`);
      if (slug === facts.slug) problems.push(`${file}: related.${i}: an entry cannot relate to itself`);
    });
    const key = `${facts.section}#${facts.order}`;
    const other = positions.get(key);
    if (other) problems.push(`${file}: order: ${facts.order} is already taken in ${facts.section} by ${other}`);
    positions.set(key, file);
  }
  if (problems.length) throw new EntryError(problems.join('\n'));
}
