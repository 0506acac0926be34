import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from './modelSpec';
import { randn } from './random';
import {
  LLAMA31_SCALING,
  decayBound,
  dot,
  ropeBands,
  ropeFrequencies,
  ropeScore,
  rotate,
  rotateComplex,
  scaledFrequencies,
  wavelengths,
  yarnAttentionScale,
} from './rope';

const norm = (x: ArrayLike<number>) => Math.sqrt(dot(x, x));
const dims = fc.integer({ min: 1, max: 64 }).map((h) => 2 * h);
const bases = fc.constantFrom(10_000, 500_000, 1_000_000, 150_000);
const positions = fc.integer({ min: -100_000, max: 100_000 });

describe('RoPE frequencies and wavelengths', () => {
  it('θ_i = 10000^(−2i/128): θ_0 = 1, θ_63 = 1.1547819846894582e-4, λ_63 = 54,410 tokens', () => {
    const f = ropeFrequencies(128, 10_000);
    expect(f.length).toBe(64);
    expect(f[0]).toBe(1);
    expect(f[63]).toBeCloseTo(1.1547819846894582e-4, 15);
    expect(wavelengths(f)[63]).toBeCloseTo(54_410.14313077675, 6);
    expect(wavelengths(f)[0]).toBeCloseTo(2 * Math.PI, 12);
  });

  it('rejects an odd or out-of-range dim and a base ≤ 1, naming the field', () => {
    expect(() => ropeFrequencies(7, 10_000)).toThrow(/dim must be an even integer/);
    expect(() => ropeFrequencies(0, 10_000)).toThrow(InputError);
    expect(() => ropeFrequencies(64, 1)).toThrow(/base must be a number greater than 1/);
    expect(() => ropeFrequencies(64, Number.NaN)).toThrow(/base/);
  });
});

describe('RoPE rotation (Su et al. 2021, eq. 14–16)', () => {
  it('⟨R_m q, R_n k⟩ = ⟨R_{m−n} q, k⟩ to 1e-6 for any dim, base, positions and vectors', () => {
    fc.assert(
      fc.property(dims, bases, positions, positions, fc.integer({ min: 1, max: 1e6 }), (d, b, m, n, seed) => {
        const f = ropeFrequencies(d, b);
        const q = randn(d, seed);
        const k = randn(d, seed + 1);
        const lhs = ropeScore(q, k, m, n, f);
        const rhs = dot(rotate(q, m - n, f), k);
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-6 * Math.max(1, norm(q) * norm(k)));
      }),
    );
  });

  it('rotation preserves the norm of every vector', () => {
    fc.assert(
      fc.property(dims, bases, positions, fc.integer({ min: 1, max: 1e6 }), (d, b, m, seed) => {
        const x = randn(d, seed);
        expect(norm(rotate(x, m, ropeFrequencies(d, b)))).toBeCloseTo(norm(x), 9);
      }),
    );
  });

  it('the real-matrix form equals the complex-number form x·e^(imθ) element by element', () => {
    fc.assert(
      fc.property(dims, bases, positions, fc.integer({ min: 1, max: 1e6 }), (d, b, m, seed) => {
        const f = ropeFrequencies(d, b);
        const x = randn(d, seed);
        const real = rotate(x, m, f);
        const complex = rotateComplex(x, m, f);
        real.forEach((v, i) => expect(Math.abs(v - (complex[i] ?? Number.NaN))).toBeLessThan(1e-12));
      }),
    );
  });

  it('rotating (1, 0) by position 1 with θ_0 = 1 gives (cos 1, sin 1)', () => {
    const out = rotate([1, 0], 1, [1]);
    expect(out[0]).toBeCloseTo(0.5403023058681398, 15);
    expect(out[1]).toBeCloseTo(0.8414709848078965, 15);
  });

  it('a vector of the wrong length is an input error naming x', () => {
    expect(() => rotate([1, 2, 3], 0, [1])).toThrow(/x must have 2 · 1 = 2 elements/);
  });

  it("Su et al.'s relative bound is 1 at distance 0 and below 0.2 at distance 1000 (d = 128, b = 10000)", () => {
    const f = ropeFrequencies(128, 10_000);
    expect(decayBound(f, 0)).toBeCloseTo(1, 12);
    expect(decayBound(f, 1000)).toBeLessThan(0.2);
    expect(decayBound(f, 10)).toBeGreaterThan(decayBound(f, 1000));
  });
});

describe('context extension', () => {
  const llama = (i: number) => scaledFrequencies(128, 500_000, 'llama3', LLAMA31_SCALING)[i];

  it('Llama 3.1 (d 128, b 500000, ×8, factors 1/4, L 8192): bands 0–28 kept, 35–63 divided by 8, 29–34 blended', () => {
    expect(llama(0)).toBe(1);
    expect(llama(28)).toBeCloseTo(0.003211445994752591, 15);
    expect(llama(29)).toBeCloseTo(0.002166570763503359, 15);
    expect(llama(30)).toBeCloseTo(0.0013718935677611381, 15);
    expect(llama(32)).toBeCloseTo(0.0005248461609929547, 15);
    expect(llama(34)).toBeCloseTo(0.0001785078127679964, 15);
    expect(llama(35)).toBeCloseTo(9.556212353964683e-5, 17);
    expect(llama(63)).toBeCloseTo(3.068925988914511e-7, 19);
    const bands = ropeBands(128, 500_000, 'llama3', LLAMA31_SCALING, 8192);
    expect(bands.filter((b) => b.regime === 'kept').length).toBe(29);
    expect(bands.filter((b) => b.regime === 'blended').map((b) => b.index)).toEqual([29, 30, 31, 32, 33, 34]);
    expect(bands.filter((b) => b.regime === 'interpolated').length).toBe(29);
  });

  it('Position Interpolation divides every frequency by s', () => {
    const f = scaledFrequencies(64, 10_000, 'pi', { factor: 4, originalContext: 2048 });
    expect(f[0]).toBe(0.25);
    expect(f[10]).toBeCloseTo(10_000 ** (-20 / 64) / 4, 15);
  });

  it('NTK-aware scaling raises the base to b·s^(d/(d−2)): 10000 × 8 at d 128 gives θ_63 = 1.4434774808618228e-5', () => {
    const f = scaledFrequencies(128, 10_000, 'ntk', { factor: 8, originalContext: 4096 });
    expect(f[0]).toBe(1);
    expect(f[63]).toBeCloseTo(1.4434774808618228e-5, 18);
  });

  it('YaRN (α 1, β 32, s 16, L 4096, d 128, b 10000) keeps band 20, ramps band 30, interpolates band 40', () => {
    const f = scaledFrequencies(128, 10_000, 'yarn', { factor: 16, originalContext: 4096 });
    expect(f[20]).toBeCloseTo(0.05623413251903491, 15);
    expect(f[30]).toBeCloseTo(0.0039359885906847455, 15);
    expect(f[40]).toBeCloseTo(0.00029915572499668254, 16);
    expect(yarnAttentionScale(16)).toBeCloseTo(1.2772588722239782, 14);
    expect(yarnAttentionScale(1)).toBe(1);
  });

  it('every method leaves θ_0 ≥ its PI value and never raises a frequency', () => {
    fc.assert(
      fc.property(
        dims.filter((d) => d >= 4),
        bases,
        fc.constantFrom('pi', 'ntk', 'yarn', 'llama3', 'none' as const),
        fc.double({ min: 1, max: 64, noNaN: true }),
        (d, b, method, s) => {
          const theta = ropeFrequencies(d, b);
          const scaled = scaledFrequencies(d, b, method, { factor: s, originalContext: 8192 });
          scaled.forEach((v, i) => {
            const t = theta[i] ?? Number.NaN;
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeLessThanOrEqual(t * (1 + 1e-12));
            expect(v).toBeGreaterThanOrEqual((t / s) * (1 - 1e-12) * (method === 'ntk' ? 0 : 1));
          });
        },
      ),
    );
  });

  it('a factor below 1 or a bad original context is an input error naming the field', () => {
    expect(() => scaledFrequencies(64, 10_000, 'pi', { factor: 0.5, originalContext: 4096 })).toThrow(/factor/);
    expect(() => scaledFrequencies(64, 10_000, 'pi', { factor: 2, originalContext: 0 })).toThrow(/originalContext/);
  });
});
