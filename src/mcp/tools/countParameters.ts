/** `count-parameters`: exact total and active parameters from src/core/params.ts for a preset or an HF config. */
import * as z from 'zod/v4';
import { countParams } from '../../core/params';
import { formatInteger } from '../../core/units';
import { getPreset } from '../../models/presets';
import { formatCount } from '../format';
import { defineTool } from './define';
import { official as publishedCounts } from './listModels';
import { modelFields, modelInfo, resolveModel } from './model';

const row = z.object({
  component: z
    .string()
    .describe('embeddings, positions, attention, mlp, experts, sharedExperts, router, ssm, norms, head.'),
  label: z.string().describe('Readable component name.'),
  total: z.number().int().describe('Parameters of this component over all layers.'),
  active: z.number().int().describe('Of those, the ones one token passes through.'),
});

const output = z.object({
  model: modelInfo,
  total: z.number().int().describe('Every stored weight, bias and norm vector.'),
  active: z.number().int().describe('Per token, including the input embedding and the head, top-k experts only.'),
  activeExclInputEmbedding: z.number().int().describe('Per token without the input embedding (gpt-oss convention).'),
  nonEmbedding: z.number().int().describe('Total minus embeddings, learned positions and untied head (Kaplan’s N).'),
  activeConvention: z.string().describe('Which convention `active` follows.'),
  readable: z
    .object({ total: z.string().describe('e.g. "8.03B".'), active: z.string().describe('e.g. "12.9B".') })
    .describe('Rounded counts.'),
  official: z
    .object({
      total: z.string().describe('As published, e.g. "47B (46.7B)".'),
      active: z.string().nullable().describe('As published, or null for dense models.'),
      source: z.string().describe('Where the official figure is stated.'),
    })
    .nullable()
    .describe('The published figures for a preset; null for a config.'),
  breakdown: z.array(row).describe('Non-zero components in a fixed order.'),
});

export const countParameters = defineTool({
  name: 'count-parameters',
  title: 'Count parameters',
  description:
    'Exact total and active parameter counts for a model preset or any Hugging Face config.json: every matrix, bias ' +
    'and norm, with MoE experts, MLA, Mamba blocks and a per-component breakdown.',
  input: z.object(modelFields),
  output,
  run({ model, config }) {
    const { spec, info } = resolveModel({ model, config });
    const p = countParams(spec);
    const preset = info.id ? getPreset(info.id) : undefined;
    const official = preset ? publishedCounts(preset) : null;
    const structured = {
      model: info,
      total: p.total,
      active: p.active,
      activeExclInputEmbedding: p.activeExclInputEmbedding,
      nonEmbedding: p.nonEmbedding,
      activeConvention: p.activeConvention,
      readable: { total: formatCount(p.total), active: formatCount(p.active) },
      official,
      breakdown: p.breakdown,
    };
    const text = [
      `${info.name}: ${formatInteger(p.total)} parameters (${formatCount(p.total)}), ` +
        `${formatInteger(p.active)} active per token (${formatCount(p.active)}).`,
      ...(official ? [`Published: ${official.total}${official.active ? ` / ${official.active} active` : ''}.`] : []),
      '',
      ...p.breakdown.map(
        (b) =>
          `- ${b.label}: ${formatInteger(b.total)}${b.active !== b.total ? ` (${formatInteger(b.active)} active)` : ''}`,
      ),
      '',
      p.activeConvention,
      ...(info.notes.length > 0 ? ['', ...info.notes.map((n) => `Config: ${n}`)] : []),
    ].join('\n');
    return { structured, text };
  },
});
