/**
 * An entry as one Markdown document (the atlas://entries/{slug} resource and the get-entry text): title, summary,
 * facts, the body, and references. Pure; the body comes from the source already stripped of widgets.
 */
import { sectionById } from '../atlas/sections';
import type { AtlasEntry } from './source';

function referenceLine(r: AtlasEntry['facts']['references'][number]): string {
  const link = r.arxiv ? `https://arxiv.org/abs/${r.arxiv}` : r.url;
  const where = r.venue ? `, ${r.venue}` : '';
  return `- ${r.authors} (${r.year}). ${link ? `[${r.title}](${link})` : r.title}${where}.`;
}

/** The whole entry as Markdown. */
export function entryMarkdown(entry: AtlasEntry): string {
  const f = entry.facts;
  return [
    `# ${entry.title}`,
    '',
    `> ${f.summary.replace(/\s+/g, ' ').trim()}`,
    '',
    `- **Section:** ${sectionById(f.section).title}`,
    `- **Kind:** ${f.kind}`,
    `- **Time:** ${f.complexity.time}`,
    `- **Memory:** ${f.complexity.memory}`,
    '',
    '## Key characteristics',
    '',
    ...f.characteristics.map((c) => `- ${c}`),
    '',
    '## Use cases',
    '',
    ...f.useCases.map((u) => `- ${u}`),
    '',
    '## Examples',
    '',
    ...f.examples.map((e) => `- **${e.name}** (${e.year}): ${e.note}`),
    '',
    entry.markdown,
    '',
    '## References',
    '',
    ...f.references.map(referenceLine),
    ...(f.related.length > 0
      ? ['', `Related entries: ${f.related.map((s) => `atlas://entries/${s}`).join(', ')}`]
      : []),
    '',
  ].join('\n');
}

/** One line per entry for the atlas://entries index text. */
export function entryIndexLine(entry: AtlasEntry): string {
  return `- ${entry.title} — atlas://entries/${entry.facts.slug}: ${entry.facts.summary.replace(/\s+/g, ' ').trim()}`;
}
