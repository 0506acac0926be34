import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from './modelSpec';
import {
  acceptanceRate,
  expectedTokens,
  optimalDraftLength,
  roundAt,
  simulateRounds,
  toyDistributions,
  walltimeSpeedup,
} from './speculative';

describe('expected tokens and speed-up (Leviathan et al. eq. 1, Theorem 3.8)', () => {
  it('expectedTokens(α 0.8, k 4) is (1 − 0.8⁵)/0.2 = 3.3616', () => {
    expect(expectedTokens(0.8, 4)).toBeCloseTo(3.3616, 12);
  });

  it('expectedTokens is 1 at α = 0 and k + 1 at α = 1', () => {
    expect(expectedTokens(0, 7)).toBe(1);
    expect(expectedTokens(1, 7)).toBe(8);
  });

  it('walltimeSpeedup(α 0.8, k 4, c 0.05) is 3.3616 / 1.2 = 2.80133…', () => {
    expect(walltimeSpeedup(0.8, 4, 0.05)).toBeCloseTo(2.8013333333333335, 12);
  });

  it('the optimal draft length: k 8 (3.0921×) at α 0.8, c 0.05; k 3 at α 0.6, c 0.1; k 19 at α 0.9, c 0.02', () => {
    expect(optimalDraftLength(0.8, 0.05)).toEqual({ k: 8, speedup: expect.closeTo(3.0920795428571433, 12) });
    expect(optimalDraftLength(0.6, 0.1).k).toBe(3);
    expect(optimalDraftLength(0.9, 0.02).k).toBe(19);
    expect(optimalDraftLength(0.5, 0.5)).toEqual({ k: 1, speedup: 1 });
  });

  it('E lies in [1, k + 1] and grows with α and with k', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 40 }), (alpha, k) => {
        const e = expectedTokens(alpha, k);
        return (
          e >= 1 - 1e-12 &&
          e <= k + 1 + 1e-9 &&
          expectedTokens(alpha, k + 1) >= e - 1e-12 &&
          expectedTokens(Math.min(1, alpha + 0.01), k) >= e - 1e-9
        );
      }),
    );
  });

  it('names the field and range of bad input', () => {
    expect(() => expectedTokens(1.2, 3)).toThrow('alpha must be a number from 0 to 1, got 1.2');
    expect(() => expectedTokens(0.5, -1)).toThrow('k must be an integer from 0 to 64, got -1');
    expect(() => walltimeSpeedup(0.5, 3, Number.NaN)).toThrow(InputError);
  });
});

describe('toy draft and target distributions', () => {
  it('overlap by exactly α: Σ min(p, q) = α for any α', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (alpha) => {
        const { p, q } = toyDistributions(alpha);
        const sum = (d: Float64Array) => d.reduce((a, b) => a + b, 0);
        return (
          Math.abs(acceptanceRate(p, q) - alpha) < 1e-12 && Math.abs(sum(p) - 1) < 1e-12 && Math.abs(sum(q) - 1) < 1e-12
        );
      }),
    );
  });
});

describe('simulated draft-and-verify rounds (seeded)', () => {
  it('200,000 rounds at α 0.8, k 4 average within 0.015 of the formula 3.3616 tokens per target step', () => {
    const sim = simulateRounds(0.8, 4, 200_000, 7);
    expect(Math.abs(sim.runningMean[199_999]! - 3.3616)).toBeLessThan(0.015);
  });

  it('every emitted token is distributed as the target p (each share within 0.005 over 200,000 rounds)', () => {
    const sim = simulateRounds(0.6, 3, 200_000, 11);
    const { p } = toyDistributions(0.6);
    for (let x = 0; x < p.length; x++) expect(Math.abs(sim.emitted[x]! / sim.tokens - p[x]!)).toBeLessThan(0.005);
  });

  it('converges for other settings too: α 0.5, k 2 → 1.75 and α 0.95, k 8 → 7.395 within 0.02', () => {
    expect(Math.abs(simulateRounds(0.5, 2, 100_000, 3).runningMean[99_999]! - 1.75)).toBeLessThan(0.02);
    const e = expectedTokens(0.95, 8);
    expect(e).toBeCloseTo(7.395011805507812, 12);
    expect(Math.abs(simulateRounds(0.95, 8, 100_000, 5).runningMean[99_999]! - e)).toBeLessThan(0.02);
  });

  it('is reproducible from its seed and records the first rounds token by token', () => {
    const a = simulateRounds(0.7, 5, 50, 42, 10);
    const b = simulateRounds(0.7, 5, 50, 42, 10);
    expect(a.drafted).toEqual(b.drafted);
    expect(a.kept).toBe(10);
    expect(roundAt(a, 10)).toBeNull();
    for (let r = 0; r < 10; r++) {
      const round = roundAt(a, r)!;
      expect(round.drafted).toHaveLength(5);
      expect(round.accepted).toBeLessThanOrEqual(5);
      expect(round.bonus).toBe(round.accepted === 5);
    }
    const tokens = Array.from({ length: 10 }, (_, r) => roundAt(a, r)!.accepted + 1).reduce((x, y) => x + y, 0);
    expect(a.runningMean[9]).toBeCloseTo(tokens / 10, 12);
  });

  it('at α = 1 every draft is accepted; at α = 0 none is', () => {
    expect(simulateRounds(1, 4, 100, 1).runningMean[99]).toBe(5);
    expect(simulateRounds(0, 4, 100, 1).runningMean[99]).toBe(1);
  });
});
