import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kvBytesPerToken, kvCache } from '../core/kvCache';
import { countParams } from '../core/params';
import { ConfigError, parseHfConfig } from './hfConfig';
import type { JsonObject } from './hfFields';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

const text = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const fixture = (name: string) => JSON.parse(text(name)) as JsonObject;
const parse = (name: string) => parseHfConfig(text(name));
const windows = (name: string) => parse(name).spec.layers.map((l) => l.window);

function configError(input: unknown): ConfigError {
  try {
    parseHfConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('trap 1: head_dim is read when present, not derived as hidden / heads', () => {
  it('Qwen3-0.6B: head_dim 128 (not 1024 / 16 = 64) → 4.375 GiB at 40,960 tokens (unsloth PR #4757)', () => {
    const { spec } = parse('qwen3-0.6b');
    expect(spec.attention?.headDim).toBe(128);
    expect(kvCache(spec, { tokens: 40_960 }).bytes / GiB).toBe(4.375);
  });

  it('Gemma-3-1B: head_dim 256 (not 1152 / 4 = 288)', () =>
    expect(parse('gemma-3-1b').spec.attention?.headDim).toBe(256));
  it('Gemma-2-9B: head_dim 256 (not 3584 / 16 = 224)', () =>
    expect(parse('gemma-2-9b').spec.attention?.headDim).toBe(256));

  it('without head_dim, hidden / heads is used and must divide evenly', () => {
    expect(parseHfConfig({ ...fixture('mistral-7b-v0.1'), head_dim: null }).spec.attention?.headDim).toBe(128);
    expect(
      configError({ ...fixture('mistral-7b-v0.1'), num_attention_heads: 30, num_key_value_heads: 10 }).message,
    ).toBe('head_dim is missing and hidden_size 4096 is not divisible by num_attention_heads 30');
  });
});

describe('trap 2: DeepSeek HF configs carry num_key_value_heads 128 and head_dim 64, but the cache is the MLA latent', () => {
  const { spec, notes } = parse('deepseek-v3');

  it('detects MLA from kv_lora_rank and caches 512 + 64 elements per layer: 70,272 B/token in bf16', () => {
    expect(spec.attention).toBeNull();
    expect(spec.mla).toMatchObject({ kvLoraRank: 512, qkRopeHeadDim: 64 });
    expect(kvBytesPerToken(spec)).toBe(70_272);
    expect(notes.join(' ')).toMatch(/num_key_value_heads and head_dim are ignored/);
  });

  it('DeepSeek-V3(.1) at 163,840 tokens is 10.723 GiB (unsloth), not the 28× larger GQA misreading', () => {
    expect(kvCache(spec, { tokens: 163_840 }).bytes).toBe(11_513_364_480);
    expect(61 * 2 * 128 * 64 * 2).toBe(1_998_848);
  });

  it('q8_0 latent cache at 32,768 tokens is 1166.62 MiB (ik_llama.cpp log "KV self size = 1166.62 MiB")', () => {
    const bytes = kvCache(spec, { tokens: 32_768, dtype: 'q8_0' }).bytes;
    expect(bytes).toBe(1_223_294_976);
    expect(bytes / MiB).toBe(1166.625);
  });

  it('parameters: 671,026,419,200 total, 37,552,297,472 active (router bias of noaux_tc counted, MTP not)', () => {
    const c = countParams(spec);
    expect([c.total, c.active, c.activeExclInputEmbedding]).toEqual([671_026_419_200, 37_552_297_472, 36_625_618_432]);
  });
});

describe('trap 3: Falcon — multi_query true means one KV head whatever num_kv_heads says', () => {
  it('Falcon-7B with num_kv_heads 71 and multi_query true has 1 KV head: 16 MiB at 2,048 tokens', () => {
    const { spec, notes } = parse('falcon-7b-kv71');
    expect(spec.attention).toMatchObject({ heads: 71, kvHeads: 1, headDim: 64 });
    expect(kvCache(spec, { tokens: 2048 }).bytes).toBe(16 * MiB);
    expect(notes.join(' ')).toMatch(/multi_query is true: 1 KV head, not num_kv_heads 71/);
    expect(countParams(spec).total).toBe(6_921_720_704);
  });

  it('new_decoder_architecture true or multi_query false uses num_kv_heads', () => {
    const base = fixture('falcon-7b-kv71');
    const falcon40b = {
      ...base,
      hidden_size: 8192,
      num_attention_heads: 128,
      num_kv_heads: 8,
      new_decoder_architecture: true,
    };
    expect(parseHfConfig(falcon40b).spec.attention?.kvHeads).toBe(8);
    expect(parseHfConfig({ ...base, multi_query: false }).spec.attention?.kvHeads).toBe(71);
  });
});

describe('trap 4: sliding windows per layer', () => {
  it('Mistral-7B-v0.1: window 4096 on every layer → 0.5 GiB at 32,768 tokens instead of 4 GiB (8×)', () => {
    expect(windows('mistral-7b-v0.1').every((w) => w === 4096)).toBe(true);
    expect(kvCache(parse('mistral-7b-v0.1').spec, { tokens: 32_768 }).bytes).toBe(0.5 * GiB);
  });

  it('Gemma 2 alternates, starting local at layer 0 → 2,113,929,216 B at 8,192 tokens', () => {
    expect(windows('gemma-2-9b').slice(0, 4)).toEqual([4096, null, 4096, null]);
    expect(kvCache(parse('gemma-2-9b').spec, { tokens: 8192 }).bytes).toBe(2_113_929_216);
  });

  it('Gemma 3 uses sliding_window_pattern 6: Gemma-3-1B has 4 global + 22 local layers, 139 MiB at 32,768 (mlxcel)', () => {
    const w = windows('gemma-3-1b');
    expect(w.flatMap((x, i) => (x === null ? [i] : []))).toEqual([5, 11, 17, 23]);
    expect(kvCache(parse('gemma-3-1b').spec, { tokens: 32_768 }).bytes).toBe(139 * MiB);
  });

  it('a Gemma 3 config with neither sliding_window_pattern nor layer_types gets the 5:1 default, with a note', () => {
    const { sliding_window_pattern: _p, ...rest } = fixture('gemma-3-1b');
    const { spec, notes } = parseHfConfig(rest);
    expect(spec.layers.filter((l) => l.window === null)).toHaveLength(4);
    expect(notes.join(' ')).toMatch(/pattern 6\) assumed/);
  });

  it('gpt-oss layer_types: 18 sliding (128) + 18 full → 4,836,556,800 B at 131,072 tokens', () => {
    expect(windows('gpt-oss-120b').filter((x) => x === 128)).toHaveLength(18);
    expect(kvCache(parse('gpt-oss-120b').spec, { tokens: 131_072 }).bytes).toBe(4_836_556_800);
  });

  it('Qwen2.5 carries sliding_window 131072 with use_sliding_window false: no window applies', () => {
    const { spec, notes } = parse('qwen2.5-7b');
    expect(spec.layers.every((l) => l.window === null)).toBe(true);
    expect(notes.join(' ')).toMatch(/use_sliding_window is false/);
    expect(kvCache(spec, { tokens: 32_768 }).bytes).toBe(1_879_048_192);
  });

  it('Qwen max_window_layers: with use_sliding_window true, layers from that index on slide', () => {
    const config = { ...fixture('qwen2.5-7b'), use_sliding_window: true, sliding_window: 4096, max_window_layers: 20 };
    expect(parseHfConfig(config).spec.layers.map((l) => l.window)).toEqual([
      ...Array(20).fill(null),
      ...Array(8).fill(4096),
    ]);
  });

  it('sliding_window null means full attention (Mixtral)', () => {
    expect(windows('mixtral-8x7b').every((w) => w === null)).toBe(true);
  });
});

describe('GPT-2 names, multimodal text_config, hybrids and SSM configs', () => {
  it('GPT-2 (n_layer, n_head, n_embd, n_positions): 124,439,808 parameters, 36 MiB of fp16 KV at 1,024 tokens', () => {
    const { spec } = parse('gpt2');
    expect(countParams(spec).total).toBe(124_439_808);
    expect(spec.learnedPositions).toBe(1024);
    expect(kvCache(spec, { tokens: 1024, dtype: 'fp16' }).bytes).toBe(37_748_736);
  });

  it('Gemma-3-27B-it reads text_config and fills the gemma3_text class defaults it omits', () => {
    const { spec, notes } = parse('gemma-3-27b-it');
    expect(notes.join(' ')).toMatch(
      /text_config omits vocab_size, max_position_embeddings, sliding_window_pattern, tie_word_embeddings/,
    );
    expect(kvCache(spec, { tokens: 131_072 }).bytes).toBe(11_173_625_856);
    expect(countParams(spec).nonEmbedding).toBe(25_599_716_096);
    expect(spec.vocabSize).toBe(262_208);
  });

  it('Jamba-v0.1 (attn_layer_period 8, offset 4): 4 GiB of KV at 256K plus 8.75 MiB of fp16 Mamba state', () => {
    const { spec } = parse('jamba-v0.1');
    expect(spec.layers.flatMap((l, i) => (l.mixer === 'attention' ? [i] : []))).toEqual([4, 12, 20, 28]);
    const r = kvCache(spec, { tokens: 262_144, stateDtype: 'fp16', convLayout: 'd_conv' });
    expect([r.kvBytes, r.stateBytes]).toEqual([4 * GiB, 8.75 * MiB]);
    const c = countParams(spec);
    expect([c.total, c.active]).toEqual([51_570_323_328, 12_110_311_296]);
  });

  it('layers_block_type gives the same Jamba layout', () => {
    const blocks = Array.from({ length: 32 }, (_, i) => (i % 8 === 4 ? 'attention' : 'mamba'));
    const { attn_layer_period: _p, attn_layer_offset: _o, ...rest } = fixture('jamba-v0.1');
    expect(parseHfConfig({ ...rest, layers_block_type: blocks }).spec.layers).toEqual(parse('jamba-v0.1').spec.layers);
  });

  it('Falcon-Mamba-7B: d_inner is intermediate_size 8192 although expand says 16; 38.0 MiB of fp32 state', () => {
    const { spec, notes } = parse('falcon-mamba-7b');
    expect(spec.ssm?.dInner).toBe(8192);
    expect(notes.join(' ')).toMatch(/expand 16 × hidden_size 4096 = 65536 disagrees/);
    expect(kvCache(spec, { tokens: 1 }).stateBytes).toBe(39_845_888);
  });

  it("Codestral-Mamba (Mamba-2) reads Python's bare Infinity and keeps 263.5 MiB of fp32 state", () => {
    const raw = text('codestral-mamba-7b').replace(
      '"time_step_limit": [0.0, null]',
      '"time_step_limit": [0.0, Infinity]',
    );
    expect(() => JSON.parse(raw)).toThrow();
    const { spec } = parseHfConfig(raw);
    expect(spec.ssm).toMatchObject({ version: 2, nHeads: 128, headDim: 64, nGroups: 8, dState: 128 });
    expect(kvCache(spec, { tokens: 1 }).stateBytes).toBe(276_299_776);
    expect(countParams(spec).total).toBe(7_285_403_648);
  });

  it("mamba_ssm's native config (d_model, n_layer, ssm_cfg {}) is Mamba-2.8B: 2,768,345,600 parameters, 12.5 MiB fp16 state", () => {
    const { spec, notes } = parse('mamba-2.8b-mamba-ssm');
    expect(spec.vocabSize).toBe(50_280);
    expect(notes.join(' ')).toMatch(/d_state is absent: 16 assumed \(mamba_ssm default\)/);
    expect(countParams(spec).total).toBe(2_768_345_600);
    expect(kvCache(spec, { tokens: 1, stateDtype: 'fp16', convLayout: 'd_conv' }).stateBytes).toBe(12.5 * MiB);
  });

  it('Mixtral: all 32 layers are MoE, 46.7B / 12.9B; llama.cpp logs 64 MiB of f16 KV at n_ctx 512', () => {
    const { spec } = parse('mixtral-8x7b');
    expect([countParams(spec).total, countParams(spec).active]).toEqual([46_702_792_704, 12_879_925_248]);
    expect(kvCache(spec, { tokens: 512, dtype: 'fp16' }).bytes).toBe(64 * MiB);
  });

  it('Qwen2 QKV biases are implied: Qwen2.5-7B is 7,615,616,512 parameters', () => {
    expect(countParams(parse('qwen2.5-7b').spec).total).toBe(7_615_616_512);
  });

  it('gpt-oss: attention biases, sinks and expert biases → 116,829,156,672 total, 5,132,849,472 active without input embedding', () => {
    const c = countParams(parse('gpt-oss-120b').spec);
    expect([c.total, c.activeExclInputEmbedding]).toEqual([116_829_156_672, 5_132_849_472]);
  });
});

describe('bad configs give a ConfigError naming the field', () => {
  const llama = fixture('mistral-7b-v0.1');
  it.each([
    ['{"num_hidden_layers": 32,', 'config', /^config is not valid JSON/],
    ['[]', 'config', /^config must be a JSON object/],
    ['null', 'config', /^config must be a JSON object/],
    [
      { ...llama, num_attention_heads: undefined },
      'num_attention_heads',
      /^num_attention_heads \(or n_head\) is missing \(a positive integer up to 100,000\)$/,
    ],
    [
      { ...llama, num_hidden_layers: 0 },
      'num_hidden_layers',
      /num_hidden_layers must be a positive integer up to 10,000, got 0/,
    ],
    [{ ...llama, num_hidden_layers: -4 }, 'num_hidden_layers', /got -4/],
    [{ ...llama, num_hidden_layers: 32.5 }, 'num_hidden_layers', /got 32.5/],
    [{ ...llama, num_hidden_layers: '32' }, 'num_hidden_layers', /got "32"/],
    [
      { ...llama, hidden_size: 1e12 },
      'hidden_size',
      /hidden_size must be a positive integer up to 1,000,000, got 1000000000000/,
    ],
    [{ ...llama, vocab_size: 1e300 }, 'vocab_size', /vocab_size must be/],
    [
      { ...llama, num_key_value_heads: 5 },
      'num_key_value_heads',
      /num_attention_heads 32 must be a multiple of num_key_value_heads, got 5/,
    ],
    [{ ...fixture('mixtral-8x7b'), num_experts_per_tok: 9 }, 'num_experts_per_tok', /up to 8, got 9/],
    [{ ...llama, layer_types: ['full_attention'] }, 'layer_types', /lists 1 layers but num_hidden_layers is 32/],
    [
      { ...llama, sliding_window: null, layer_types: Array(32).fill('sliding_attention') },
      'sliding_window',
      /marks 32 layers sliding_attention/,
    ],
    [
      { ...fixture('codestral-mamba-7b'), num_heads: 100 },
      'num_heads',
      /num_heads 100 × head_dim 64 must equal d_inner/,
    ],
    [{ ...llama, tie_word_embeddings: 'yes' }, 'tie_word_embeddings', /must be true or false, got "yes"/],
    [{ model_type: 'gemma3', text_config: 7 }, 'text_config', /text_config must be an object, got 7/],
    [
      { model_type: 'llava', text_config: { model_type: 'llama', num_hidden_layers: 0 } },
      'text_config.num_hidden_layers',
      /^text_config.num_hidden_layers must be/,
    ],
  ])('%j → %s', (input, field, message) => {
    const error = configError(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
