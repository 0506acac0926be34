import { describe, expect, it } from 'vitest';
import { kvBytesPerToken, kvCache, type KvCacheOptions } from '../core/kvCache';
import { parseHfConfig } from './hfConfig';
import { presetHfConfig, presetSpec } from './presets';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const kv = (id: string, tokens: number, options: Omit<KvCacheOptions, 'tokens'> = {}) =>
  kvCache(presetSpec(id), { tokens, ...options });

describe('KV bytes per token, bf16, all layers at full context (dataset column)', () => {
  it.each([
    ['llama-2-7b', 524_288],
    ['llama-2-70b', 327_680],
    ['llama-3.1-8b', 131_072],
    ['llama-3.1-70b', 327_680],
    ['llama-3.1-405b', 516_096],
    ['mistral-7b-v0.1', 131_072],
    ['mixtral-8x7b', 131_072],
    ['gemma-2-9b', 344_064],
    ['gemma-3-27b', 507_904],
    ['qwen2.5-7b', 57_344],
    ['qwen3-235b-a22b', 192_512],
    ['qwen3-30b-a3b', 98_304],
    ['deepseek-v2', 69_120],
    ['deepseek-v3', 70_272],
    ['falcon-7b', 8192],
    ['gpt2-small', 36_864],
    ['mamba-2.8b', 0],
    ['jamba-v0.1', 16_384],
    ['gpt-oss-120b', 73_728],
  ])('kvBytesPerToken(%s) is %i B', (id, bytes) => expect(kvBytesPerToken(presetSpec(id))).toBe(bytes));
});

describe('§4 test vectors (bf16, one sequence), exact bytes', () => {
  it.each([
    ['llama-2-7b', 4096, 2_147_483_648],
    ['llama-2-70b', 4096, 1_342_177_280],
    ['llama-3.1-8b', 131_072, 17_179_869_184],
    ['llama-3.1-70b', 131_072, 42_949_672_960],
    ['llama-3.1-405b', 131_072, 67_645_734_912],
    ['mistral-7b-v0.1', 32_768, 536_870_912],
    ['gemma-2-9b', 8192, 2_113_929_216],
    ['gemma-3-27b', 131_072, 11_173_625_856],
    ['qwen2.5-7b', 32_768, 1_879_048_192],
    ['qwen3-235b-a22b', 40_960, 7_885_291_520],
    ['qwen3-30b-a3b', 40_960, 4_026_531_840],
    ['deepseek-v2', 131_072, 9_059_696_640],
    ['deepseek-v3', 131_072, 9_210_691_584],
    ['deepseek-v3', 163_840, 11_513_364_480],
    ['falcon-7b', 2048, 16_777_216],
    ['gpt-oss-120b', 131_072, 4_836_556_800],
  ])('kvCache(%s, %i tokens, bf16) is %i B', (id, tokens, bytes) => expect(kv(id, tokens).bytes).toBe(bytes));

  it('Mistral-7B @32768 without the window is 4,294,967,296 B (4 GiB); Gemma-2-9B @8192 2,818,572,288 B', () => {
    expect(kv('mistral-7b-v0.1', 32_768, { windows: 'ignore' }).bytes).toBe(4_294_967_296);
    expect(kv('gemma-2-9b', 8192, { windows: 'ignore' }).bytes).toBe(2_818_572_288);
  });

  it('GPT-2 small @1024 is 36 MiB in fp16 and 72 MiB in fp32', () => {
    expect(kv('gpt2-small', 1024, { dtype: 'fp16' }).bytes).toBe(37_748_736);
    expect(kv('gpt2-small', 1024, { dtype: 'fp32' }).bytes).toBe(75_497_472);
  });

  it('Jamba-v0.1 @262144 caches 4 GiB of KV (4 attention layers) plus 8.75 MiB of fp16 state (mamba_ssm layout)', () => {
    const r = kv('jamba-v0.1', 262_144, { stateDtype: 'fp16', convLayout: 'd_conv' });
    expect([r.kvBytes, r.stateBytes]).toEqual([4_294_967_296, 9_175_040]);
  });

  it("Mamba-2.8B keeps 12.5 MiB (fp16) / 25 MiB (fp32) in the mamba_ssm layout, 23.75 MiB fp32 in llama.cpp's", () => {
    expect(kv('mamba-2.8b', 1, { stateDtype: 'fp16', convLayout: 'd_conv' }).stateBytes).toBe(13_107_200);
    expect(kv('mamba-2.8b', 1, { stateDtype: 'fp32', convLayout: 'd_conv' }).stateBytes).toBe(26_214_400);
    expect(kv('mamba-2.8b', 1).stateBytes).toBe(23.75 * MiB);
  });
});

describe('published figures (notes/model-facts.md §4)', () => {
  it('Mistral 7B rolling buffer: 8× less cache at 32k tokens (paper §2)', () => {
    expect(kv('mistral-7b-v0.1', 32_768, { windows: 'ignore' }).bytes / kv('mistral-7b-v0.1', 32_768).bytes).toBe(8);
  });

  it('Jamba-1.5 Table 1 at 256K: Mistral 7B, Mixtral 8x7B and Llama-3.1-8B are 32 GB; Llama-3.1-70B 80; Jamba 4', () => {
    const at = (id: string) => kv(id, 262_144, { windows: 'ignore' }).kvBytes / GiB;
    expect(['mistral-7b-v0.1', 'mixtral-8x7b', 'llama-3.1-8b', 'llama-3.1-70b', 'jamba-v0.1'].map(at)).toEqual([
      32, 32, 32, 80, 4,
    ]);
  });

  it("Jamba-1.5 Table 1 lists Llama-3.1-405B at 252 GB: the mp16 checkpoint's 16 KV heads; the 8-head preset gives 126", () => {
    const mp16 = parseHfConfig({ ...presetHfConfig('llama-3.1-405b'), num_key_value_heads: 16 }).spec;
    expect(kvCache(mp16, { tokens: 262_144 }).bytes / GiB).toBe(252);
    expect(kv('llama-3.1-405b', 262_144).bytes / GiB).toBe(126);
  });

  it('llama.cpp Mixtral log: 64 MiB of f16 KV at n_ctx 512 (K 32 MiB + V 32 MiB)', () => {
    expect(kv('mixtral-8x7b', 512, { dtype: 'fp16' }).bytes).toBe(64 * MiB);
  });

  it('DeepSeek q8_0 latent cache (61 layers, 32,768 ctx) is 1166.62 MiB', () => {
    const bytes = kv('deepseek-v3', 32_768, { dtype: 'q8_0' }).bytes;
    expect(bytes).toBe(1_223_294_976);
    expect(Math.floor((bytes / MiB) * 100) / 100).toBe(1166.62);
  });

  it('Ollama PR #6276: Llama-3.1-8B at 32K goes from 4 GiB (f16) to 1.125 GiB (q4_0); q8_0 is 2.125 GiB', () => {
    expect([
      kv('llama-3.1-8b', 32_768, { dtype: 'fp16' }).bytes / GiB,
      kv('llama-3.1-8b', 32_768, { dtype: 'q4_0' }).bytes / GiB,
      kv('llama-3.1-8b', 32_768, { dtype: 'q8_0' }).bytes / GiB,
    ]).toEqual([4, 1.125, 2.125]);
  });

  it('unsloth PR #4757: Gemma-3-27B 10.406 GiB at 131,072; DeepSeek-V3.1 10.723 GiB at 163,840', () => {
    expect(kv('gemma-3-27b', 131_072).bytes / GiB).toBe(10.40625);
    expect((kv('deepseek-v3', 163_840).bytes / GiB).toFixed(3)).toBe('10.723');
  });

  it('DeepSeek-V2 Table 9: the large model caches 34,560 elements per token (60 × 576)', () => {
    expect(kvBytesPerToken(presetSpec('deepseek-v2'), 'int8')).toBe(34_560);
  });

  it('gpu_poor README: Llama-2-7B at 1000 tokens is 500 MiB in fp16 (its "1GB (HF)" is a 2× factor)', () => {
    expect(kv('llama-2-7b', 1000, { dtype: 'fp16' }).bytes).toBe(500 * MiB);
  });

  it('vLLM sized every gpt-oss-120b layer as full: 73,728 B/token; the theoretical cache is 36,864 B/token + windows', () => {
    expect(kvBytesPerToken(presetSpec('gpt-oss-120b'))).toBe(73_728);
    expect(kv('gpt-oss-120b', 1_000_000).bytes).toBe(36_864 * 1_000_000 + 18 * 2048 * 128);
  });
});
