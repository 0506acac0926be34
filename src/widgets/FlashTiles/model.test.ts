import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, hbmView, inWords, readState, runFlash, tileCount, tileView, toUrl, withSizes } from './model';

describe('FlashTiles tiles', () => {
  const run = runFlash(DEFAULT_STATE);

  it('12 tokens in 4 × 4 tiles: 9 tiles; before the first, every row starts at m = −∞, ℓ = 0', () => {
    expect(tileCount(DEFAULT_STATE)).toBe(9);
    const v = tileView(run, 12, 0);
    expect(v.rows).toEqual([]);
    expect(v.cells.every((c) => c.state === 'pending')).toBe(true);
    expect(v.readout).toBe('Before the first tile: every row starts with m = −∞ and ℓ = 0. Step through the 9 tiles.');
  });

  it('tile 4 (queries 1–4 × keys 5–8) raises row 3’s maximum and rescales its ℓ by e^(0.645 − 2.123) = 0.228', () => {
    const v = tileView(run, 12, 4);
    expect(v.caption).toBe('Tile 4 of 9 · queries 1–4 × keys 5–8');
    expect(v.rows[2]).toEqual({
      row: 3,
      mBefore: '0.645',
      tileMax: '2.123',
      mAfter: '2.123',
      rescale: '0.228',
      lBefore: '2.380',
      lAfter: '1.758',
      raised: true,
    });
    expect(v.rows.filter((r) => r.raised).map((r) => r.row)).toEqual([3]);
    expect(v.readout).toBe(
      "Tile 4 of 9 · queries 1–4 × keys 5–8: row 3's maximum rises from 0.645 to 2.123, so its old ℓ and O are " +
        'rescaled by e^(0.645 − 2.123) = 0.228 before the tile is added: ℓ 2.380 → 1.758.',
    );
    expect(v.cells.filter((c) => c.state === 'current')).toHaveLength(16);
    expect(v.cells.filter((c) => c.state === 'done')).toHaveLength(48);
    expect(v.cells.every((c) => c.heat >= 0 && c.heat <= 1)).toBe(true);
  });

  it('after the last tile the output equals naive attention to 1e-6, and the readout says so', () => {
    expect(run.maxError).toBeLessThan(1e-6);
    const v = tileView(run, 12, 9);
    expect(v.check).toMatch(
      /^All 9 tiles done: the output matches naive attention to \d\.\de-1\d \(max \|Δ\| over 48 numbers\)\.$/,
    );
    expect(v.readout).toContain(v.check!);
  });

  it('causal: tile 4 lies above the diagonal and is skipped; 48 masked cells are never loaded', () => {
    const causal = runFlash({ ...DEFAULT_STATE, causal: true });
    const v = tileView(causal, 12, 4);
    expect(v.readout).toBe(
      'Tile 4 of 9 · queries 1–4 × keys 5–8: skipped, every key follows every query under the causal mask.',
    );
    expect(v.cells.filter((c) => c.state === 'skipped')).toHaveLength(48);
    expect(causal.maxError).toBeLessThan(1e-6);
  });
});

describe('FlashTiles model of HBM accesses', () => {
  it('N 4,096, d 64, 192 KiB: 68.2 million against 9.63 million elements, 7.1× fewer; 11 passes of B_c 384', () => {
    const h = hbmView(DEFAULT_STATE);
    expect(h.sram).toBe(98_304);
    expect(h.sentence).toBe(
      'At N = 4,096, d = 64, M = 98,304 elements (192 KiB of fp16): standard attention reads and writes 68.2 ' +
        'million elements of HBM, the tiled kernel 9.63 million: 7.1× fewer.',
    );
    expect(h.blocks).toBe('B_c = ⌈M/4d⌉ = 384, B_r = 64, T_c = 11 passes');
    expect(h.series.map((s) => s.points.length)).toEqual([37, 37]);
  });

  it('inWords spells the suffix out: 68,157,440 → "68.2 million", 950 → "950"', () => {
    expect(inWords(68_157_440)).toBe('68.2 million');
    expect(inWords(950)).toBe('950');
  });
});

describe('FlashTiles state', () => {
  it('bad link values fall back with notes naming the key', () => {
    const { state, notes } = readState(new URLSearchParams('flash.n=99&flash.step=40&flash.d=65'));
    expect(state.n).toBe(12);
    expect(state.step).toBe(9);
    expect(state.headDim).toBe(64);
    expect(notes).toEqual([
      'From the link: flash.n "99" is not one of 8, 12, 16; using 12.',
      'From the link: flash.step "40" is not in the range 0–9; using 9.',
      'From the link: flash.d "65" is not one of 64, 128, 256; using 64.',
    ]);
  });

  it('round-trips through the URL and leaves defaults out', () => {
    expect(toUrl(DEFAULT_STATE)).toEqual(
      Object.fromEntries(['n', 'br', 'bc', 'causal', 'step', 'seq', 'd', 'sram'].map((k) => [`flash.${k}`, undefined])),
    );
    const changed = { ...DEFAULT_STATE, n: 16 as const, bc: 8 as const, step: 2, causal: true };
    const query = new URLSearchParams(
      Object.entries(toUrl(changed)).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    expect(readState(query).state).toEqual(changed);
  });

  it('shrinking n re-clamps block sizes and the step', () => {
    const s = withSizes({ ...DEFAULT_STATE, n: 16, br: 8, bc: 8, step: 4 }, { n: 8 });
    expect([s.br, s.bc, s.step]).toEqual([8, 8, 1]);
  });
});
