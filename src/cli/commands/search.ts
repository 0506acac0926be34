import { atlasRagIndex } from '../../rag/node';
import { retrieve } from '../../rag/retrieve';
import { intFlag, parseFlags, printJson, UsageError } from '../args';
import type { Command } from '../command';

const USAGE = [
  'ai-arch search "<query>" [--k 5] [--json]',
  '',
  '  --k     how many chunks, 1–50 (default 5)',
  '  --json  [{"slug", "chunkId", "heading", "score", "lexicalRank", "denseRank", "url"}, …]',
].join('\n');

export const search: Command = {
  name: 'search',
  summary: 'Search the atlas: ranked chunks from lexical (BM25) and LSA retrieval, fused',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { k: { type: 'string' }, json: { type: 'boolean' } }, true);
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('a query is required, e.g. ai-arch search "grouped query attention"');
    const k = intFlag('k', values.k, 1, 50, 5);
    const result = retrieve(atlasRagIndex(), query, { k });
    const rows = result.hits.map((h) => ({
      slug: h.slug,
      chunkId: h.id,
      heading: h.heading,
      score: Number(h.score.toFixed(6)),
      lexicalRank: h.lexical?.rank ?? null,
      denseRank: h.dense?.rank ?? null,
      url: h.url,
    }));
    if (values.json) {
      printJson(rows);
      return 0;
    }
    if (result.notFound) process.stdout.write(`The atlas does not seem to cover “${query}”; closest chunks:\n`);
    if (rows.length === 0) {
      process.stdout.write('No chunks match.\n');
      return 0;
    }
    const width = Math.max(...rows.map((r) => r.chunkId.length));
    rows.forEach((r, i) => {
      const ranks = `lexical ${r.lexicalRank ?? '–'}, dense ${r.denseRank ?? '–'}`;
      process.stdout.write(
        `${String(i + 1).padStart(2)}. ${r.chunkId.padEnd(width)}  ${r.score.toFixed(4)}  (${ranks})  ${r.heading}\n`,
      );
    });
    return 0;
  },
};
