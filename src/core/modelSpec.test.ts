import { describe, expect, it } from 'vitest';
import { attentionKvSpec, InputError, mlaKvSpec, positiveInt, validateKvSpec, type KvSpec } from './modelSpec';

describe('modelSpec', () => {
  it('positiveInt accepts integers in range and names the field otherwise', () => {
    expect(positiveInt('layers', 32)).toBe(32);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '32', null, 2e9]) {
      expect(() => positiveInt('layers', bad)).toThrow(InputError);
    }
    expect(() => positiveInt('layers', '32')).toThrow('layers must be an integer from 1 to 1,000,000,000, got "32"');
  });

  it('attentionKvSpec builds identical full or windowed layers', () => {
    const spec = attentionKvSpec({ layers: 3, kvHeads: 8, headDim: 128, window: 4096 });
    expect(spec.layers).toEqual([
      { mixer: 'attention', window: 4096, ffn: 'none' },
      { mixer: 'attention', window: 4096, ffn: 'none' },
      { mixer: 'attention', window: 4096, ffn: 'none' },
    ]);
    expect(spec.attention?.heads).toBe(8);
  });

  it('validateKvSpec names the bad field', () => {
    const mla = mlaKvSpec({ layers: 2, kvLoraRank: 512, qkRopeHeadDim: 64 });
    const cases: [KvSpec, RegExp][] = [
      [{ ...mla, layers: [] }, /layers must list 1 to/],
      [{ ...mla, mla: null }, /layer 0 is mla but the spec has no mla shape/],
      [{ ...mla, layers: [{ mixer: 'mla', window: 4096, ffn: 'none' }] }, /only attention layers have a window/],
      [
        { ...mla, layers: [{ mixer: 'conv' as never, window: null, ffn: 'none' }] },
        /mixer must be attention, mla or ssm/,
      ],
      [attentionKvSpec({ layers: 1, kvHeads: 0, headDim: 128, heads: 8 }), /attention.kvHeads must be an integer/],
    ];
    for (const [spec, message] of cases) expect(() => validateKvSpec(spec)).toThrow(message);
  });

  it('a Mamba-2 shape must satisfy nHeads · headDim = dInner', () => {
    const spec: KvSpec = {
      layers: [{ mixer: 'ssm', window: null, ffn: 'none' }],
      attention: null,
      mla: null,
      ssm: {
        version: 2,
        dInner: 8192,
        dState: 128,
        dConv: 4,
        nHeads: 100,
        headDim: 64,
        nGroups: 8,
        convBias: true,
        projBias: false,
      },
    };
    expect(() => validateKvSpec(spec)).toThrow('Mamba-2 needs nHeads · headDim = dInner, got 100 · 64 ≠ 8192');
  });
});
