/** `list-models`: the model presets of src/models/presets.ts with their sources. */
import * as z from 'zod/v4';
import { formatInteger } from '../../core/units';
import { PRESETS, type Preset } from '../../models/presets';
import { defineTool } from './define';
import { modelUri } from './uris';

/** The published counts, without the dataset's extra keys (the output schema is closed). */
export function official(p: Preset): { total: string; active: string | null; source: string } {
  return { total: p.paramsOfficial.total, active: p.paramsOfficial.active ?? null, source: p.paramsOfficial.source };
}

const preset = z.object({
  id: z.string().describe('Preset id: the `model` argument of estimate-kv-cache and count-parameters.'),
  name: z.string().describe('Model name.'),
  family: z.string().describe('Model family.'),
  attention: z.string().describe('Attention design, e.g. "GQA + 5:1 local sliding / global".'),
  maxPositions: z.number().int().nullable().describe('Trained or supported context from the config, when known.'),
  paramsOfficial: z
    .object({ total: z.string(), active: z.string().nullable(), source: z.string() })
    .describe('Parameter counts as published, with where.'),
  paramsComputed: z
    .object({
      total: z.number().int(),
      active: z.number().int().nullable(),
      activeExclInputEmbedding: z.number().int().nullable(),
      nonEmbedding: z.number().int().nullable(),
    })
    .describe('Exact counts computed from the config.'),
  kvBytesPerTokenBf16: z.number().int().describe('KV bytes per token, bf16, every attention layer at full context.'),
  caveats: z.array(z.string()).describe('What to keep in mind when reading this preset’s numbers.'),
  sources: z.array(z.string()).describe('Where each number comes from (repository files at commits, papers).'),
  uri: z.string().describe('The preset as an MCP resource (JSON).'),
});

export const listModels = defineTool({
  name: 'list-models',
  title: 'List model presets',
  description:
    'The model presets (Llama, Mistral, Mixtral, Gemma, Qwen, DeepSeek, Falcon, GPT-2, Mamba, Jamba, gpt-oss) with ' +
    'their attention design, published and computed parameter counts, KV bytes per token and sources.',
  input: z.object({}),
  output: z.object({ models: z.array(preset).describe('Every preset, in dataset order.') }),
  run() {
    const models = PRESETS.map((p) => ({
      id: p.id,
      name: p.name,
      family: p.family,
      attention: p.attention,
      maxPositions: p.maxPositions,
      paramsOfficial: official(p),
      paramsComputed: {
        total: p.paramsComputed.total,
        active: p.paramsComputed.active,
        activeExclInputEmbedding: p.paramsComputed.activeExclInputEmbedding,
        nonEmbedding: p.paramsComputed.nonEmbedding,
      },
      kvBytesPerTokenBf16: p.kvBytesPerTokenBf16,
      caveats: [...p.caveats],
      sources: [...p.sources],
      uri: modelUri(p.id),
    }));
    const text = [
      `${models.length} model presets (id — name — attention — KV bytes/token in bf16):`,
      '',
      ...models.map((m) => `- ${m.id} — ${m.name} — ${m.attention} — ${formatInteger(m.kvBytesPerTokenBf16)} B/token`),
      '',
      'Pass an id as `model` to estimate-kv-cache or count-parameters; read atlas://models/{id} for sources.',
    ].join('\n');
    return { structured: { models }, text };
  },
});
