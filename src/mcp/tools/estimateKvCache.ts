/** `estimate-kv-cache`: exact KV-cache and SSM-state bytes from src/core/kvCache.ts for a preset or an HF config. */
import * as z from 'zod/v4';
import { DTYPE_NAMES } from '../../core/dtypes';
import { kvCache, MAX_BATCH, MAX_TOKENS } from '../../core/kvCache';
import { formatBytes, formatInteger } from '../../core/units';
import { choiceField, defineTool, intField } from './define';
import { modelFields, modelInfo, resolveModel } from './model';

const input = z.object({
  ...modelFields,
  tokens: intField(1, MAX_TOKENS, `Tokens cached per sequence (context length), 1–${formatInteger(MAX_TOKENS)}.`),
  batch: intField(1, MAX_BATCH, `Concurrent sequences, 1–${formatInteger(MAX_BATCH)} (default 1).`).default(1),
  dtype: choiceField(DTYPE_NAMES, 'Element type of cached keys and values (default bf16).').default('bf16'),
});

const row = z.object({
  type: z
    .enum(['full-attention', 'sliding-attention', 'mla', 'mamba1-state', 'mamba2-state'])
    .describe('The layer type of this group.'),
  label: z.string().describe('Readable label, e.g. "sliding attention (W = 4,096)".'),
  layers: z.number().int().describe('How many layers of this type.'),
  window: z.number().int().nullable().describe('Sliding window W in tokens, or null.'),
  tokensCached: z.number().int().describe('Tokens each layer caches per sequence: min(T, W) for windows, 0 for SSM.'),
  elementsPerToken: z.number().int().describe('Elements cached per token per layer: 2·KV·hd, or the MLA latent.'),
  bytesPerToken: z.number().describe('Bytes per cached token per layer per sequence.'),
  stateElementsPerLayer: z.number().int().describe('Constant SSM state elements per layer per sequence.'),
  bytes: z.number().int().describe('Exact bytes of this group over all its layers and the batch.'),
  formula: z.string().describe('This group’s term of the formula with the numbers substituted.'),
});

const output = z.object({
  model: modelInfo,
  tokens: z.number().int().describe('T: tokens cached per sequence.'),
  batch: z.number().int().describe('B: sequences.'),
  dtype: z.string().describe('K/V element type.'),
  stateDtype: z.string().describe('SSM state element type (fp32, as published SSM figures use).'),
  bytes: z.number().int().describe('Exact total bytes: kvBytes + stateBytes.'),
  kvBytes: z.number().int().describe('Attention and MLA cache bytes (grow with T).'),
  stateBytes: z.number().int().describe('SSM recurrent state bytes (constant in T).'),
  readable: z
    .object({
      bytes: z.string().describe('Total in binary units (GiB = 2^30 bytes).'),
      kvBytes: z.string().describe('KV cache in binary units.'),
      stateBytes: z.string().describe('SSM state in binary units.'),
    })
    .describe('The same totals, formatted.'),
  breakdown: z.array(row).describe('One row per layer type.'),
  formula: z.string().describe('The whole computation with numbers substituted, ending in the total.'),
  caveats: z.array(z.string()).describe('Assumptions behind the figure (window caps, MLA absorption, quantization).'),
});

export const estimateKvCache = defineTool({
  name: 'estimate-kv-cache',
  title: 'Estimate the KV cache',
  description:
    'Exact KV-cache (and SSM-state) bytes for a model preset or any Hugging Face config.json at a context length, ' +
    'batch and dtype: MHA/GQA/MQA, sliding windows, MLA latents and Mamba state, with a per-layer-type breakdown and ' +
    'the formula with numbers substituted.',
  input,
  output,
  run({ model, config, tokens, batch, dtype }) {
    const { spec, info } = resolveModel({ model, config });
    const r = kvCache(spec, { tokens, batch, dtype });
    const structured = {
      model: info,
      tokens: r.tokens,
      batch: r.batch,
      dtype: r.dtype,
      stateDtype: r.stateDtype,
      bytes: r.bytes,
      kvBytes: r.kvBytes,
      stateBytes: r.stateBytes,
      readable: {
        bytes: formatBytes(r.bytes),
        kvBytes: formatBytes(r.kvBytes),
        stateBytes: formatBytes(r.stateBytes),
      },
      breakdown: r.breakdown,
      formula: r.formula,
      caveats: r.caveats,
    };
    const rows = r.breakdown.map((b) => `- ${b.label}: ${b.layers} layers, ${formatInteger(b.bytes)} B`);
    const text = [
      `${info.name}: ${formatInteger(r.bytes)} bytes (${formatBytes(r.bytes)}) of KV cache and state for ` +
        `${formatInteger(tokens)} tokens × ${formatInteger(batch)} ${batch === 1 ? 'sequence' : 'sequences'} in ${dtype}.`,
      `KV cache ${formatBytes(r.kvBytes)}, SSM state ${formatBytes(r.stateBytes)}.`,
      '',
      ...rows,
      '',
      `Formula: ${r.formula}`,
      ...(r.caveats.length > 0 ? ['', ...r.caveats.map((c) => `Note: ${c}`)] : []),
      ...(info.notes.length > 0 ? ['', ...info.notes.map((n) => `Config: ${n}`)] : []),
    ].join('\n');
    return { structured, text };
  },
});
