/** `get-entry`: one whole entry, its validated facts as JSON and its body as Markdown. */
import * as z from 'zod/v4';
import { sectionById } from '../../atlas/sections';
import { entryMarkdown } from '../markdown';
import { defineTool } from './define';
import { entryPath, entryUri } from './uris';
import { slugField, requireEntry } from './slugs';

const example = z.object({
  name: z.string().describe('A real model or system.'),
  year: z.number().int().describe('Year of release or publication.'),
  note: z.string().describe('Why it is an example.'),
});

const reference = z.object({
  title: z.string().describe('Title of the paper or page.'),
  authors: z.string().describe('Authors as cited.'),
  year: z.number().int().describe('Year of publication.'),
  arxiv: z.string().optional().describe('arXiv identifier, e.g. "2305.13245".'),
  url: z.string().optional().describe('Absolute URL when there is no arXiv id (or in addition).'),
  venue: z.string().optional().describe('Conference, journal or publisher.'),
});

const facts = z.object({
  slug: z.string().describe('URL slug: /architectures/<slug>/.'),
  section: z.string().describe('Section id.'),
  order: z.number().int().describe('Position inside the section (1 first).'),
  kind: z.string().describe('The kind label shown on the card.'),
  title: z.string().describe('Full name without the acronym.'),
  acronym: z.string().optional().describe('Established acronym, when there is one.'),
  summary: z.string().describe('One or two sentences.'),
  characteristics: z.array(z.string()).describe('Exactly four key characteristics.'),
  useCases: z.array(z.string()).describe('Where it is used.'),
  examples: z.array(example).describe('Real models or systems that use it.'),
  references: z.array(reference).describe('Papers and specifications.'),
  related: z.array(z.string()).describe('Slugs of related entries.'),
  complexity: z
    .object({
      time: z.string().describe('Time complexity, e.g. "O(n²·d) per layer".'),
      memory: z.string().describe('Memory complexity, e.g. "O(n·d) KV cache".'),
    })
    .describe('Asymptotic costs.'),
});

const output = z.object({
  slug: z.string().describe('The entry slug.'),
  title: z.string().describe('Display title with the acronym.'),
  section: z.object({ id: z.string(), title: z.string() }).describe('The section id and its title.'),
  uri: z.string().describe('The entry as an MCP resource.'),
  path: z.string().describe('The entry page on the site, relative to the site root.'),
  facts: facts.describe('Every validated fact of the entry (the frontmatter).'),
  markdown: z.string().describe('The entry body as Markdown (formulas in $…$ / $$…$$; live widgets omitted).'),
});

export const getEntry = defineTool({
  name: 'get-entry',
  title: 'Read an atlas entry',
  description:
    'The whole atlas entry for a slug: facts (summary, characteristics, complexity, use cases, examples, references, ' +
    'related entries) as JSON and the explanation as Markdown. Find slugs with search-atlas.',
  input: z.object({ slug: slugField('The entry to read, e.g. "grouped-query-attention".') }),
  output,
  run({ slug }, source) {
    const entry = requireEntry(source, slug, 'slug');
    const section = sectionById(entry.facts.section);
    return {
      structured: {
        slug,
        title: entry.title,
        section: { id: section.id, title: section.title },
        uri: entryUri(slug),
        path: entryPath(slug),
        facts: entry.facts,
        markdown: entry.markdown,
      },
      text: entryMarkdown(entry),
    };
  },
});
