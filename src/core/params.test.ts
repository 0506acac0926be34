import { describe, expect, it } from 'vitest';
import type { AttentionSpec, LayerSpec, ModelSpec, SsmSpec } from './modelSpec';
import { countParams, type ParamComponent } from './params';

const attention = (
  heads: number,
  kvHeads: number,
  headDim: number,
  extra: Partial<AttentionSpec> = {},
): AttentionSpec => ({
  heads,
  kvHeads,
  headDim,
  qkvBias: false,
  outputBias: false,
  qkNorm: false,
  sinks: false,
  ...extra,
});

const layers = (n: number, layer: Partial<LayerSpec> = {}): LayerSpec[] =>
  Array.from({ length: n }, () => ({ mixer: 'attention', window: null, ffn: 'dense', ...layer }));

/** A Llama-style decoder: RMSNorm ×2, gated MLP, untied head. */
const llama = (over: Partial<ModelSpec> = {}): ModelSpec => ({
  name: 'test',
  hiddenSize: 4096,
  vocabSize: 32_000,
  tieWordEmbeddings: false,
  learnedPositions: 0,
  maxPositions: null,
  norm: { kind: 'rms', bias: false, perLayer: 2 },
  layers: layers(32),
  attention: attention(32, 32, 128),
  mla: null,
  ssm: null,
  mlp: { gated: true, intermediateSize: 11_008, bias: false },
  moe: null,
  ...over,
});

const part = (spec: ModelSpec, c: ParamComponent) => countParams(spec).breakdown.find((b) => b.component === c);

describe('countParams on hand-built specs', () => {
  it('countParams(Llama-2-7B shape) is 6,738,415,616 and dense models are fully active', () => {
    const c = countParams(llama());
    expect(c.total).toBe(6_738_415_616);
    expect(c.active).toBe(c.total);
    expect(c.activeExclInputEmbedding).toBe(6_738_415_616 - 131_072_000);
  });

  it('GPT-2 small: LayerNorms with bias, biased ungated MLP and attention, learned positions, tied head → 124,439,808', () => {
    const gpt2 = llama({
      hiddenSize: 768,
      vocabSize: 50_257,
      tieWordEmbeddings: true,
      learnedPositions: 1024,
      norm: { kind: 'layer', bias: true, perLayer: 2 },
      layers: layers(12),
      attention: attention(12, 12, 64, { qkvBias: true, outputBias: true }),
      mlp: { gated: false, intermediateSize: 3072, bias: true },
    });
    const c = countParams(gpt2);
    expect(c.total).toBe(124_439_808);
    expect(c.breakdown.map((b) => [b.component, b.total])).toEqual([
      ['embeddings', 38_597_376],
      ['positions', 786_432],
      ['attention', 28_348_416],
      ['mlp', 56_669_184],
      ['norms', 38_400],
    ]);
    expect(c.nonEmbedding).toBe(124_439_808 - 38_597_376 - 786_432);
  });

  it('MoE: Mixtral-8x7B shape is 46,702,792,704 total and 12,879,925,248 active (top-2 of 8, router counted)', () => {
    const mixtral = llama({
      mlp: null,
      layers: layers(32, { ffn: 'moe' }),
      attention: attention(32, 8, 128),
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
    const c = countParams(mixtral);
    expect([c.total, c.active]).toEqual([46_702_792_704, 12_879_925_248]);
    expect(part(mixtral, 'router')?.total).toBe(32 * 4096 * 8);
    expect(part(mixtral, 'experts')?.active).toBe(32 * 2 * 3 * 4096 * 14_336);
  });

  it('MLA without q_lora_rank projects queries directly; with it, adds down-projection, norm and up-projection', () => {
    const mla = {
      heads: 16,
      kvLoraRank: 512,
      qLoraRank: null,
      qkRopeHeadDim: 64,
      qkNopeHeadDim: 128,
      vHeadDim: 128,
      bias: false,
    };
    const spec = llama({ hiddenSize: 2048, layers: layers(1, { mixer: 'mla' }), attention: null, mla });
    expect(part(spec, 'attention')?.total).toBe(13_763_072);
    const withQLora = { ...spec, mla: { ...mla, qLoraRank: 1536 } };
    expect(part(withQLora, 'attention')?.total).toBe(13_763_072 - 6_291_456 + 2048 * 1536 + 1536 + 1536 * 16 * 192);
  });

  it('QK-norm adds 2·hd per layer, attention sinks add H, attention_bias adds q/k/v/o biases', () => {
    const base = part(llama(), 'attention')?.total ?? 0;
    expect(part(llama({ attention: attention(32, 32, 128, { qkNorm: true }) }), 'attention')?.total).toBe(
      base + 32 * 256,
    );
    expect(part(llama({ attention: attention(32, 32, 128, { sinks: true }) }), 'attention')?.total).toBe(
      base + 32 * 32,
    );
    expect(
      part(llama({ attention: attention(32, 32, 128, { qkvBias: true, outputBias: true }) }), 'attention')?.total,
    ).toBe(base + 32 * (3 * 4096 + 4096));
  });

  it('Mamba-1 blocks: Mamba-2.8B shape is 2,768,345,600 (64 × 41,244,160 + tied 50,280-row embedding + final norm)', () => {
    const ssm: SsmSpec = {
      version: 1,
      dInner: 5120,
      dState: 16,
      dConv: 4,
      dtRank: 160,
      convBias: true,
      projBias: false,
      innerNorms: false,
    };
    const mamba = llama({
      hiddenSize: 2560,
      vocabSize: 50_280,
      tieWordEmbeddings: true,
      norm: { kind: 'rms', bias: false, perLayer: 1 },
      layers: layers(64, { mixer: 'ssm', ffn: 'none' }),
      attention: null,
      mlp: null,
      ssm,
    });
    expect(countParams(mamba).total).toBe(2_768_345_600);
    expect(part(mamba, 'ssm')?.total).toBe(64 * 41_241_600);
  });

  it('Mamba-2 blocks: Codestral-Mamba shape (64 layers, d 4096, 128 heads × 64, 8 groups, d_state 128) is 7,285,403,648', () => {
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
    const codestral = llama({
      vocabSize: 32_768,
      norm: { kind: 'rms', bias: false, perLayer: 1 },
      layers: layers(64, { mixer: 'ssm', ffn: 'none' }),
      attention: null,
      mlp: null,
      ssm,
    });
    expect(countParams(codestral).total).toBe(7_285_403_648);
  });

  it('states the active-parameter convention', () => {
    expect(countParams(llama()).activeConvention).toMatch(/input embedding/);
  });

  it('rejects an invalid spec with an InputError naming the field', () => {
    expect(() => countParams(llama({ hiddenSize: 0 }))).toThrow(/hiddenSize must be an integer from 1/);
    expect(() => countParams(llama({ mlp: null }))).toThrow(/dense FFN but the spec has no mlp/);
  });

  it('refuses counts past Number.MAX_SAFE_INTEGER', () => {
    const huge = llama({
      hiddenSize: 1_000_000,
      vocabSize: 1_000_000,
      layers: layers(50_000),
      mlp: { gated: true, intermediateSize: 1_000_000_000, bias: false },
    });
    expect(() => countParams(huge)).toThrow(/MAX_SAFE_INTEGER/);
  });
});
