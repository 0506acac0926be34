/**
 * `compare-architectures`: 2–6 entries side by side (kind, section, complexity, characteristics) and, where the entry
 * is a design a real model embodies, the KV cache of a representative preset computed by src/core/kvCache.ts.
 */
import * as z from 'zod/v4';
import { sectionById } from '../../atlas/sections';
import { InputError } from '../../core/modelSpec';
import { kvBytesPerToken, kvCache } from '../../core/kvCache';
import { formatBytes } from '../../core/units';
import { getPreset, presetSpec } from '../../models/presets';
import { defineTool } from './define';
import { requireEntry, slugField } from './slugs';
import { entryUri } from './uris';

/** The context length of the `cacheAt32k` column. */
export const REFERENCE_TOKENS = 32_768;

/** A real model that embodies each design (its preset's published config), for the KV columns. */
export const EXEMPLARS: Readonly<Record<string, string>> = {
  'dense-transformer': 'llama-3.1-8b',
  'mixture-of-experts': 'mixtral-8x7b',
  'state-space-models': 'mamba-2.8b',
  'hybrid-ssm-attention': 'jamba-v0.1',
  'multi-head-attention': 'llama-2-7b',
  'multi-query-attention': 'falcon-7b',
  'grouped-query-attention': 'llama-3.1-8b',
  'multi-head-latent-attention': 'deepseek-v3',
  'sliding-window-attention': 'mistral-7b-v0.1',
};

const kv = z
  .object({
    exemplar: z.object({ id: z.string(), name: z.string() }).describe('The preset the figures are computed for.'),
    bytesPerToken: z.number().int().describe('KV bytes per token, bf16, every attention layer at full context.'),
    cacheAt32k: z
      .number()
      .int()
      .describe(`Exact KV + SSM-state bytes for one sequence of ${REFERENCE_TOKENS} tokens, bf16, windows capped.`),
    readable: z
      .object({ bytesPerToken: z.string(), cacheAt32k: z.string() })
      .describe('The same figures in binary units.'),
  })
  .nullable()
  .describe('KV figures of a representative model; null where the entry is not a model design (e.g. RoPE, RAG).');

const row = z.object({
  slug: z.string().describe('Entry slug.'),
  title: z.string().describe('Display title.'),
  kind: z.string().describe('Kind label.'),
  section: z.string().describe('Section title.'),
  summary: z.string().describe('One or two sentences.'),
  complexity: z.object({ time: z.string(), memory: z.string() }).describe('Asymptotic time and memory.'),
  characteristics: z.array(z.string()).describe('The four key characteristics.'),
  kv,
  uri: z.string().describe('The entry as an MCP resource.'),
});

const output = z.object({
  entries: z.array(row).describe('One object per requested entry, in the order given.'),
  table: z
    .object({
      columns: z.array(z.string()).describe('Entry titles, in the order given.'),
      rows: z
        .array(
          z.object({ fact: z.string().describe('Row label.'), values: z.array(z.string()).describe('Per column.') }),
        )
        .describe('One row per fact.'),
    })
    .describe('The same facts as a side-by-side table.'),
});

const kvCacheByPreset = new Map<string, z.infer<typeof kv>>();

function kvFigures(slug: string): z.infer<typeof kv> {
  const id = EXEMPLARS[slug];
  const preset = id === undefined ? undefined : getPreset(id);
  if (!id || !preset) return null;
  let figures = kvCacheByPreset.get(id);
  if (!figures) {
    const spec = presetSpec(id);
    const bytesPerToken = kvBytesPerToken(spec);
    const cacheAt32k = kvCache(spec, { tokens: REFERENCE_TOKENS }).bytes;
    figures = {
      exemplar: { id, name: preset.name },
      bytesPerToken,
      cacheAt32k,
      readable: { bytesPerToken: formatBytes(bytesPerToken), cacheAt32k: formatBytes(cacheAt32k) },
    };
    kvCacheByPreset.set(id, figures);
  }
  return figures;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export const compareArchitectures = defineTool({
  name: 'compare-architectures',
  title: 'Compare architectures',
  description:
    'Two to six atlas entries side by side: kind, section, time and memory complexity, key characteristics and, for ' +
    'model designs (MHA, GQA, MQA, MLA, sliding window, MoE, SSM, hybrids), the KV cache per token and at 32K tokens ' +
    'of a representative published model.',
  input: z.object({
    slugs: z
      .array(slugField('An entry slug.'), { error: 'must be a list of 2 to 6 entry slugs' })
      .min(2, { error: 'must list at least 2 entry slugs' })
      .max(6, { error: 'must list at most 6 entry slugs' })
      .describe('2–6 entry slugs to compare, e.g. ["multi-head-attention", "grouped-query-attention"].'),
  }),
  output,
  run({ slugs }, source) {
    const twice = slugs.find((s, i) => slugs.indexOf(s) !== i);
    if (twice) throw new InputError('slugs', `slugs: "${twice}" is listed twice; give 2–6 different entries`);
    const entries = slugs.map((slug, i) => {
      const e = requireEntry(source, slug, `slugs.${i}`);
      return {
        slug,
        title: e.title,
        kind: e.facts.kind,
        section: sectionById(e.facts.section).title,
        summary: e.facts.summary.replace(/\s+/g, ' ').trim(),
        complexity: { ...e.facts.complexity },
        characteristics: [...e.facts.characteristics],
        kv: kvFigures(slug),
        uri: entryUri(slug),
      };
    });
    const na = 'n/a';
    const rows = [
      { fact: 'Kind', values: entries.map((e) => e.kind) },
      { fact: 'Section', values: entries.map((e) => e.section) },
      { fact: 'Time', values: entries.map((e) => e.complexity.time) },
      { fact: 'Memory', values: entries.map((e) => e.complexity.memory) },
      {
        fact: 'KV per token (bf16)',
        values: entries.map((e) => (e.kv ? `${e.kv.readable.bytesPerToken} (${e.kv.exemplar.name})` : na)),
      },
      {
        fact: `KV + state at ${REFERENCE_TOKENS / 1024}K tokens`,
        values: entries.map((e) => (e.kv ? `${e.kv.readable.cacheAt32k} (${e.kv.exemplar.name})` : na)),
      },
      ...[0, 1, 2, 3].map((i) => ({
        fact: `Characteristic ${i + 1}`,
        values: entries.map((e) => e.characteristics[i] ?? ''),
      })),
    ];
    const columns = entries.map((e) => e.title);
    const text = [
      `| | ${columns.map(cell).join(' | ')} |`,
      `|---|${columns.map(() => '---').join('|')}|`,
      ...rows.map((r) => `| ${cell(r.fact)} | ${r.values.map(cell).join(' | ')} |`),
      '',
      'KV figures are computed from the named model’s published config (bf16; windows capped at W).',
    ].join('\n');
    return { structured: { entries, table: { columns, rows } }, text };
  },
});
