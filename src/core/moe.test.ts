import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedSequence } from './embed';
import {
  assignmentsOffBalance,
  balanceLoss,
  biasBalancing,
  biasUpdate,
  loadImbalance,
  route,
  routerLogits,
  routerScores,
  seededRouter,
} from './moe';
import { randn } from './random';

const WORDS = 'the quick brown fox jumps over the lazy dog while a small cat watches from the warm window'.split(' ');

/** Scores of a seeded batch whose embeddings share a mean direction (so an untrained router is unbalanced). */
function batch(seed: number, scoring: 'softmax' | 'sigmoid', E = 8, d = 16) {
  const x = embedSequence(WORDS, d, seed, { mean: Float64Array.from(randn(d, 99 + seed, 0.8)) });
  return routerScores(routerLogits(x, seededRouter(E, d, seed + 10), d), E, scoring);
}

const scoresArb = fc
  .record({
    T: fc.integer({ min: 1, max: 20 }),
    E: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
  })
  .chain(({ T, E, seed }) =>
    fc.record({
      T: fc.constant(T),
      E: fc.constant(E),
      k: fc.integer({ min: 1, max: E }),
      scoring: fc.constantFrom('softmax' as const, 'sigmoid' as const),
      logits: fc.constant(Float64Array.from(randn(T * E, seed, 2))),
    }),
  );

describe('router scores and top-k routing', () => {
  it('softmax rows sum to 1; sigmoid scores lie in (0, 1); logits 0 give 1/E and 0.5', () => {
    expect(Array.from(routerScores(new Float64Array(4), 4, 'softmax'))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(routerScores(new Float64Array(2), 2, 'sigmoid'))).toEqual([0.5, 0.5]);
  });

  it('loads sum to tokens·k, every token picks k distinct experts, renormalised gates sum to 1', () => {
    fc.assert(
      fc.property(scoresArb, ({ T, E, k, scoring, logits }) => {
        const r = route(routerScores(logits, E, scoring), E, { topK: k });
        expect(r.load.reduce((a, b) => a + b, 0)).toBe(T * k);
        for (let t = 0; t < T; t++) {
          expect(new Set(r.selected.subarray(t * k, (t + 1) * k)).size).toBe(k);
          expect(r.gates.subarray(t * k, (t + 1) * k).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('top-2 of softmax scores [0.1, 0.6, 0.3] picks experts 1 and 2 with gates 2/3 and 1/3 (Mixtral) or 0.6 and 0.3 (Switch)', () => {
    const scores = Float64Array.from([0.1, 0.6, 0.3]);
    const mixtral = route(scores, 3, { topK: 2 });
    expect(Array.from(mixtral.selected)).toEqual([1, 2]);
    expect(mixtral.gates[0]).toBeCloseTo(2 / 3, 15);
    expect(mixtral.gates[1]).toBeCloseTo(1 / 3, 15);
    expect(Array.from(route(scores, 3, { topK: 2, renormalize: false }).gates)).toEqual([0.6, 0.3]);
  });

  it('a bias changes the selection but not the gate values (DeepSeek-V3: bias only for selection)', () => {
    const scores = Float64Array.from([0.9, 0.8, 0.1]);
    const r = route(scores, 3, { topK: 1, bias: Float64Array.from([0, 0, 1]), renormalize: false });
    expect(Array.from(r.selected)).toEqual([2]);
    expect(Array.from(r.gates)).toEqual([0.1]);
  });
});

describe('Switch balance loss (without α)', () => {
  it('is exactly 1 at perfect balance: 8 tokens, 8 experts, each token preferring a different expert (circulant)', () => {
    const E = 8;
    const profile = [0.3, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05];
    const scores = Float64Array.from({ length: E * E }, (_, i) => profile[((i % E) - Math.floor(i / E) + E) % E] ?? 0);
    const r = route(scores, E, { topK: 2 });
    expect(Array.from(r.load)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(balanceLoss(r)).toBeCloseTo(1, 14);
    expect(loadImbalance(r.load)).toBe(1);
  });

  it('is E when every token sends everything to one expert with probability 1', () => {
    const scores = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0]);
    expect(balanceLoss(route(scores, 4, { topK: 1 }))).toBe(4);
  });
});

describe('DeepSeek-V3 bias balancing', () => {
  it('biasUpdate lowers overloaded experts by γ and raises underloaded ones by γ', () => {
    const next = biasUpdate(new Float64Array(3), Int32Array.from([5, 1, 3]), 0.01);
    expect(Array.from(next)).toEqual([-0.01, 0.01, 0]);
    expect(() => biasUpdate(new Float64Array(3), Int32Array.from([1, 1, 1]), -1)).toThrow(/gamma must be/);
  });

  it('moves the load toward balance: the mean max/mean load over steps 41–60 is below step 0 for seeded batches', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8])
      for (const scoring of ['softmax', 'sigmoid'] as const) {
        const history = biasBalancing(batch(seed, scoring), 8, { topK: 2, gamma: 0.01, steps: 60 });
        const late = history.slice(41).reduce((s, h) => s + h.imbalance, 0) / 20;
        expect(late).toBeLessThan(history[0]!.imbalance);
        expect(history[60]!.routing.load.reduce((a, b) => a + b, 0)).toBe(WORDS.length * 2);
      }
  });

  it('assignmentsOffBalance: loads 9, 0, 2, 7, 8, 6, 0, 0 need 14 of 32 assignments moved; equal loads need none', () => {
    expect(assignmentsOffBalance(Int32Array.from([9, 0, 2, 7, 8, 6, 0, 0]))).toBe(14);
    expect(assignmentsOffBalance(Int32Array.from([4, 4, 4, 4]))).toBe(0);
  });

  it('with sigmoid scores and γ = 0.01, fewer assignments are off balance after 40 steps than at step 0', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const history = biasBalancing(batch(seed, 'sigmoid'), 8, { topK: 2, gamma: 0.01, steps: 40 });
      expect(history[40]!.offBalance).toBeLessThan(history[0]!.offBalance);
    }
  });

  it('γ = 0 leaves the routing unchanged', () => {
    const history = biasBalancing(batch(1, 'sigmoid'), 8, { topK: 2, gamma: 0, steps: 3 });
    expect(Array.from(history[3]!.routing.load)).toEqual(Array.from(history[0]!.routing.load));
  });
});

describe('input errors', () => {
  it('name the field and range', () => {
    expect(() => route(new Float64Array(4), 2, { topK: 3 })).toThrow(/topK must be an integer from 1 to 2/);
    expect(() => routerLogits(new Float64Array(5), new Float64Array(4), 2)).toThrow(/x must hold T × 2/);
    expect(() => route(new Float64Array(4), 2, { topK: 1, bias: new Float64Array(3) })).toThrow(/bias must have 2/);
  });
});
