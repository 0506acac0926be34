/**
 * THE entry schema: every fact on a card, an entry page, in search, RAG, MCP and the CLI comes from an entry
 * validated by this schema. `z` comes from `astro/zod` so the same schema runs inside Astro's content layer and in
 * plain Node (load.ts); never import `zod` here (stack.md pitfall 8).
 */
import { z } from 'astro/zod';
import { KINDS, SECTION_IDS } from './sections';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARXIV = /^\d{4}\.\d{4,5}$/;
const thisYear = new Date().getUTCFullYear();

const year = z
  .number()
  .int()
  .min(1950, 'year must be 1950 or later')
  .max(thisYear, `year must be ${thisYear} or earlier`);
const text = z.string().trim().min(1, 'must not be empty');

export const exampleSchema = z.object({
  /** A real model or system, e.g. "Llama 3.1 405B". */
  name: text,
  year,
  /** One line on why it is an example. */
  note: text,
});

export const referenceSchema = z
  .object({
    title: text,
    /** "Ainslie, Lee-Thorp, de Jong, et al." */
    authors: text,
    year,
    /** arXiv identifier such as "2305.13245". */
    arxiv: z.string().regex(ARXIV, 'arxiv must look like 2305.13245').optional(),
    url: z.string().url('url must be an absolute URL').optional(),
    /** Conference, journal or publisher, e.g. "NeurIPS 2022". */
    venue: text.optional(),
  })
  .refine((r) => r.arxiv !== undefined || r.url !== undefined, {
    message: 'a reference needs an arxiv id or a url',
    path: ['arxiv'],
  });

export const entrySchema = z
  .object({
    /** URL slug: /architectures/<slug>/ ; must equal the file name. */
    slug: z.string().regex(SLUG, 'slug must be kebab-case'),
    section: z.enum(SECTION_IDS),
    /** Position inside the section (1 first). */
    order: z.number().int().min(1),
    kind: z.enum(KINDS),
    /** Full name without the acronym: "Grouped Query Attention". */
    title: text,
    /** "GQA"; omitted when the entry has no established acronym. */
    acronym: z.string().trim().min(1).max(12).optional(),
    /** One or two sentences. */
    summary: text.max(320, 'summary must be at most 320 characters (one or two sentences)'),
    /** Exactly four; the card shows three and a "+1 more" button. */
    characteristics: z.array(text).length(4, 'characteristics must have exactly 4 items'),
    useCases: z.array(text).min(3, 'useCases must have at least 3 items'),
    examples: z.array(exampleSchema).min(3, 'examples must have at least 3 items'),
    references: z.array(referenceSchema).min(1, 'references must have at least 1 item'),
    /** Slugs of related entries; each must exist. */
    related: z.array(z.string().regex(SLUG, 'related slugs must be kebab-case')).default([]),
    complexity: z.object({
      /** e.g. "O(n²·d) per layer" */
      time: text,
      /** e.g. "O(n·d) KV cache" */
      memory: text,
    }),
  })
  .strict();

export type EntryFacts = z.infer<typeof entrySchema>;
export type Example = z.infer<typeof exampleSchema>;
export type Reference = z.infer<typeof referenceSchema>;

/** "Grouped Query Attention (GQA)" */
export function displayTitle(e: Pick<EntryFacts, 'title' | 'acronym'>): string {
  return e.acronym ? `${e.title} (${e.acronym})` : e.title;
}
