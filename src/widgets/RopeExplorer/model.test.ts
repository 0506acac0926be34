import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  distanceChart,
  methodRows,
  methodSentence,
  planes,
  readState,
  readout,
  toUrl,
  wavelengthChart,
  type RopeState,
} from './model';

const q = (s: string) => new URLSearchParams(s);

describe('RopeExplorer state in the URL', () => {
  it('reads prefixed keys and round-trips through toUrl', () => {
    const { state, notes } = readState(q('rope.dim=128&rope.base=500000&rope.pos=40&rope.method=yarn'));
    expect(notes).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_STATE, dim: 128, base: 500_000, pos: 40, method: 'yarn' });
    const url = new URLSearchParams(
      Object.entries(toUrl(state))
        .filter((e): e is [string, string | number] => e[1] !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(readState(url).state).toEqual(state);
    expect(Object.values(toUrl(DEFAULT_STATE)).every((v) => v === undefined)).toBe(true);
  });

  it('bad values fall back to defaults with a note naming the key', () => {
    const { state, notes } = readState(q('rope.dim=7&rope.pos=9999&rope.method=rope2&rope.offset=x'));
    expect(state).toEqual({ ...DEFAULT_STATE, pos: 512 });
    expect(notes).toEqual([
      'From the link: rope.dim "7" is not one of 16, 32, 64, 128; using 64.',
      'From the link: rope.pos "9999" is not in the range 0–512; using 512.',
      'From the link: rope.offset "x" is not an integer from 0 to 64; using 3.',
      'From the link: rope.method "rope2" is not one of pi, ntk, yarn, llama3; using llama3.',
    ]);
  });
});

describe('RopeExplorer view', () => {
  it('draws 8 planes from pair 0 to the slowest pair; pair 0 turns every 6.28 tokens', () => {
    const p = planes(DEFAULT_STATE);
    expect(p.map((x) => x.index)).toEqual([0, 4, 9, 13, 18, 22, 27, 31]);
    expect(p[0]!.wavelength).toBe('λ 6.28 tokens');
    expect(p[0]!.angle).toBe('171.9°');
  });

  it('the q–k angle in each plane depends on the offset only, not on the position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 512 }), fc.integer({ min: 0, max: 64 }), (pos, offset) => {
        const a = planes({ ...DEFAULT_STATE, pos, offset }).map((p) => p.angle);
        expect(a).toEqual(planes({ ...DEFAULT_STATE, pos: 0, offset }).map((p) => p.angle));
      }),
    );
  });

  it('the readout states the score, equal at any position for a given offset, and never NaN', () => {
    const text = readout(DEFAULT_STATE);
    expect(text).toMatch(/^Query at position 12, key at 9 \(offset 3\): q·k = -?\d\.\d\d × \|q\|²/);
    expect(text).toContain('pair 31 every 47,117 tokens.');
    const score = (s: RopeState) => /q·k = (-?[\d.]+)/.exec(readout(s))?.[1];
    expect(score({ ...DEFAULT_STATE, pos: 400 })).toBe(score(DEFAULT_STATE));
    expect(readout({ ...DEFAULT_STATE, offset: 0 })).toContain('q·k = 1.00 × |q|²');
  });

  it('the distance chart: the two absolute positions give the same curve; the bound starts near 1', () => {
    const { series } = distanceChart(DEFAULT_STATE);
    const [near, far, bound] = series;
    near!.points.forEach((p, i) => expect(Math.abs(p.y - (far!.points[i]?.y ?? NaN))).toBeLessThan(1e-9));
    expect(bound!.points[0]!.y).toBeLessThan(1);
    expect(series.flatMap((s) => s.points).every((p) => Number.isFinite(p.y))).toBe(true);
  });

  it('Llama 3.1 at d 128, b 500000, ×8 from 8192: keeps 29 pairs, blends 6, divides 29', () => {
    const s: RopeState = { ...DEFAULT_STATE, dim: 128, base: 500_000 };
    const llama = methodRows(s).find((r) => r.method === 'llama3')!;
    expect([llama.kept, llama.blended, llama.interpolated]).toEqual([29, 6, 29]);
    expect(methodSentence(s)).toBe(
      'Llama 3.1 ×8 from 8,192 tokens keeps 29 of 64 pairs, blends 6 and divides 29 by 8; the slowest pair now turns every 20,473,564 tokens.',
    );
    const pi = methodRows(s).find((r) => r.method === 'pi')!;
    expect(pi.interpolated).toBe(64);
  });

  it('the wavelength chart has the original, four methods and two flat context lines', () => {
    const chart = wavelengthChart(DEFAULT_STATE);
    expect(chart.series.map((s) => s.id)).toEqual(['none', 'pi', 'ntk', 'yarn', 'llama3', 'original', 'target']);
    expect(chart.series[0]!.points).toHaveLength(32);
  });
});
