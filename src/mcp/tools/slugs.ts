/** Slug arguments: the field schema and the lookup that names the field and suggests entries on a miss. */
import * as z from 'zod/v4';
import { InputError } from '../../core/modelSpec';
import type { AtlasEntry, AtlasSource } from '../source';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case entry slug (existence is checked against the source when the tool runs). */
export function slugField(description: string) {
  return z
    .string({ error: 'must be an entry slug (kebab-case, e.g. "rope")' })
    .trim()
    .toLowerCase()
    .max(80, { error: 'must be at most 80 characters' })
    .regex(SLUG, { error: 'must be an entry slug (kebab-case, e.g. "rope")' })
    .describe(description);
}

/** Entries whose slug starts with `prefix` (for completions), at most `limit`. */
export function completeSlug(source: AtlasSource, prefix: string, limit = 100): string[] {
  const p = prefix.trim().toLowerCase();
  return source.entries
    .map((e) => e.facts.slug)
    .filter((s) => s.startsWith(p))
    .slice(0, limit);
}

/** Slugs sharing a word with `slug`, for "did you mean" hints. */
function suggestions(source: AtlasSource, slug: string): string[] {
  const words = slug.split('-').filter((w) => w.length >= 3);
  const near = source.entries
    .map((e) => e.facts.slug)
    .filter((s) => words.some((w) => s.includes(w)) || (slug.length >= 3 && s.startsWith(slug.slice(0, 3))));
  return near.length > 0 ? near.slice(0, 5) : source.entries.map((e) => e.facts.slug);
}

/** The entry with `slug`, or an InputError naming `field` and listing close (or all) slugs. */
export function requireEntry(source: AtlasSource, slug: string, field: string): AtlasEntry {
  const entry = source.entry(slug);
  if (entry) return entry;
  throw new InputError(
    field,
    `${field}: "${slug}" is not an atlas entry; try ${suggestions(source, slug).join(', ')} (search-atlas finds slugs)`,
  );
}
