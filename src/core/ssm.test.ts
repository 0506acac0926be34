import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedSequence } from './embed';
import { randn } from './random';
import {
  chunkedScan,
  discretize,
  ltiConvolution,
  ltiKernel,
  selectionWeights,
  selectiveInputs,
  selectiveScan,
  type ScanInputs,
} from './ssm';

const maxDiff = (a: Float64Array, b: Float64Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] ?? 0))), 0);

/** A time-invariant SSM: the same Δ (per channel), B and C at every token. */
function lti(T: number, D: number, N: number, seed: number): ScanInputs {
  const delta = Float64Array.from(randn(D, seed), (v) => 0.05 + Math.abs(v) * 0.3);
  const B = Float64Array.from(randn(N, seed + 1));
  const C = Float64Array.from(randn(N, seed + 2));
  return {
    tokens: T,
    channels: D,
    stateSize: N,
    x: Float64Array.from(randn(T * D, seed + 3)),
    delta: Float64Array.from({ length: T * D }, (_, i) => delta[i % D] ?? 0),
    B: Float64Array.from({ length: T * N }, (_, i) => B[i % N] ?? 0),
    C: Float64Array.from({ length: T * N }, (_, i) => C[i % N] ?? 0),
    A: Float64Array.from({ length: D * N }, (_, i) => -((i % N) + 1)),
    skip: new Float64Array(D).fill(1),
  };
}

describe('discretisation (zero-order hold vs Mamba simplification)', () => {
  it('ZOH with a = −1, Δ = 0.5 gives Ā = e^−0.5 = 0.6065306597126334 and B̄/B = 1 − e^−0.5 = 0.3934693402873666', () => {
    const z = discretize(-1, 0.5, 'zoh');
    expect(z.aBar).toBeCloseTo(0.6065306597126334, 15);
    expect(z.bScale).toBeCloseTo(0.3934693402873666, 15);
    expect(discretize(-1, 0.5, 'simplified')).toEqual({ aBar: z.aBar, bScale: 0.5 });
  });

  it('ZOH and the simplification agree to first order as Δ → 0', () => {
    const z = discretize(-3, 1e-6, 'zoh');
    expect(Math.abs(z.bScale - 1e-6) / 1e-6).toBeLessThan(1e-5);
  });

  it('a one-state impulse response decays as 0.3934693402873666, 0.2386512185411911, 0.1447492810230125', () => {
    const s: ScanInputs = {
      tokens: 3,
      channels: 1,
      stateSize: 1,
      x: Float64Array.from([1, 0, 0]),
      delta: Float64Array.from([0.5, 0.5, 0.5]),
      B: Float64Array.from([1, 1, 1]),
      C: Float64Array.from([1, 1, 1]),
      A: Float64Array.from([-1]),
      skip: Float64Array.from([0]),
    };
    const { y } = selectiveScan(s);
    expect(y[0]).toBeCloseTo(0.3934693402873666, 15);
    expect(y[1]).toBeCloseTo(0.2386512185411911, 15);
    expect(y[2]).toBeCloseTo(0.1447492810230125, 15);
  });
});

describe('three evaluations of one SSM', () => {
  it('time-invariant SSM: the recurrent form equals the convolutional form to 1e-10', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom('zoh' as const, 'simplified' as const),
        (T, D, N, seed, method) => {
          const s = lti(T, D, N, seed);
          expect(maxDiff(selectiveScan(s, method).y, ltiConvolution(s, method))).toBeLessThan(1e-10);
        },
      ),
    );
  });

  it('selective SSM: a chunked scan equals the sequential scan to 1e-10 for any chunk size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom('zoh' as const, 'simplified' as const),
        (T, D, N, chunk, seed, method) => {
          const w = selectionWeights(D, N, seed, { dtMin: 0.01, dtMax: 1 });
          const s = selectiveInputs(w, Float64Array.from(randn(T * D, seed + 9)));
          const seq = selectiveScan(s, method);
          const chunked = chunkedScan(s, chunk, method);
          expect(maxDiff(seq.y, chunked.y)).toBeLessThan(1e-10);
          expect(maxDiff(seq.states, chunked.states)).toBeLessThan(1e-10);
        },
      ),
    );
  });

  it('the convolution form refuses a selective SSM, naming delta', () => {
    const w = selectionWeights(2, 2, 1);
    const s = selectiveInputs(w, embedSequence(['a', 'b', 'c'], 2, 1));
    expect(() => ltiKernel(s)).toThrow(/convolution form needs Δ, B and C that do not change/);
  });
});

describe('selection mechanism', () => {
  it('Δ depends on the token: two different characters get different Δ, the same character the same Δ', () => {
    const w = selectionWeights(4, 8, 7, { dtMin: 0.01, dtMax: 1 });
    const s = selectiveInputs(w, embedSequence(['a', 'b', 'a'], 4, 3));
    expect(s.delta.slice(0, 4)).toEqual(s.delta.slice(8, 12));
    expect(s.delta.slice(0, 4)).not.toEqual(s.delta.slice(4, 8));
    expect(s.delta.every((v) => v > 0)).toBe(true);
  });

  it('A follows S4D-real: A[d][n] = −(n + 1)', () => {
    expect(Array.from(selectionWeights(2, 3, 1).A)).toEqual([-1, -2, -3, -1, -2, -3]);
  });

  it('bad shapes and signs are input errors naming the field', () => {
    const s = lti(3, 2, 2, 1);
    expect(() => selectiveScan({ ...s, x: new Float64Array(5) })).toThrow(/x must have 6 elements/);
    expect(() => selectiveScan({ ...s, A: Float64Array.from([1, -1, -1, -1]) })).toThrow(/A must be negative/);
    expect(() => selectiveScan({ ...s, delta: new Float64Array(6) })).toThrow(/delta must be positive/);
    expect(() => chunkedScan(s, 0)).toThrow(/chunk must be an integer/);
    expect(() => selectiveInputs(selectionWeights(2, 2, 1), new Float64Array(3))).toThrow(/x must hold T × 2/);
  });
});
