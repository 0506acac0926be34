import { loadEntries } from '../../atlas/load';
import { sectionById } from '../../atlas/sections';
import { parseFlags, printJson } from '../args';
import type { Command } from '../command';

export const list: Command = {
  name: 'list',
  summary: 'List every atlas entry (slug, title, section, kind)',
  usage: 'ai-arch list [--json]',
  async run(argv) {
    const { values } = parseFlags(argv, { json: { type: 'boolean' } });
    const rows = loadEntries().map(({ facts }) => ({
      slug: facts.slug,
      title: facts.title,
      acronym: facts.acronym ?? null,
      section: sectionById(facts.section).title,
      kind: facts.kind,
    }));
    if (values.json) {
      printJson(rows);
      return 0;
    }
    const width = Math.max(...rows.map((r) => r.slug.length));
    let section = '';
    for (const row of rows) {
      if (row.section !== section) {
        section = row.section;
        process.stdout.write(`\n${section}\n`);
      }
      const title = row.acronym ? `${row.title} (${row.acronym})` : row.title;
      process.stdout.write(`  ${row.slug.padEnd(width)}  ${title} · ${row.kind}\n`);
    }
    return 0;
  },
};
