import { describe, expect, it } from 'vitest';
import { tinyGptShapes } from '../core/tinyGpt';
import { initWeights } from './model';
import { tinyConfig } from './variants';
import { decodeWeights, encodeWeights, flattenWeights } from './weights';

const config = tinyConfig(59, { kind: 'attention', kvHeads: 2, window: null });
const weights = initWeights(config, 1);

describe('tiny model weights ↔ f16 binary + manifest entries', () => {
  it('GQA-2: 98,944 f16 values in 197,888 bytes, 28 entries in parameter order', () => {
    const { bytes, entries } = encodeWeights(config, weights);
    expect(bytes.byteLength).toBe(197_888);
    expect(entries.map((e) => e.name)).toEqual(tinyGptShapes(config).map((s) => s.name));
    expect(entries[1]).toEqual({ name: 'layers.0.ln1.scale', shape: [64], offset: 7552, dtype: 'f16' });
  });

  it('round trip: every value within 2^-11 relative (or 2^-25 absolute) of the original', () => {
    const { bytes, entries } = encodeWeights(config, weights);
    const back = decodeWeights(config, bytes, entries);
    const outside: string[] = [];
    for (const { name, data } of flattenWeights(config, weights)) {
      const restored = back[name] as Float32Array;
      data.forEach((v, i) => {
        const error = Math.abs((restored[i] ?? NaN) - v);
        if (!(error <= Math.max(Math.abs(v) * 2 ** -11, 2 ** -25))) outside.push(`${name}[${i}]`);
      });
    }
    expect(outside).toEqual([]);
  });

  it('f32 round trip is exact', () => {
    const { bytes, entries } = encodeWeights(config, weights, 'f32');
    expect(bytes.byteLength).toBe(98_944 * 4);
    const back = decodeWeights(config, bytes, entries);
    expect(Array.from(back['layers.1.attn.wk'] ?? [])).toEqual(Array.from(weights['layers.1.attn.wk'] ?? []));
  });

  it('refuses weights of another variant, naming the tensor', () => {
    const mha = tinyConfig(59, { kind: 'attention', kvHeads: 4, window: null });
    expect(() => encodeWeights(mha, weights)).toThrow(/weights.layers.0.attn.wk must hold 4096 values/);
    const { bytes, entries } = encodeWeights(config, weights);
    expect(() => decodeWeights(mha, bytes, entries)).toThrow(/layers.0.attn.wk/);
  });
});
