import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from './modelSpec';
import {
  CHAMELEON,
  FLAMINGO,
  llava15Tokens,
  patchGrid,
  QWEN2_VL,
  qwen2vlResize,
  qwen2vlTokens,
  roundHalfEven,
  VIT_SETTINGS,
  vitTokens,
} from './vision';

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.field;
    throw error;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('ViT patch grids (Dosovitskiy et al. 2020, Eq. 1)', () => {
  it('ViT-B/16 at 224 px is 14 × 14 = 196 patches, 197 tokens with [CLS]', () => {
    const g = vitTokens('vit-b16-224');
    expect([g.rows, g.cols, g.patches, g.sequence]).toEqual([14, 14, 196, 197]);
  });
  it('ViT-B/16 at 336 px is 21 × 21 = 441 patches, 442 tokens', () => {
    const g = vitTokens('vit-b16-336');
    expect([g.rows, g.patches, g.sequence]).toEqual([21, 441, 442]);
  });
  it('ViT-B/16 at 384 px is 24 × 24 = 576 patches, 577 tokens', () => {
    expect(vitTokens('vit-b16-384').sequence).toBe(577);
  });
  it('ViT-L/14 at 224 px is 16 × 16 = 256 patches, 257 tokens', () => {
    const g = vitTokens('vit-l14-224');
    expect([g.rows, g.patches, g.sequence]).toEqual([16, 256, 257]);
  });
  it('ViT-L/14 at 336 px is 24 × 24 = 576 patches, 577 tokens', () => {
    const g = vitTokens('vit-l14-336');
    expect([g.rows, g.patches, g.sequence]).toEqual([24, 576, 577]);
  });
  it('every setting divides its resolution exactly', () => {
    for (const s of VIT_SETTINGS) expect(vitTokens(s.id).remainder).toEqual({ height: 0, width: 0 });
  });
  it('a 230 px side with 16 px patches drops 6 pixels (stride-16 conv)', () => {
    const g = patchGrid(230, 230, 16);
    expect([g.rows, g.patches, g.remainder.height]).toEqual([14, 196, 6]);
  });
  it('an unknown setting names the field "setting"', () => {
    expect(fieldOf(() => vitTokens('vit-h14-224'))).toBe('setting');
  });
  it('bad sizes name their field', () => {
    expect(fieldOf(() => patchGrid(0, 224, 16))).toBe('height');
    expect(fieldOf(() => patchGrid(224, 22.5, 16))).toBe('width');
    expect(fieldOf(() => patchGrid(224, 224, 300))).toBe('patch');
    expect(fieldOf(() => patchGrid(224, 224, 16, 2))).toBe('cls');
  });
});

describe('LLaVA-1.5', () => {
  it('puts 576 image tokens in the LLM sequence: 24 × 24 patches of CLIP ViT-L/14 at 336 px, [CLS] dropped', () => {
    const { grid, imageTokens } = llava15Tokens();
    expect(imageTokens).toBe(576);
    expect(grid.sequence).toBe(577);
  });
});

describe('Qwen2-VL smart_resize and tokens', () => {
  it('224 × 224 becomes 64 merged tokens, 66 with the vision markers (paper §2.1)', () => {
    const t = qwen2vlTokens(224, 224);
    expect([t.grid.patches, t.imageTokens, t.llmTokens]).toEqual([256, 64, 66]);
  });
  it('1280 × 720 is resized to 1288 × 728: 92 × 52 patches, 1,196 tokens', () => {
    const t = qwen2vlTokens(720, 1280);
    expect(t.resized).toEqual({ height: 728, width: 1288, mode: 'rounded' });
    expect([t.grid.cols, t.grid.rows, t.imageTokens, t.llmTokens]).toEqual([92, 52, 1196, 1198]);
  });
  it('1920 × 1080 becomes 1932 × 1092 and 2,691 tokens', () => {
    const t = qwen2vlTokens(1080, 1920);
    expect([t.resized.width, t.resized.height, t.imageTokens]).toEqual([1932, 1092, 2691]);
  });
  it('rounds ties to even like Python: 70 → 56, 98 → 112, 126 → 112', () => {
    expect(qwen2vlResize(70, 70)).toEqual({ height: 56, width: 56, mode: 'rounded' });
    expect(qwen2vlResize(98, 98).height).toBe(112);
    expect(qwen2vlResize(126, 126).height).toBe(112);
  });
  it('scales tiny images up to min_pixels: 10 × 10 becomes 56 × 56, 4 tokens', () => {
    const t = qwen2vlTokens(10, 10);
    expect(t.resized).toEqual({ height: 56, width: 56, mode: 'scaled-up' });
    expect(t.imageTokens).toBe(4);
  });
  it('scales huge images down to max_pixels: 8000 × 8000 becomes 3584 × 3584, 16,384 tokens', () => {
    const t = qwen2vlTokens(8000, 8000);
    expect(t.resized).toEqual({ height: 3584, width: 3584, mode: 'scaled-down' });
    expect(t.imageTokens).toBe(16384);
  });
  it('6000 × 4000 becomes 4368 × 2912 and 16,224 tokens', () => {
    const t = qwen2vlTokens(4000, 6000);
    expect([t.resized.width, t.resized.height, t.imageTokens]).toEqual([4368, 2912, 16224]);
  });
  it('a 1 × 200 strip keeps 28 × 196 pixels and 7 tokens', () => {
    expect(qwen2vlTokens(1, 200).imageTokens).toBe(7);
  });
  it('custom bounds: max_pixels 1280·28·28 scales 1920 × 1080 down to 1316 × 728, 1,222 tokens', () => {
    const t = qwen2vlTokens(1080, 1920, { maxPixels: 1280 * 28 * 28 });
    expect([t.resized.width, t.resized.height, t.imageTokens]).toEqual([1316, 728, 1222]);
  });
  it('rejects aspect ratios above 200:1, naming width', () => {
    expect(fieldOf(() => qwen2vlResize(1, 201))).toBe('width');
    expect(fieldOf(() => qwen2vlResize(10, 10, { minPixels: 10, maxPixels: 5 }))).toBe('minPixels');
  });
  it('roundHalfEven matches Python round()', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001, 7].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3, 7]);
  });
});

describe('fixed-count connectors', () => {
  it('Flamingo resamples every image to 64 latents and adds none to the sequence', () => {
    expect([FLAMINGO.latents, FLAMINGO.sequenceTokens]).toEqual([64, 0]);
  });
  it('Chameleon encodes a 512 × 512 image as 1024 tokens from an 8192-code book', () => {
    expect([CHAMELEON.resolution, CHAMELEON.tokens, CHAMELEON.codebook]).toEqual([512, 1024, 8192]);
  });
});

describe('properties', () => {
  const side = fc.integer({ min: 1, max: 20_000 });
  it('Qwen2-VL sides are multiples of 28 and the area respects the bounds', () => {
    fc.assert(
      fc.property(side, side, (h, w) => {
        fc.pre(Math.max(h, w) / Math.min(h, w) <= QWEN2_VL.maxRatio);
        const t = qwen2vlTokens(h, w);
        expect(t.resized.height % 28).toBe(0);
        expect(t.resized.width % 28).toBe(0);
        expect(t.resized.height * t.resized.width).toBeLessThanOrEqual(QWEN2_VL.maxPixels);
        expect(t.imageTokens).toBeGreaterThanOrEqual(4);
        expect(t.imageTokens).toBeLessThanOrEqual(16384);
        expect(Number.isInteger(t.imageTokens)).toBe(true);
      }),
    );
  });
  it('patch grids never cover more pixels than the image and leave less than one patch over', () => {
    fc.assert(
      fc.property(side, side, fc.integer({ min: 1, max: 64 }), (h, w, p) => {
        fc.pre(p <= Math.min(h, w));
        const g = patchGrid(h, w, p, 1);
        expect(g.rows * p).toBeLessThanOrEqual(h);
        expect(g.remainder.width).toBeLessThan(p);
        expect(g.sequence).toBe(g.patches + 1);
      }),
    );
  });
  it('bad input throws an InputError, never NaN', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -5, max: 0 })), (bad) => {
        fc.pre(!(Number.isInteger(bad) && bad >= 1));
        expect(() => qwen2vlTokens(bad, 100)).toThrow(InputError);
      }),
    );
  });
});
