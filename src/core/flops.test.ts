import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forwardFlops,
  logSpaced,
  mlaFlopsPerCachedToken,
  prefillKeys,
  sequenceCosts,
  SCAN_FLOPS_PER_STATE,
} from './flops';
import type { LayerSpec, MlaSpec, ModelSpec } from './modelSpec';

const layers = (n: number, layer: Partial<LayerSpec> = {}): LayerSpec[] =>
  Array.from({ length: n }, () => ({ mixer: 'attention', window: null, ffn: 'dense', ...layer }));

/** Llama-3.1-8B's shape (sku_list.py): 32 layers, d 4096, 32/8 heads of 128, SwiGLU 14336, vocab 128256, untied. */
const llama8b = (over: Partial<ModelSpec> = {}): ModelSpec => ({
  name: 'llama-3.1-8b shape',
  hiddenSize: 4096,
  vocabSize: 128_256,
  tieWordEmbeddings: false,
  learnedPositions: 0,
  maxPositions: 131_072,
  norm: { kind: 'rms', bias: false, perLayer: 2 },
  layers: layers(32),
  attention: { heads: 32, kvHeads: 8, headDim: 128, qkvBias: false, outputBias: false, qkNorm: false, sinks: false },
  mla: null,
  ssm: null,
  mlp: { gated: true, intermediateSize: 14_336, bias: false },
  moe: null,
  ...over,
});

const DEEPSEEK_V3_MLA: MlaSpec = {
  heads: 128,
  kvLoraRank: 512,
  qLoraRank: 1536,
  qkRopeHeadDim: 64,
  qkNopeHeadDim: 128,
  vHeadDim: 128,
  bias: false,
};

/** Mamba-2.8B's shape (mamba_ssm config_mamba.py defaults): 64 Mamba-1 layers, d 2560, d_inner 5120, N 16, tied. */
const mamba: ModelSpec = {
  ...llama8b(),
  name: 'mamba-2.8b shape',
  hiddenSize: 2560,
  vocabSize: 50_280,
  tieWordEmbeddings: true,
  norm: { kind: 'rms', bias: false, perLayer: 1 },
  layers: layers(64, { mixer: 'ssm', ffn: 'none' }),
  attention: null,
  mlp: null,
  ssm: {
    version: 1,
    dInner: 5120,
    dState: 16,
    dConv: 4,
    dtRank: 160,
    convBias: true,
    projBias: false,
    innerNorms: false,
  },
};

describe('forward FLOPs per token (Kaplan et al. 2020, Table 1)', () => {
  it('Llama-3.1-8B at n_ctx 8192: 2 × 6,979,588,096 + 2 × 32 × 8192 × 4096 = 16,106,659,840; training 6N = 41,877,528,576', () => {
    const f = forwardFlops(llama8b(), 8192);
    expect(f.n).toBe(6_979_588_096);
    expect(f.contextFlops).toBe(2_147_483_648);
    expect(f.kaplanForward).toBe(16_106_659_840);
    expect(f.headFlops).toBe(1_050_673_152);
    expect(f.forward).toBe(17_157_332_992);
    expect(f.training).toBe(41_877_528_576);
    expect(f.formula).toBe('2 × 6,979,588,096 + 2 × 32 × 8,192 × 4,096 = 16,106,659,840 FLOPs per token');
  });

  it('per-component rows are 2 × active parameters and add up to the forward total', () => {
    const f = forwardFlops(llama8b(), 1000);
    const byComponent = Object.fromEntries(f.breakdown.map((r) => [r.component, r.flops]));
    expect(byComponent.attention).toBe(2 * 32 * 41_943_040);
    expect(byComponent.mlp).toBe(2 * 32 * 176_160_768);
    expect(byComponent.embeddings).toBeUndefined();
    expect(f.breakdown.reduce((s, r) => s + r.flops, 0)).toBe(f.forward);
  });

  it('counting A·V doubles the context term', () => {
    expect(forwardFlops(llama8b(), 8192, { countAv: true }).contextFlops).toBe(2 * 2_147_483_648);
  });

  it('sliding-window layers use min(n_ctx, W): Mistral-style W = 4096 at 32,768 tokens costs as at 4096', () => {
    const windowed = llama8b({ layers: layers(32, { window: 4096 }) });
    expect(forwardFlops(windowed, 32_768).contextFlops).toBe(2 * 32 * 4096 * 4096);
    expect(forwardFlops(windowed, 32_768).kaplanForward).toBe(forwardFlops(llama8b(), 4096).kaplanForward);
  });

  it('MoE uses active parameters: Mixtral-8x7B shape has N = 12,617,781,248 (active 12,879,925,248 minus embeddings and head)', () => {
    const mixtral = llama8b({
      vocabSize: 32_000,
      mlp: null,
      layers: layers(32, { ffn: 'moe' }),
      moe: {
        routedExperts: 8,
        expertsPerToken: 2,
        expertIntermediateSize: 14_336,
        gated: true,
        expertBias: false,
        sharedExperts: 0,
        sharedIntermediateSize: 0,
        sharedExpertGate: false,
        routerBias: false,
      },
    });
    const f = forwardFlops(mixtral, 1);
    expect(f.n).toBe(12_617_781_248);
    expect(f.training).toBe(6 * 12_617_781_248);
  });

  it('an SSM has no context term and a constant scan of 6 · d_inner · d_state per layer (Mamba-2.8B: 31,457,280)', () => {
    const short = forwardFlops(mamba, 1);
    const long = forwardFlops(mamba, 1_000_000);
    expect(short.contextFlops).toBe(0);
    expect(short.scanFlops).toBe(64 * SCAN_FLOPS_PER_STATE * 5120 * 16);
    expect(short.scanFlops).toBe(31_457_280);
    expect(long.forward).toBe(short.forward);
    expect(short.headFlops).toBe(2 * 2560 * 50_280);
  });

  it('bad context is an input error naming it', () => {
    expect(() => forwardFlops(llama8b(), 0)).toThrow(/context must be an integer from 1 to 10,000,000/);
  });
});

describe('MLA decode FLOPs per cached token and layer (notes §5)', () => {
  it('DeepSeek-V3: absorbed 2·128·(512 + 64) + 2·128·512 = 278,528; decompressed 2·128·192 + 2·128·128 = 81,920', () => {
    expect(mlaFlopsPerCachedToken(DEEPSEEK_V3_MLA, 'absorbed')).toBe(278_528);
    expect(mlaFlopsPerCachedToken(DEEPSEEK_V3_MLA, 'decompressed')).toBe(81_920);
  });

  it('in forwardFlops, MLA layers use the chosen form (QKᵀ only by default)', () => {
    const spec = llama8b({ layers: layers(2, { mixer: 'mla' }), attention: null, mla: DEEPSEEK_V3_MLA });
    expect(forwardFlops(spec, 10).contextFlops).toBe(2 * 10 * 2 * 128 * 576);
    expect(forwardFlops(spec, 10, { mla: 'decompressed' }).contextFlops).toBe(2 * 10 * 2 * 128 * 192);
  });
});

describe('attention vs SSM against sequence length', () => {
  it('prefillKeys: Σ min(t, W) is 15 for T 5 without a window and 9 with W = 2', () => {
    expect(prefillKeys(5, null)).toBe(15);
    expect(prefillKeys(5, 2)).toBe(9);
  });

  it('the KV cache grows linearly with T (131,072 B per token for Llama-3.1-8B), the SSM state not at all', () => {
    const attention = sequenceCosts(llama8b(), [1024, 2048]);
    expect(attention[0]!.cacheBytes).toBe(1024 * 131_072);
    expect(attention[1]!.cacheBytes).toBe(2048 * 131_072);
    const ssm = sequenceCosts(mamba, [1024, 1_000_000]);
    expect(ssm[0]!.cacheBytes).toBe(ssm[1]!.cacheBytes);
    expect(ssm[0]!.kvBytes).toBe(0);
    expect(ssm[1]!.prefillFlops).toBeCloseTo(ssm[0]!.prefillFlops * (1_000_000 / 1024), -3);
  });

  it('forward FLOPs never fall as the context grows, and prefill is Σ decode over positions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
        (a, b, window) => {
          const spec = llama8b({ layers: layers(4, { window }) });
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(forwardFlops(spec, hi).forward).toBeGreaterThanOrEqual(forwardFlops(spec, lo).forward);
          const [point] = sequenceCosts(spec, [lo]);
          const fixed = forwardFlops(spec, 1).forward - forwardFlops(spec, 1).contextFlops;
          expect(point!.prefillFlops).toBe(fixed * lo + 4 * 2 * 4096 * prefillKeys(lo, window));
        },
      ),
    );
  });

  it('logSpaced(1, 1000, 4) is [1, 10, 100, 1000]', () => {
    expect(logSpaced(1, 1000, 4)).toEqual([1, 10, 100, 1000]);
  });
});
