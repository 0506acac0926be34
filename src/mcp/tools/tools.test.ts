import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { nodeAtlasSource } from '../nodeSource';
import { attentionMask } from './attentionMask';
import { compareArchitectures } from './compareArchitectures';
import { countParameters } from './countParameters';
import { callTool, type AtlasTool } from './define';
import { estimateKvCache } from './estimateKvCache';
import { getEntry } from './getEntry';
import { TOOLS } from './index';
import { listModels } from './listModels';
import { searchAtlas } from './searchAtlas';

const source = nodeAtlasSource();

/** Validates like the SDK does, then runs the tool. */
function call(tool: AtlasTool, args: unknown): CallToolResult {
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) {
    return {
      isError: true,
      content: [{ type: 'text', text: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(', ') }],
    };
  }
  const result = callTool(tool, parsed.data, source);
  // Output schemas are closed (additionalProperties: false) for clients: nothing may be stripped.
  if (!result.isError) expect(tool.output.parse(result.structuredContent)).toEqual(result.structuredContent);
  return result;
}

const data = (r: CallToolResult) => r.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const text = (r: CallToolResult) => (r.content[0] as { text: string }).text;

describe('tool definitions', () => {
  it('are kebab-case verb-noun names in a fixed order', () => {
    expect(TOOLS.map((t) => t.name)).toEqual([
      'search-atlas',
      'get-entry',
      'estimate-kv-cache',
      'count-parameters',
      'attention-mask',
      'compare-architectures',
      'list-models',
    ]);
  });

  it('describe every input and output field', () => {
    const undescribed: string[] = [];
    const walk = (schema: unknown, path: string) => {
      const json = schema as { properties?: Record<string, { description?: string }> };
      for (const [key, value] of Object.entries(json.properties ?? {})) {
        if (!value.description) undescribed.push(`${path}.${key}`);
      }
    };
    for (const tool of TOOLS) {
      walk(tool.input.toJSONSchema(), `${tool.name}.input`);
      walk(tool.output.toJSONSchema(), `${tool.name}.output`);
    }
    expect(undescribed).toEqual([]);
  });
});

describe('search-atlas', () => {
  it('search-atlas("grouped query") ranks GQA first, like the header search', () => {
    const r = call(searchAtlas, { query: 'grouped query' });
    expect(data(r).results[0]).toMatchObject({
      rank: 1,
      slug: 'grouped-query-attention',
      title: 'Grouped Query Attention (GQA)',
      uri: 'atlas://entries/grouped-query-attention',
    });
    expect(data(r).results).toHaveLength(5);
    expect(data(r).results[0].snippet).toMatch(/[Gg]rouped query/);
  });

  it('search-atlas honours k and finds an acronym', () => {
    expect(data(call(searchAtlas, { query: 'MLA', k: 1 })).results.map((h: { slug: string }) => h.slug)).toEqual([
      'multi-head-latent-attention',
    ]);
  });

  it('search-atlas with no match returns an empty list and says so', () => {
    const r = call(searchAtlas, { query: 'zzqx' });
    expect(data(r).results).toEqual([]);
    expect(text(r)).toContain('No atlas entry matches "zzqx"');
  });

  it.each([
    [{ query: '' }, 'query: must not be empty'],
    [{ query: 'x', k: 0 }, 'k: must be an integer from 1 to 20, got 0'],
    [{ query: 'x', k: 21 }, 'k: must be an integer from 1 to 20, got 21'],
    [{ query: 42 }, 'query: must be a string'],
  ])('search-atlas(%j) is an error naming the field', (args, message) => {
    expect(text(call(searchAtlas, args))).toContain(message);
  });
});

describe('get-entry', () => {
  it('get-entry("rope") returns the facts as JSON and the body as Markdown', () => {
    const r = call(getEntry, { slug: 'rope' });
    expect(data(r)).toMatchObject({
      slug: 'rope',
      title: 'Rotary Position Embedding (RoPE)',
      uri: 'atlas://entries/rope',
      path: '/architectures/rope/',
      facts: { slug: 'rope', acronym: 'RoPE', kind: 'Position Encoding' },
    });
    expect(data(r).markdown).toContain('## ');
    expect(data(r).markdown).not.toMatch(/^import /m);
    expect(text(r)).toMatch(/^# Rotary Position Embedding \(RoPE\)/);
  });

  it('get-entry of an unknown slug names the field and suggests close slugs', () => {
    const r = call(getEntry, { slug: 'ropes' });
    expect(r.isError).toBe(true);
    expect(text(r)).toBe('slug: "ropes" is not an atlas entry; try rope (search-atlas finds slugs)');
  });

  it('get-entry refuses a slug that is not kebab-case', () => {
    expect(text(call(getEntry, { slug: '../etc/passwd' }))).toContain('slug: must be an entry slug');
  });
});

describe('estimate-kv-cache', () => {
  it('estimate-kv-cache(llama-3.1-8b, 131072 tokens, bf16) is 17179869184 bytes (16 GiB)', () => {
    const r = call(estimateKvCache, { model: 'llama-3.1-8b', tokens: 131072 });
    expect(data(r)).toMatchObject({
      bytes: 17179869184,
      kvBytes: 17179869184,
      stateBytes: 0,
      dtype: 'bf16',
      batch: 1,
      readable: { bytes: '16 GiB' },
    });
    expect(data(r).formula).toBe(
      '32 full-attention layers × 131,072 tokens × 2·8·128 × 2 B = 17,179,869,184 B (16 GiB)',
    );
    expect(data(r).model.sources.length).toBeGreaterThan(0);
  });

  it('estimate-kv-cache(gemma-3-27b, 131072) caps the 52 local layers at 1,024 tokens: 11173625856 bytes', () => {
    const r = call(estimateKvCache, { model: 'gemma-3-27b', tokens: 131072 });
    expect(data(r).bytes).toBe(11173625856);
    expect(data(r).breakdown.map((b: { type: string; layers: number }) => [b.type, b.layers])).toEqual([
      ['full-attention', 10],
      ['sliding-attention', 52],
    ]);
  });

  it('estimate-kv-cache(llama-3.1-8b, 32768, q4_0) is 1.125 GiB (Ollama PR #6276)', () => {
    expect(data(call(estimateKvCache, { model: 'llama-3.1-8b', tokens: 32768, dtype: 'q4_0' })).bytes).toBe(1207959552);
  });

  it('estimate-kv-cache(deepseek-v3, 163840) caches the MLA latent: 11513364480 bytes', () => {
    expect(data(call(estimateKvCache, { model: 'deepseek-v3', tokens: 163840 })).bytes).toBe(11513364480);
  });

  it('estimate-kv-cache multiplies by the batch: llama-2-7b at 4096 × 4 is 8 GiB', () => {
    expect(data(call(estimateKvCache, { model: 'llama-2-7b', tokens: 4096, batch: 4 })).bytes).toBe(8589934592);
  });

  it('estimate-kv-cache reads a Hugging Face config.json (Mistral-7B window 4096 at 32768: 0.5 GiB)', () => {
    const config = {
      model_type: 'mistral',
      num_hidden_layers: 32,
      hidden_size: 4096,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      intermediate_size: 14336,
      vocab_size: 32000,
      sliding_window: 4096,
    };
    const r = call(estimateKvCache, { config, tokens: 32768 });
    expect(data(r).bytes).toBe(536870912);
    expect(data(r).model).toMatchObject({ id: null, source: 'config' });
    expect(data(call(estimateKvCache, { config: JSON.stringify(config), tokens: 32768 })).bytes).toBe(536870912);
  });

  it.each([
    [{ tokens: 1 }, 'model: give exactly one of model (a preset id, see list-models) or config'],
    [{ model: 'llama-3.1-8b', config: {}, tokens: 1 }, 'config: give exactly one of model'],
    [{ model: 'gpt-5', tokens: 1 }, 'model: must be one of llama-2-7b,'],
    [{ model: 'llama-3.1-8b', tokens: 0 }, 'tokens: must be an integer from 1 to 10,000,000, got 0'],
    [{ model: 'llama-3.1-8b', tokens: 1e308 }, 'tokens: must be an integer from 1 to 10,000,000'],
    [{ model: 'llama-3.1-8b', tokens: 1.5 }, 'tokens: must be an integer from 1 to 10,000,000, got 1.5'],
    [{ model: 'llama-3.1-8b', tokens: '4096' }, 'tokens: must be an integer from 1 to 10,000,000, got "4096"'],
    [{ model: 'llama-3.1-8b', tokens: 1, batch: 0 }, 'batch: must be an integer from 1 to 1,000,000, got 0'],
    [{ model: 'llama-3.1-8b', tokens: 1, dtype: 'fp64' }, 'dtype: must be one of fp32, fp16, bf16,'],
    [{ config: { num_hidden_layers: 2 }, tokens: 1 }, 'config.hidden_size (or n_embd, d_model, n_embed) is missing'],
    [{ config: '{not json', tokens: 1 }, 'config is not valid JSON'],
    [{ model: 'llama-3.1-405b', tokens: 10_000_000, batch: 1_000_000 }, 'batch: the cache would be'],
  ])('estimate-kv-cache(%j) is an error naming the field', (args, message) => {
    const r = call(estimateKvCache, args);
    expect(r.isError).toBe(true);
    expect(text(r)).toContain(message);
  });

  it('estimate-kv-cache never throws and never returns NaN for any preset, tokens, batch and dtype', () => {
    const ids = (data(call(listModels, {})).models as { id: string }[]).map((m) => m.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.integer({ min: -5, max: 20_000_000 }),
        fc.integer({ min: -5, max: 2_000_000 }),
        fc.constantFrom('bf16', 'fp32', 'q4_0', 'int4', 'fp64'),
        (model, tokens, batch, dtype) => {
          const r = call(estimateKvCache, { model, tokens, batch, dtype });
          expect(JSON.stringify(r)).not.toContain('NaN');
          if (!r.isError) expect(Number.isSafeInteger(data(r).bytes)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('count-parameters', () => {
  it('count-parameters(mixtral-8x7b) is 46702792704 total, 12879925248 active', () => {
    const r = call(countParameters, { model: 'mixtral-8x7b' });
    expect(data(r)).toMatchObject({
      total: 46702792704,
      active: 12879925248,
      readable: { total: '46.7B', active: '12.9B' },
      official: { total: '47B (46.7B)' },
    });
  });

  it('count-parameters(llama-3.1-8b) is 8030261248 and dense (active = total)', () => {
    const r = call(countParameters, { model: 'llama-3.1-8b' });
    expect(data(r).total).toBe(8030261248);
    expect(data(r).active).toBe(8030261248);
  });

  it('count-parameters of a GPT-2 config is 124439808', () => {
    const r = call(countParameters, {
      config: { model_type: 'gpt2', n_layer: 12, n_embd: 768, n_head: 12, vocab_size: 50257, n_positions: 1024 },
    });
    expect(data(r).total).toBe(124439808);
    expect(data(r).official).toBeNull();
  });

  it('count-parameters without a model names the field', () => {
    expect(text(call(countParameters, {}))).toContain('model: give exactly one of model');
  });
});

describe('attention-mask', () => {
  it('attention-mask(sliding, causal, W 5, n 16, token 9) reads tokens 5–9 and 70 pairs', () => {
    const r = call(attentionMask, { pattern: 'sliding', n: 16, token: 9, window: 5 });
    expect(data(r)).toMatchObject({
      sentence: 'Token 9 can attend to tokens 5–9',
      ranges: [[5, 9]],
      count: 5,
      pairs: 70,
      fraction: 70 / 256,
      direction: 'causal',
      cost: { perToken: 'O(W)', total: 'O(n·W)' },
    });
    expect(data(r).citation.arxiv).toBe('2004.05150');
  });

  it('attention-mask(local-global, bidirectional) merges the window and the global tokens', () => {
    const r = call(attentionMask, {
      pattern: 'local-global',
      direction: 'bidirectional',
      n: 16,
      token: 9,
      window: 3,
      global: [1, 16, 1],
    });
    expect(data(r).ranges).toEqual([
      [1, 1],
      [8, 10],
      [16, 16],
    ]);
    expect(data(r).params.global).toEqual([1, 16]);
  });

  it('attention-mask clamps unset defaults to n (window 5 at n = 3 becomes 3)', () => {
    expect(data(call(attentionMask, { pattern: 'sliding', n: 3, token: 3 })).params.window).toBe(3);
  });

  it.each([
    [{ pattern: 'sliding', n: 16, token: 17 }, 'token: must be an integer from 1 to 16 (n = 16), got 17'],
    [{ pattern: 'sliding', n: 16, token: 1, window: 40 }, 'window: must be an integer from 1 to 16 (n = 16), got 40'],
    [{ pattern: 'local-global', n: 8, token: 1, global: [9] }, 'global: positions must be integers from 1 to 8'],
    [{ pattern: 'sliding', n: 2000, token: 1 }, 'n: must be an integer from 1 to 1,024, got 2000'],
    [{ pattern: 'spiral', n: 16, token: 1 }, 'pattern: must be one of full, causal, sliding,'],
    [{ pattern: 'causal', n: 16 }, 'token: must be an integer from 1 to 1,024, got nothing'],
    [{ pattern: 'prefix-lm', n: 16, token: 1, prefix: -1 }, 'prefix: must be an integer from 0 to 1,024, got -1'],
  ])('attention-mask(%j) is an error naming the field and range', (args, message) => {
    const r = call(attentionMask, args);
    expect(r.isError).toBe(true);
    expect(text(r)).toContain(message);
  });
});

describe('compare-architectures', () => {
  it('compare-architectures(MHA, GQA, MQA) puts their KV per token side by side', () => {
    const r = call(compareArchitectures, {
      slugs: ['multi-head-attention', 'grouped-query-attention', 'multi-query-attention'],
    });
    const kv = data(r).entries.map((e: { kv: { bytesPerToken: number } }) => e.kv.bytesPerToken);
    expect(kv).toEqual([524288, 131072, 8192]);
    expect(data(r).table.columns).toEqual([
      'Multi-Head Attention (MHA)',
      'Grouped Query Attention (GQA)',
      'Multi-Query Attention (MQA)',
    ]);
    expect(text(r)).toMatch(/^\| \| Multi-Head Attention \(MHA\) \|/);
  });

  it('compare-architectures caps the sliding window at 32K tokens (Mistral 7B: 0.5 GiB instead of 4 GiB)', () => {
    const r = call(compareArchitectures, { slugs: ['sliding-window-attention', 'rope'] });
    expect(data(r).entries[0].kv.cacheAt32k).toBe(536870912);
    expect(data(r).entries[1].kv).toBeNull();
  });

  it.each([
    [{ slugs: ['rope'] }, 'slugs: must list at least 2 entry slugs'],
    [{ slugs: ['rope', 'rag', 'mcp', 'alibi', 'kv-cache', 'tokenization', 'rope'] }, 'slugs: must list at most 6'],
    [{ slugs: ['rope', 'rope'] }, 'slugs: "rope" is listed twice'],
    [{ slugs: ['rope', 'gqa'] }, 'slugs.1: "gqa" is not an atlas entry'],
  ])('compare-architectures(%j) is an error naming the field', (args, message) => {
    const r = call(compareArchitectures, args);
    expect(r.isError).toBe(true);
    expect(text(r)).toContain(message);
  });
});

describe('list-models', () => {
  it('list-models lists the 19 presets with their sources', () => {
    const models = data(call(listModels, {})).models as { id: string; sources: string[]; uri: string }[];
    expect(models).toHaveLength(19);
    expect(models[2]).toMatchObject({ id: 'llama-3.1-8b', uri: 'atlas://models/llama-3.1-8b' });
    expect(models.every((m) => m.sources.length > 0)).toBe(true);
  });
});
