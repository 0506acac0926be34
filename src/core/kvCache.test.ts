import { describe, expect, it } from 'vitest';
import { kvBytesPerToken, kvCache, SLIDING_WINDOW_CAVEAT } from './kvCache';
import { attentionKvSpec, InputError, mlaKvSpec, type KvSpec, type LayerSpec, type SsmSpec } from './modelSpec';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

const KiB = 2 ** 10;
const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** Layers 0…L−1 with attention where i % period = offset and `ssm` elsewhere (Jamba's layout). */
function hybrid(L: number, period: number, offset: number, ssm: SsmSpec): KvSpec {
  const base = attentionKvSpec({ layers: 1, kvHeads: 8, headDim: 128, heads: 32 });
  const layers: LayerSpec[] = Array.from({ length: L }, (_, i) => ({
    mixer: i % period === offset ? 'attention' : 'ssm',
    window: null,
    ffn: 'none',
  }));
  return { ...base, layers, ssm };
}

const mamba1 = (dInner: number, dState = 16, dConv = 4): SsmSpec => ({
  version: 1,
  dInner,
  dState,
  dConv,
  dtRank: Math.ceil(dInner / 32),
  convBias: true,
  projBias: false,
  innerNorms: false,
});

const ssmOnly = (L: number, ssm: SsmSpec): KvSpec => ({
  layers: Array.from({ length: L }, () => ({ mixer: 'ssm' as const, window: null, ffn: 'none' as const })),
  attention: null,
  mla: null,
  ssm,
});

describe('the §6 MHA / GQA / MQA example (Llama-2-7B geometry: 32 layers, hd 128, fp16, 6,400 tokens)', () => {
  const at = (kvHeads: number) =>
    kvCache(attentionKvSpec({ layers: 32, kvHeads, headDim: 128 }), { tokens: 6400, dtype: 'fp16' });

  it('kvCache(MHA, 32 KV heads) is 3200 MiB', () => expect(at(32).bytes).toBe(3200 * MiB));
  it('kvCache(GQA, 8 KV heads) is 800 MiB, 4.0× less', () => {
    expect(at(8).bytes).toBe(800 * MiB);
    expect(at(32).bytes / at(8).bytes).toBe(4);
  });
  it('kvCache(MQA, 1 KV head) is 100 MiB, 32.0× less', () => {
    expect(at(1).bytes).toBe(100 * MiB);
    expect(at(32).bytes / at(1).bytes).toBe(32);
  });
  it('kvCache(MLA 512 + 64 per layer) at the same geometry is 225 MiB', () => {
    const mla = kvCache(mlaKvSpec({ layers: 32, kvLoraRank: 512, qkRopeHeadDim: 64 }), { tokens: 6400, dtype: 'fp16' });
    expect(mla.bytes).toBe(225 * MiB);
  });
  it('one KV head costs 16 KiB per token over 32 layers', () =>
    expect(kvBytesPerToken(attentionKvSpec({ layers: 32, kvHeads: 1, headDim: 128 }), 'fp16')).toBe(16 * KiB));
});

describe('published figures with ad-hoc geometry (notes/model-facts.md §4)', () => {
  it('OPT-13B caches 800 KiB per token at fp16 (vLLM paper §3)', () => {
    expect(kvBytesPerToken(attentionKvSpec({ layers: 40, kvHeads: 40, headDim: 128 }), 'fp16')).toBe(819_200);
    expect(819_200 / KiB).toBe(800);
  });

  it('DeepSeek-V2 Table 9: small MoE with MHA caches 110,592 elements per token; with MLA 15,552', () => {
    expect(kvBytesPerToken(attentionKvSpec({ layers: 27, kvHeads: 16, headDim: 128 }), 'int8')).toBe(110_592);
    expect(kvBytesPerToken(mlaKvSpec({ layers: 27, kvLoraRank: 512, qkRopeHeadDim: 64 }), 'int8')).toBe(15_552);
  });

  it('DeepSeek-V2 caches 93.3 % less than DeepSeek 67B (95 layers, GQA 8 × 128) at 6 bits on average', () => {
    const v2Elements = kvBytesPerToken(mlaKvSpec({ layers: 60, kvLoraRank: 512, qkRopeHeadDim: 64 }), 'int8');
    const dense67bBytes = kvBytesPerToken(attentionKvSpec({ layers: 95, kvHeads: 8, headDim: 128 }), 'fp16');
    expect(v2Elements).toBe(34_560);
    expect(dense67bBytes).toBe(389_120);
    expect(1 - (v2Elements * 6) / 8 / dense67bBytes).toBeCloseTo(0.9334, 4);
    expect(1 - v2Elements / (dense67bBytes / 2)).toBeCloseTo(0.8224, 4);
  });

  describe('Jamba-1.5 Table 1 at 256K tokens, 16-bit', () => {
    const at256k = (spec: KvSpec) => kvCache(spec, { tokens: 262_144 }).kvBytes / GiB;
    it('Mixtral-8x22B (56 layers, GQA 8 × 128) is 56 GiB', () =>
      expect(at256k(attentionKvSpec({ layers: 56, kvHeads: 8, headDim: 128 }))).toBe(56));
    it('Mistral-Large-2 (88 layers, GQA 8 × 128) is 88 GiB', () =>
      expect(at256k(attentionKvSpec({ layers: 88, kvHeads: 8, headDim: 128 }))).toBe(88));
    it('Jamba-1.5-Mini (4 attention layers of 32) is 4 GiB', () =>
      expect(at256k(hybrid(32, 8, 4, mamba1(8192)))).toBe(4));
    it('Jamba-1.5-Large (9 attention layers of 72) is 9 GiB', () =>
      expect(at256k(hybrid(72, 8, 4, mamba1(16384)))).toBe(9));
    it("Llama-3.1-405B is 252 GiB only with the mp16 checkpoint's 16 KV heads; 8 heads give 126", () => {
      expect(at256k(attentionKvSpec({ layers: 126, kvHeads: 16, headDim: 128 }))).toBe(252);
      expect(at256k(attentionKvSpec({ layers: 126, kvHeads: 8, headDim: 128 }))).toBe(126);
    });
    it('Llama-2-7B (MHA) would be 128 GiB', () =>
      expect(at256k(attentionKvSpec({ layers: 32, kvHeads: 32, headDim: 128 }))).toBe(128));
  });

  describe('SSM state per sequence (llama.cpp PR #9126; mamba_ssm allocate_inference_cache)', () => {
    it('Falcon-Mamba-7B keeps 38.0 MiB of fp32 state (d_conv − 1 columns)', () => {
      const r = kvCache(ssmOnly(64, mamba1(8192)), { tokens: 1 });
      expect(r.stateBytes).toBe(39_845_888);
      expect(r.stateBytes / MiB).toBe(38);
      expect(r.kvBytes).toBe(0);
    });
    it('Codestral-Mamba (Mamba-2: d_state 128, 8 groups, 128 heads × 64) keeps 263.5 MiB of fp32 state', () => {
      const ssm: SsmSpec = {
        version: 2,
        dInner: 8192,
        dState: 128,
        dConv: 4,
        nHeads: 128,
        headDim: 64,
        nGroups: 8,
        convBias: true,
        projBias: false,
      };
      const r = kvCache(ssmOnly(64, ssm), { tokens: 1 });
      expect(r.stateBytes).toBe(276_299_776);
      expect(r.stateBytes / MiB).toBe(263.5);
    });
    it("Mamba-2.8B keeps 12.5 MiB in fp16 with mamba_ssm's d_conv columns, 23.75 MiB in fp32 with d_conv − 1", () => {
      const spec = ssmOnly(64, mamba1(5120));
      expect(kvCache(spec, { tokens: 1, stateDtype: 'fp16', convLayout: 'd_conv' }).stateBytes).toBe(12.5 * MiB);
      expect(kvCache(spec, { tokens: 1, stateDtype: 'fp32', convLayout: 'd_conv' }).stateBytes).toBe(25 * MiB);
      expect(kvCache(spec, { tokens: 1 }).stateBytes).toBe(23.75 * MiB);
    });
    it('SSM state does not grow with T', () => {
      const spec = ssmOnly(64, mamba1(5120));
      expect(kvCache(spec, { tokens: 10_000_000 }).bytes).toBe(kvCache(spec, { tokens: 1 }).bytes);
    });
  });
});

describe('kvCache breakdown, formula and caveats', () => {
  const gemma3Like: KvSpec = {
    ...attentionKvSpec({ layers: 62, kvHeads: 16, headDim: 128, heads: 32 }),
    layers: Array.from({ length: 62 }, (_, i) => ({
      mixer: 'attention',
      window: (i + 1) % 6 === 0 ? null : 1024,
      ffn: 'none',
    })),
  };

  it('groups layers by type with tokens cached and bytes per token', () => {
    const r = kvCache(gemma3Like, { tokens: 131_072 });
    expect(r.breakdown.map((b) => [b.type, b.layers, b.tokensCached, b.bytesPerToken, b.bytes])).toEqual([
      ['full-attention', 10, 131_072, 8192, 10_737_418_240],
      ['sliding-attention', 52, 1024, 8192, 436_207_616],
    ]);
    expect(r.bytes).toBe(11_173_625_856);
  });

  it('substitutes the numbers into the formula', () => {
    expect(kvCache(gemma3Like, { tokens: 131_072 }).formula).toBe(
      '10 full-attention layers × 131,072 tokens × 2·16·128 × 2 B + 52 sliding-attention layers × min(131,072, 1,024) tokens × 2·16·128 × 2 B = 11,173,625,856 B (10.41 GiB)',
    );
    expect(
      kvCache(mlaKvSpec({ layers: 61, kvLoraRank: 512, qkRopeHeadDim: 64 }), {
        tokens: 32_768,
        dtype: 'q8_0',
        batch: 2,
      }).formula,
    ).toBe('2 sequences × (61 MLA layers × 32,768 tokens × (512 + 64) × 34/32 B) = 2,446,589,952 B (2.279 GiB)');
  });

  it('says that engines may allocate more than min(T, W) for sliding layers', () => {
    expect(kvCache(gemma3Like, { tokens: 8 }).caveats).toContain(SLIDING_WINDOW_CAVEAT);
  });

  it('windows: "ignore" counts every attention layer at T (62 GiB for Gemma-3-27B geometry at 128K)', () => {
    expect(kvCache(gemma3Like, { tokens: 131_072, windows: 'ignore' }).bytes).toBe(62 * GiB);
  });

  it('hybrids add constant SSM state to the attention KV, and batch multiplies both', () => {
    const one = kvCache(hybrid(32, 8, 4, mamba1(8192)), { tokens: 262_144 });
    const four = kvCache(hybrid(32, 8, 4, mamba1(8192)), { tokens: 262_144, batch: 4 });
    expect(one.kvBytes).toBe(4 * GiB);
    expect(one.stateBytes).toBe(28 * (8192 * 16 + 8192 * 3) * 4);
    expect(four.bytes).toBe(4 * one.bytes);
    expect(one.breakdown.map((b) => b.type)).toEqual(['full-attention', 'mamba1-state']);
  });

  it('q4_0 and q8_0 include their block scales: 18/32 and 34/32 bytes per element', () => {
    const spec = attentionKvSpec({ layers: 32, kvHeads: 8, headDim: 128 });
    expect(kvCache(spec, { tokens: 32_768, dtype: 'q4_0' }).bytes).toBe(1.125 * GiB);
    expect(kvCache(spec, { tokens: 32_768, dtype: 'q8_0' }).bytes).toBe(2.125 * GiB);
    expect(kvCache(spec, { tokens: 32_768, dtype: 'int4' }).bytes).toBe(GiB);
  });

  it('rounds sub-byte rows up to whole bytes and says so', () => {
    const r = kvCache(mlaKvSpec({ layers: 1, kvLoraRank: 1, qkRopeHeadDim: 2 }), { tokens: 1, dtype: 'int4' });
    expect(r.breakdown[0]?.bytesPerToken).toBe(1.5);
    expect(r.bytes).toBe(2);
    expect(r.caveats.some((c) => c.includes('rounded up'))).toBe(true);
  });
});

describe('kvCache input errors name the field and range', () => {
  const spec = attentionKvSpec({ layers: 32, kvHeads: 8, headDim: 128 });
  it.each([
    [{ tokens: 0 }, 'tokens', 'tokens must be an integer from 1 to 10,000,000, got 0'],
    [{ tokens: 1.5 }, 'tokens', 'tokens must be an integer from 1 to 10,000,000, got 1.5'],
    [{ tokens: Number.NaN }, 'tokens', 'tokens must be an integer from 1 to 10,000,000, got NaN'],
    [{ tokens: 10_000_001 }, 'tokens', 'tokens must be an integer from 1 to 10,000,000, got 10000001'],
    [{ tokens: 1, batch: -1 }, 'batch', 'batch must be an integer from 1 to 1,000,000, got -1'],
  ])('kvCache(%o) throws an InputError on %s: "%s"', (options, field, message) => {
    const error = errorOf(() => kvCache(spec, options));
    expect([error.field, error.message]).toEqual([field, message]);
  });

  it('refuses a total past Number.MAX_SAFE_INTEGER instead of losing precision', () => {
    const huge = attentionKvSpec({ layers: 100_000, kvHeads: 1_000, headDim: 1_000 });
    expect(() => kvCache(huge, { tokens: 10_000_000, batch: 1_000_000 })).toThrow(/MAX_SAFE_INTEGER/);
  });

  it('rejects an unknown dtype by name', () => {
    expect(() => kvCache(spec, { tokens: 1, dtype: 'fp12' as never })).toThrow(/dtype must be one of fp32, fp16/);
  });

  it('rejects a layer whose mixer has no shape', () => {
    expect(() => kvCache({ ...spec, attention: null }, { tokens: 1 })).toThrow(InputError);
  });
});
