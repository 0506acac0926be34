import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTinyCache, meanNll, nextCharProbs, tinyGptForward, type TinyForward } from './attention';
import { randn } from './random';
import { unpackTensors } from './tensorFile';
import { sizeOf, tinyGptShapes, type TinyGptConfig, type TinyGptWeights } from './tinyGpt';
import { parseTinyManifest } from './tinyManifest';

/** The shipped model `id` as the page loads it: manifest + f16 binary widened to f32. */
function shipped(id: string) {
  const manifest = parseTinyManifest(
    JSON.parse(readFileSync(new URL(`../../public/models/tiny/${id}.json`, import.meta.url), 'utf8')),
  );
  const bytes = new Uint8Array(readFileSync(new URL(`../../public/models/tiny/${id}.bin`, import.meta.url)));
  return { manifest, weights: unpackTensors(bytes, manifest.tensors) };
}

/** Logits written by scripts/train-tiny.ts through the jax-js forward of src/lab/model.ts (not this code). */
const golden = JSON.parse(readFileSync(new URL('./fixtures/tiny-golden.json', import.meta.url), 'utf8')) as {
  prompt: string;
  vocab: string;
  logits: Record<string, number[][]>;
};

const small = (kvHeads: number, window: number | null = null): TinyGptConfig => ({
  vocabSize: 7,
  contextLength: 12,
  dModel: 8,
  layers: 2,
  heads: 2,
  mixer: { kind: 'attention', kvHeads, window },
  ffn: { kind: 'dense', hidden: 16 },
  ropeBase: 10_000,
  normEps: 1e-5,
});

function randomWeights(config: TinyGptConfig, seed: number): Record<string, Float32Array> {
  return Object.fromEntries(
    tinyGptShapes(config).map(({ name, shape }, i) => [name, randn(sizeOf(shape), seed + i, 0.5)]),
  );
}

function rowSums(f: TinyForward): number[] {
  const T = f.length;
  return f.attention.flatMap((layer) =>
    layer.flatMap((map) =>
      Array.from({ length: T }, (_, i) => map.subarray(i * T, (i + 1) * T).reduce((a, b) => a + b)),
    ),
  );
}

describe('golden logits of the shipped weights (hand-written forward vs the jax-js training code)', () => {
  it.each(['mha', 'gqa'])(
    '%s: "The quick brown fox jumps over the lazy dog." agrees to 1e-4 at every position',
    (id) => {
      const { manifest, weights } = shipped(id);
      expect(manifest.vocab).toBe(golden.vocab);
      const ids = [...golden.prompt].map((ch) => manifest.vocab.indexOf(ch));
      const { logits } = tinyGptForward(manifest.config, weights, ids);
      const expected = golden.logits[id] ?? [];
      expect(expected).toHaveLength(44);
      let maxError = 0;
      expected.forEach((row, t) =>
        row.forEach((value, v) => {
          maxError = Math.max(maxError, Math.abs((logits[t * manifest.vocab.length + v] ?? NaN) - value));
        }),
      );
      expect(maxError).toBeLessThan(1e-4);
    },
  );

  it('the shipped MHA model predicts the pangram well: under 1.5 nats per character', () => {
    const { manifest, weights } = shipped('mha');
    const ids = [...golden.prompt].map((ch) => manifest.vocab.indexOf(ch));
    expect(meanNll(tinyGptForward(manifest.config, weights, ids), ids)).toBeLessThan(1.5);
  });
});

describe('tinyGptForward attention maps', () => {
  const weights = randomWeights(small(2), 11);
  const run = (config: TinyGptConfig, w: TinyGptWeights, ids: number[]) => tinyGptForward(config, w, ids);

  it('returns layers × heads maps of T × T, causal (zero above the diagonal), rows summing to 1', () => {
    const f = run(small(2), weights, [1, 2, 3, 4, 5]);
    expect(f.attention).toHaveLength(2);
    expect(f.attention[0]).toHaveLength(2);
    expect(f.attention[0]?.[0]).toHaveLength(25);
    for (const layer of f.attention)
      for (const map of layer)
        for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) expect(map[i * 5 + j]).toBe(0);
    for (const sum of rowSums(f)) expect(sum).toBeCloseTo(1, 6);
    expect(f.logits).toHaveLength(5 * 7);
  });

  it('the first query can only attend to itself: weight 1', () => {
    const f = run(small(2), weights, [3]);
    for (const layer of f.attention) for (const map of layer) expect(map[0]).toBeCloseTo(1, 6);
  });

  it('GQA: two query heads with equal W^Q that share one KV head have identical maps; with MHA they differ', () => {
    const mqa = randomWeights(small(1), 5);
    const mha = randomWeights(small(2), 5);
    for (const w of [mqa, mha]) {
      const wq = w['layers.0.attn.wq'] as Float32Array;
      for (let r = 0; r < 8; r++) for (let d = 0; d < 4; d++) wq[r * 8 + 4 + d] = wq[r * 8 + d] ?? 0;
    }
    const ids = [0, 4, 2, 6, 1, 3];
    const shared = run(small(1), mqa, ids).attention[0] ?? [];
    expect(Array.from(shared[1] ?? [])).toEqual(Array.from(shared[0] ?? []));
    const separate = run(small(2), mha, ids).attention[0] ?? [];
    expect(Array.from(separate[1] ?? [])).not.toEqual(Array.from(separate[0] ?? []));
  });

  it('a sliding window of 3 gives zero weight to keys 3 or more positions back', () => {
    const config = small(2, 3);
    const f = run(config, randomWeights(config, 2), [1, 2, 3, 4, 5, 6, 0, 1]);
    for (const layer of f.attention)
      for (const map of layer)
        for (let i = 0; i < 8; i++) for (let j = 0; j <= i - 3; j++) expect(map[i * 8 + j]).toBe(0);
    for (const sum of rowSums(f)) expect(sum).toBeCloseTo(1, 6);
  });

  it('every row sums to 1 and nothing is NaN for any input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }), (ids) => {
        const f = run(small(2), weights, ids);
        for (const sum of rowSums(f)) expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
        expect(f.logits.every(Number.isFinite)).toBe(true);
        const probs = nextCharProbs(f, ids.length - 1);
        expect(probs.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
        const nll = meanNll(f, ids);
        if (ids.length > 1) expect(Number.isFinite(nll)).toBe(true);
        else expect(nll).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('a reused cache gives exactly the fresh result after appending, deleting and editing (property)', () => {
    const config = small(2, 5);
    const w = randomWeights(config, 9);
    const cache = createTinyCache(config);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (inputs) => {
          for (const ids of inputs) {
            const cached = tinyGptForward(config, w, ids, cache);
            const fresh = tinyGptForward(config, w, ids);
            expect(Array.from(cached.logits)).toEqual(Array.from(fresh.logits));
            expect(cached.attention.map((l) => l.map((m) => Array.from(m)))).toEqual(
              fresh.attention.map((l) => l.map((m) => Array.from(m))),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a cache made for another config', () => {
    expect(() => tinyGptForward(small(2), weights, [1], createTinyCache({ ...small(2), layers: 1 }))).toThrow(
      expect.objectContaining({ field: 'cache' }),
    );
  });

  it.each([
    [[], /ids must hold 1 to 12 characters, got 0/],
    [new Array(13).fill(0), /ids must hold 1 to 12 characters, got 13/],
    [[0, 7], /ids must be integers from 0 to 6, got 7/],
    [[0, 1.5], /ids must be integers from 0 to 6, got 1.5/],
  ])('refuses ids %j with an error naming ids', (ids, message) => {
    expect(() => run(small(2), weights, ids)).toThrow(message);
  });

  it('refuses weights of another variant, naming the tensor', () => {
    expect(() => run(small(1), weights, [1])).toThrow(/weights.layers.0.attn.wk must hold 32 values \[8, 4\], got 64/);
  });
});
