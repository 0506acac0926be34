import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, N, distanceView, headView, readState, slopeChips, slopeText, toUrl } from './model';

describe('ALiBi head view', () => {
  it('head 1 of 8 (m = 1/2) pulls query 12 toward its 3 newest keys: 67% of the weight, against 16% without', () => {
    const v = headView(DEFAULT_STATE);
    expect(v.readout).toBe(
      "Head 1 of 8, slope m = 1/2: query 12's bias falls by 0.500 per token back, to −5.500 at key 1. Its 3 most " +
        'recent keys get 67% of the weight with ALiBi, 16% without.',
    );
    expect(v.rows).toHaveLength(12);
    expect(v.rows[1]).toEqual({ key: 11, score: '0.510', bias: '−0.500', plain: '12%', biased: '41%' });
  });

  it('the bias map is 0 on the diagonal, 1 at the far corner, masked above the diagonal', () => {
    const { bias, weights } = headView(DEFAULT_STATE);
    expect(bias[0]!.heat).toBe(0);
    expect(bias[(N - 1) * N]!.heat).toBe(1);
    expect(bias[1]!.heat).toBeNull();
    expect(weights.filter((c) => c.heat === null)).toHaveLength((N * (N - 1)) / 2);
  });

  it('the shallowest head barely changes the weights; query 1 only sees itself', () => {
    expect(headView({ heads: 8, head: 8, query: 12 }).readout).toContain('17% of the weight with ALiBi, 16% without');
    expect(headView({ ...DEFAULT_STATE, query: 1 }).readout).toBe(
      'Head 1 of 8, slope m = 1/2: query 1 sees only itself, so it keeps all its weight there with or without the bias.',
    );
  });

  it('slopes read as fractions for powers of two, as 2^−x otherwise; 12 heads follow the reference rule', () => {
    expect(slopeText(1 / 256)).toBe('1/256');
    expect(slopeChips({ heads: 12, head: 9, query: 1 }).map((c) => c.text)).toEqual([
      '1/2',
      '1/4',
      '1/8',
      '1/16',
      '1/32',
      '1/64',
      '1/128',
      '1/256',
      '2^−0.5 ≈ 0.707',
      '2^−1.5 ≈ 0.354',
      '2^−2.5 ≈ 0.177',
      '2^−3.5 ≈ 0.088',
    ]);
  });
});

describe('ALiBi against RoPE over distance', () => {
  it('all curves start at |x|²/√d; ALiBi falls by exactly m per token, RoPE stays within ±|x|²/√d', () => {
    const { series } = distanceView(DEFAULT_STATE);
    expect(series.map((s) => s.label)).toEqual([
      'ALiBi, head 1 (m = 1/2)',
      'ALiBi, head 8 (m = 1/256)',
      'RoPE (d = 64, base 10,000)',
    ]);
    const start = series[0]!.points[0]!.y;
    for (const s of series) expect(s.points[0]!.y).toBeCloseTo(start, 10);
    expect(series[0]!.points[64]!.y).toBeCloseTo(start - 32, 10);
    expect(series[2]!.points.every((p) => Math.abs(p.y) <= start + 1e-9)).toBe(true);
  });
});

describe('ALiBi state', () => {
  it('bad link values fall back with notes; the head is clamped to the head count', () => {
    const { state, notes } = readState(new URLSearchParams('alibi.heads=6&alibi.head=20'));
    expect(state).toEqual({ heads: 8, head: 8, query: 12 });
    expect(notes).toEqual([
      'From the link: alibi.heads "6" is not one of 4, 8, 12, 16; using 8.',
      'From the link: alibi.head "20" is not in the range 1–8; using 8.',
    ]);
  });

  it('round-trips through the URL', () => {
    const changed = { heads: 12 as const, head: 10, query: 4 };
    const query = new URLSearchParams(
      Object.entries(toUrl(changed)).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    expect(readState(query).state).toEqual(changed);
  });
});
