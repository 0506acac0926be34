import { describe, expect, it } from 'vitest';
import { countParams } from '../core/params';
import { ConfigError } from './hfFields';
import { getPreset, PRESET_IDS, PRESETS, presetHfConfig, presetSpec } from './presets';

describe('presets', () => {
  it('are the 19 models of the dataset, ids unique, each with sources', () => {
    expect(PRESET_IDS).toEqual([
      'llama-2-7b',
      'llama-2-70b',
      'llama-3.1-8b',
      'llama-3.1-70b',
      'llama-3.1-405b',
      'mistral-7b-v0.1',
      'mixtral-8x7b',
      'gemma-2-9b',
      'gemma-3-27b',
      'qwen2.5-7b',
      'qwen3-235b-a22b',
      'qwen3-30b-a3b',
      'deepseek-v2',
      'deepseek-v3',
      'falcon-7b',
      'gpt2-small',
      'mamba-2.8b',
      'jamba-v0.1',
      'gpt-oss-120b',
    ]);
    for (const p of PRESETS) expect(p.sources.length, p.id).toBeGreaterThan(0);
  });

  it("Llama-3.1-405B carries the mp16 caveat: 16 KV heads in that checkpoint → Jamba-1.5's 252 GB row", () => {
    expect(getPreset('llama-3.1-405b')?.caveats.join(' ')).toMatch(/mp16 checkpoint duplicates them to 16.*252 GB/);
  });

  it('unconfirmed values surface as caveats', () => {
    expect(
      getPreset('mistral-7b-v0.1')?.caveats.some((c) => c.startsWith('Unconfirmed: max_position_embeddings 32768')),
    ).toBe(true);
  });

  it('presetHfConfig returns a fresh copy and presetSpec names an unknown id', () => {
    const a = presetHfConfig('llama-3.1-8b');
    a.num_hidden_layers = 1;
    expect(presetHfConfig('llama-3.1-8b').num_hidden_layers).toBe(32);
    expect(() => presetSpec('llama-4')).toThrow(ConfigError);
    expect(() => presetSpec('llama-4')).toThrow(/unknown preset "llama-4"; presets: llama-2-7b, /);
  });
});

describe('countParams reproduces params_computed for every preset, exactly', () => {
  it.each([
    ['llama-2-7b', 6_738_415_616, 6_738_415_616],
    ['llama-2-70b', 68_976_648_192, 68_976_648_192],
    ['llama-3.1-8b', 8_030_261_248, 8_030_261_248],
    ['llama-3.1-70b', 70_553_706_496, 70_553_706_496],
    ['llama-3.1-405b', 405_853_388_800, 405_853_388_800],
    ['mistral-7b-v0.1', 7_241_732_096, 7_241_732_096],
    ['mixtral-8x7b', 46_702_792_704, 12_879_925_248],
    ['gemma-2-9b', 9_242_164_736, 9_242_164_736],
    ['gemma-3-27b', 27_009_002_240, 27_009_002_240],
    ['qwen2.5-7b', 7_615_616_512, 7_615_616_512],
    ['qwen3-235b-a22b', 235_093_634_560, 22_190_763_520],
    ['qwen3-30b-a3b', 30_532_122_624, 3_353_032_704],
    ['deepseek-v2', 235_741_434_880, 21_375_800_320],
    ['deepseek-v3', 671_026_419_200, 37_552_297_472],
    ['falcon-7b', 6_921_720_704, 6_921_720_704],
    ['gpt2-small', 124_439_808, 124_439_808],
    ['mamba-2.8b', 2_768_345_600, 2_768_345_600],
    ['jamba-v0.1', 51_570_323_328, 12_110_311_296],
    ['gpt-oss-120b', 116_829_156_672, 5_711_982_912],
  ])('countParams(%s) is %i total, %i active', (id, total, active) => {
    const c = countParams(presetSpec(id));
    expect([c.total, c.active]).toEqual([total, active]);
  });

  it("gpt-oss-120b active without the input embedding is 5,132,849,472 (OpenAI's 5.1B convention)", () => {
    expect(countParams(presetSpec('gpt-oss-120b')).activeExclInputEmbedding).toBe(5_132_849_472);
  });

  it('DeepSeek-V3 active is 37,552,297,472 with the input embedding, 36,625,618,432 without (README_WEIGHTS: 36.7B)', () => {
    const c = countParams(presetSpec('deepseek-v3'));
    expect([c.active, c.activeExclInputEmbedding]).toEqual([37_552_297_472, 36_625_618_432]);
  });

  it('Gemma-2-9B splits into 917,962,752 embedding + 8,324,201,984 non-embedding parameters (paper Table 2)', () => {
    const c = countParams(presetSpec('gemma-2-9b'));
    expect([c.breakdown.find((b) => b.component === 'embeddings')?.total, c.nonEmbedding]).toEqual([
      917_962_752, 8_324_201_984,
    ]);
  });

  it('Gemma 2\'s "feedforward dim 28672" is gate + up: 2 × intermediate_size 14,336 per layer', () => {
    const mlp = countParams(presetSpec('gemma-2-9b')).breakdown.find((b) => b.component === 'mlp')?.total;
    expect(mlp).toBe(42 * (28_672 * 3584 + 14_336 * 3584));
  });

  it('non-embedding counts: Qwen2.5-7B 6,525,621,760 (6.53B), Gemma-3-27B 25,599,716,096 (25,600M)', () => {
    expect(countParams(presetSpec('qwen2.5-7b')).nonEmbedding).toBe(6_525_621_760);
    expect(countParams(presetSpec('gemma-3-27b')).nonEmbedding).toBe(25_599_716_096);
  });

  it('DeepSeek active counts shared experts and the dense first layers; Qwen3-MoE has no shared experts', () => {
    const v2 = countParams(presetSpec('deepseek-v2')).breakdown.find((b) => b.component === 'sharedExperts');
    expect(v2).toMatchObject({ total: 59 * 2 * 3 * 5120 * 1536, active: 59 * 2 * 3 * 5120 * 1536 });
    expect(countParams(presetSpec('deepseek-v2')).breakdown.find((b) => b.component === 'mlp')?.total).toBe(
      3 * 5120 * 12_288,
    );
    expect(countParams(presetSpec('qwen3-30b-a3b')).breakdown.some((b) => b.component === 'sharedExperts')).toBe(false);
  });

  it("each preset's paramsComputed matches countParams", () => {
    for (const p of PRESETS) {
      const c = countParams(presetSpec(p.id));
      expect(c.total, p.id).toBe(p.paramsComputed.total);
      if (p.paramsComputed.active !== null) expect(c.active, p.id).toBe(p.paramsComputed.active);
      if (p.paramsComputed.activeExclInputEmbedding !== null)
        expect(c.activeExclInputEmbedding, p.id).toBe(p.paramsComputed.activeExclInputEmbedding);
    }
  });
});
