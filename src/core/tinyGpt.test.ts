import { describe, expect, it } from 'vitest';
import { kvBytesPerToken, kvCache } from './kvCache';
import { attentionKvSpec, InputError } from './modelSpec';
import {
  checkWeights,
  ropeTables,
  tinyGptParamCount,
  tinyGptShapes,
  tinyKvSpec,
  validateTinyConfig,
  type TinyGptConfig,
} from './tinyGpt';

const config = (kvHeads: number, window: number | null = null): TinyGptConfig => ({
  vocabSize: 59,
  contextLength: 64,
  dModel: 64,
  layers: 2,
  heads: 4,
  mixer: { kind: 'attention', kvHeads, window },
  ffn: { kind: 'dense', hidden: 256 },
  ropeBase: 10_000,
  normEps: 1e-5,
});

describe('the tiny GPT geometry (V 59, C 64, 2 layers, 4 heads of 16, MLP 256)', () => {
  it('MHA has 107,136 parameters', () => expect(tinyGptParamCount(config(4))).toBe(107_136));
  it('GQA with 2 KV heads has 98,944 (K and V shrink by 2 · 64 · 32 per layer)', () =>
    expect(tinyGptParamCount(config(2))).toBe(98_944));
  it('MQA with 1 KV head has 94,848', () => expect(tinyGptParamCount(config(1))).toBe(94_848));

  it('lists 28 tensors, embedding first and output head last, with GQA keys of width 2 · 16', () => {
    const shapes = tinyGptShapes(config(2));
    expect(shapes).toHaveLength(28);
    expect(shapes[0]).toEqual({ name: 'wte', shape: [59, 64] });
    expect(shapes.at(-1)).toEqual({ name: 'head', shape: [64, 59] });
    expect(shapes.find((s) => s.name === 'layers.1.attn.wk')?.shape).toEqual([64, 32]);
    expect(shapes.find((s) => s.name === 'layers.1.attn.wq')?.shape).toEqual([64, 64]);
  });

  it('KV cache per token in fp32: MHA 1,024 B, GQA-2 512 B, MQA 256 B (2 layers · 2 · KV · 16 · 4 B)', () => {
    expect(kvBytesPerToken(tinyKvSpec(config(4)), 'fp32')).toBe(1024);
    expect(kvBytesPerToken(tinyKvSpec(config(2)), 'fp32')).toBe(512);
    expect(kvBytesPerToken(tinyKvSpec(config(1)), 'fp32')).toBe(256);
  });

  it('tinyKvSpec agrees with attentionKvSpec for 64 cached tokens', () => {
    const direct = kvCache(attentionKvSpec({ layers: 2, kvHeads: 2, headDim: 16 }), { tokens: 64, dtype: 'fp32' });
    expect(kvCache(tinyKvSpec(config(2)), { tokens: 64, dtype: 'fp32' }).bytes).toBe(direct.bytes);
    expect(direct.bytes).toBe(32_768);
  });
});

describe('validateTinyConfig names the bad field', () => {
  it.each([
    [{ heads: 3 }, 'heads'],
    [{ heads: 64 }, 'heads'],
    [{ mixer: { kind: 'attention', kvHeads: 3, window: null } }, 'mixer.kvHeads'],
    [{ mixer: { kind: 'attention', kvHeads: 8, window: null } }, 'mixer.kvHeads'],
    [{ mixer: { kind: 'attention', kvHeads: 2, window: 0 } }, 'mixer.window'],
    [{ mixer: { kind: 'mla' } }, 'mixer.kind'],
    [{ ffn: { kind: 'dense', hidden: 0 } }, 'ffn.hidden'],
    [{ vocabSize: 1.5 }, 'vocabSize'],
    [{ ropeBase: 1 }, 'ropeBase'],
    [{ normEps: 0 }, 'normEps'],
  ])('%j → %s', (patch, field) => {
    expect(() => validateTinyConfig({ ...config(4), ...patch } as TinyGptConfig)).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it('accepts a sliding window up to the context length', () => {
    expect(validateTinyConfig(config(2, 64)).mixer.window).toBe(64);
  });
});

describe('checkWeights', () => {
  it('names a missing tensor and a mis-sized one', () => {
    const weights = Object.fromEntries(tinyGptShapes(config(4)).map((s) => [s.name, new Float32Array(1)]));
    expect(() => checkWeights(config(4), {})).toThrow(expect.objectContaining({ field: 'wte' }));
    expect(() => checkWeights(config(4), weights)).toThrow(InputError);
    expect(() => checkWeights(config(4), weights)).toThrow(/weights.wte must hold 3776 values \[59, 64\], got 1/);
  });
});

describe('ropeTables (rotate-half layout, θ = 10,000, hd 16)', () => {
  const { cos, sin } = ropeTables(config(4), 3);
  it('position 0 is the identity: cos 1, sin 0', () => {
    expect(Array.from(cos.subarray(0, 16))).toEqual(new Array(16).fill(1));
    expect(Array.from(sin.subarray(0, 16))).toEqual(new Array(16).fill(0));
  });
  it('pair 0 turns by 1 radian per position, pair 1 by 10000^(-1/8) = 0.3162…, and both halves repeat', () => {
    expect(sin[16 * 2]).toBeCloseTo(Math.sin(2), 6);
    expect(sin[16 * 1 + 1]).toBeCloseTo(Math.sin(0.31622776601683794), 6);
    expect(sin[16 * 1 + 1 + 8]).toBe(sin[16 * 1 + 1]);
  });
});
