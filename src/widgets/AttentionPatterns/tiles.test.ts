import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskMatrix, type MaskParams } from '../../core/masks';
import { summarizeTiles, tileSizeFor } from './tiles';

const params = (n: number, over: Partial<MaskParams> = {}): MaskParams => ({
  n,
  direction: 'causal',
  window: 4,
  dilation: 2,
  global: [],
  group: 4,
  chunk: 4,
  prefix: 4,
  ...over,
});

describe('tileSizeFor', () => {
  it('gives about four tiles a side in powers of two, at most 128', () => {
    expect([1, 7, 16, 64, 100, 512, 1024].map(tileSizeFor)).toEqual([1, 1, 4, 16, 32, 128, 128]);
  });
});

describe('summarizeTiles', () => {
  it('causal, 16 tokens, 4 × 4 tiles: 6 skipped above the diagonal, 6 unmasked below, 4 partial on it', () => {
    expect(summarizeTiles(maskMatrix('causal', params(16)), 16, 4)).toEqual({
      tile: 4,
      perSide: 4,
      total: 16,
      skipped: 6,
      full: 6,
      partial: 4,
    });
  });
  it('causal sliding W 4, 16 tokens, 4 × 4 tiles: 4 diagonal tiles partial, 3 below them partial, 9 skipped', () => {
    expect(summarizeTiles(maskMatrix('sliding', params(16)), 16, 4)).toMatchObject({
      skipped: 9,
      full: 0,
      partial: 7,
    });
  });
  it('chunked with C = tile: only the 4 diagonal tiles are computed, each with a causal mask inside', () => {
    expect(summarizeTiles(maskMatrix('chunked', params(16)), 16, 4)).toMatchObject({ skipped: 12, partial: 4 });
  });
  it('a last tile smaller than the others counts by its own size (N = 10, tile 4: 3 × 3 tiles)', () => {
    expect(summarizeTiles(maskMatrix('full', params(10)), 10, 4)).toEqual({
      tile: 4,
      perSide: 3,
      total: 9,
      skipped: 0,
      full: 9,
      partial: 0,
    });
  });
  it('property: skipped + full + partial is the number of tiles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 20 }), (n, tile) => {
        const s = summarizeTiles(maskMatrix('causal', params(n)), n, tile);
        expect(s.skipped + s.full + s.partial).toBe(s.total);
        expect(s.perSide).toBe(Math.ceil(n / tile));
      }),
    );
  });
});
