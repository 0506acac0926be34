import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutFor, positionAt, stripLayout, tokenInfo, MAX_TILES } from './model';
import { pictureColor, renderPicture } from './picture';
import { DEFAULT_PATCH_STATE, fromUrl, SCHEMES, toUrl, type PatchState } from './state';
import { countRows, fusionDiagrams, kvRows, safeQwen } from './tables';
import { buildPatchView } from './view';

const at = (patch: Partial<PatchState>) => ({ ...DEFAULT_PATCH_STATE, ...patch });

describe('layouts', () => {
  it('ViT-B/16 at 224 px: 14 × 14 cells of 16 px, [CLS] first, 197 positions', () => {
    const { layout } = layoutFor(at({ scheme: 'vit-b16-224' }));
    expect([layout.rows, layout.cols, layout.cell, layout.sequence]).toEqual([14, 14, 16, 197]);
    expect(layout.prefix).toEqual(['[CLS]']);
    expect(layout.summary).toBe('ViT-B/16 at 224 px: 14 × 14 = 196 patches + [CLS] = 197 tokens');
  });
  it('ViT-L/14 at 336 px has 577 positions; LLaVA-1.5 keeps 576 (no [CLS])', () => {
    expect(layoutFor(at({ scheme: 'vit-l14-336' })).layout.sequence).toBe(577);
    const llava = layoutFor(at({ scheme: 'llava-1.5' })).layout;
    expect([llava.sequence, llava.prefix.length]).toEqual([576, 0]);
  });
  it('Qwen2-VL at 1280 × 720: 46 × 26 merged cells of 28 px between two markers, 1,198 positions', () => {
    const { layout } = layoutFor(at({ scheme: 'qwen2-vl' }));
    expect([layout.cols, layout.rows, layout.cell, layout.patch, layout.sequence]).toEqual([46, 26, 28, 14, 1198]);
    expect(layout.summary).toBe(
      'Qwen2-VL, 1280 × 720 px resized to 1288 × 728: 92 × 52 = 4,784 patches, merged 2×2 into 1,196 tokens, 1,198 with the two vision markers',
    );
  });
  it('an impossible Qwen2-VL size falls back to 1280 × 720 with a note naming the limit', () => {
    const { layout, notes } = layoutFor(at({ scheme: 'qwen2-vl', width: 5000, height: 10 }));
    expect(layout.sequence).toBe(1198);
    expect(notes[0]).toMatch(/aspect ratio must be at most 200:1/);
  });
});

describe('the selected token', () => {
  const vit = layoutFor(at({ scheme: 'vit-b16-224' })).layout;
  it('position 0 of ViT is [CLS], with no pixels', () => {
    const t = tokenInfo(vit, 0);
    expect([t.kind, t.label, t.rect]).toEqual(['special', '[CLS]', null]);
  });
  it('position 38 of ViT-B/16 is patch 38: row 3, column 10, pixels x 144–159, y 32–47', () => {
    const t = tokenInfo(vit, 38);
    expect([t.row, t.col]).toEqual([2, 9]);
    expect(t.rect).toEqual({ x: 144, y: 32, w: 16, h: 16 });
    expect(t.sentence).toBe(
      'Position 38 of 0–196: patch 38 of 196, row 3 of 14, column 10 of 14 (pixels x 144–159, y 32–47); it gets row 38 of the learned position-embedding table.',
    );
  });
  it('Qwen2-VL positions: first and last are the vision markers, the rest carry M-RoPE indices', () => {
    const q = layoutFor(at({ scheme: 'qwen2-vl' })).layout;
    expect(tokenInfo(q, 0).label).toBe('<|vision_start|>');
    expect(tokenInfo(q, 1197).label).toBe('<|vision_end|>');
    expect(tokenInfo(q, 48).sentence).toMatch(/height 1 and width 1,/);
  });
  it('out-of-range positions are clamped, never NaN', () => {
    expect(tokenInfo(vit, 10_000).pos).toBe(196);
    expect(tokenInfo(vit, Number.NaN).pos).toBe(0);
  });
  it('clicking pixel (150, 40) selects position 38', () => {
    expect(positionAt(vit, 150, 40)).toBe(38);
  });
  it('every cell position maps back to itself through its own rectangle', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.map((s) => s.value)), fc.nat(20_000), (scheme, pos) => {
        const { layout } = layoutFor(at({ scheme }));
        const t = tokenInfo(layout, pos);
        if (t.rect) expect(positionAt(layout, t.rect.x + 1, t.rect.y + 1)).toBe(t.pos);
        expect(t.sentence).not.toMatch(/NaN|undefined/);
      }),
    );
  });
});

describe('the sequence strip', () => {
  it('draws every ViT-B/16 position, [CLS] first, 24 to a row', () => {
    const s = stripLayout(layoutFor(at({ scheme: 'vit-b16-224' })).layout);
    expect([s.tiles.length, s.perRow, s.hidden]).toEqual([197, 24, 0]);
    expect(s.tiles[0]!.special).toBe('[CLS]');
    expect(s.tiles[1]!.src).toEqual({ x: 0, y: 0, w: 16, h: 16 });
  });
  it('draws at most 2,048 tiles and counts the rest', () => {
    const s = stripLayout(layoutFor(at({ scheme: 'qwen2-vl', width: 8000, height: 8000 })).layout);
    expect([s.tiles.length, s.hidden]).toEqual([MAX_TILES, 16386 - MAX_TILES]);
  });
});

describe('tables', () => {
  const qwen = safeQwen(1280, 720);
  it('lists the real settings with their golden counts', () => {
    const rows = countRows(qwen);
    expect(rows.map((r) => [r.id, r.encoder, r.llm])).toEqual([
      ['vit-b16-224', '196 + [CLS] = 197', '—'],
      ['vit-b16-336', '441 + [CLS] = 442', '—'],
      ['vit-b16-384', '576 + [CLS] = 577', '—'],
      ['vit-l14-224', '256 + [CLS] = 257', '—'],
      ['vit-l14-336', '576 + [CLS] = 577', '—'],
      ['llava-1.5', '577', '576 ([CLS] dropped)'],
      ['qwen2-vl', '4,784', '1,196 + 2 markers = 1,198'],
      ['flamingo', 'resampled to 64 latents', '0 (read by cross-attention)'],
      ['chameleon', '—', '1,024'],
    ]);
  });
  it('a LLaVA-1.5 image costs 288 MiB in Llama-2-7B and 72 MiB in Llama-3.1-8B', () => {
    expect(kvRows('llama-2-7b', qwen).rows[0]).toMatchObject({
      tokens: 576,
      bytesText: '288 MiB',
      href: '/explore/kv-cache/?model=llama-2-7b&tokens=576',
    });
    expect(kvRows('llama-3.1-8b', qwen).rows[0]!.bytesText).toBe('72 MiB');
  });
  it('Flamingo adds no tokens to the cache and links nowhere', () => {
    expect(kvRows('llama-2-7b', qwen).rows[3]).toMatchObject({ tokens: 0, bytesText: '0 B', href: null });
  });
  it('the early-fusion diagram counts image and text positions', () => {
    const d = fusionDiagrams(576, 'LLaVA-1.5');
    expect(d.early.sentence).toMatch(/every layer's self-attention sees 584 positions/);
    expect(d.cross.latents).toBe(64);
  });
});

describe('URL state', () => {
  it('round-trips a Qwen2-VL view', () => {
    const state = at({ scheme: 'qwen2-vl', width: 1920, height: 1080, pos: 7, model: 'gemma-3-27b' });
    const params = new URLSearchParams(
      Object.entries(toUrl(state)).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    expect(fromUrl(params)).toEqual({ state, notes: [] });
  });
  it('bad values fall back with notes', () => {
    const { state, notes } = fromUrl(new URLSearchParams('patch.enc=vit-z&patch.w=-3&patch.pos=x&patch.model=nope'));
    expect(state).toEqual(DEFAULT_PATCH_STATE);
    expect(notes).toHaveLength(4);
  });
});

describe('the picture', () => {
  it('is deterministic and fully opaque', () => {
    const a = renderPicture(16, 9);
    expect(a).toEqual(renderPicture(16, 9));
    expect(a.filter((_, i) => i % 4 === 3).every((v) => v === 255)).toBe(true);
  });
  it('the sky at the top is blue and the lake at the bottom is blue-green', () => {
    const [r, , b] = pictureColor(0.05, 0.01);
    expect(b).toBeGreaterThan(r);
    expect(pictureColor(0.5, 0.99).every((c) => Number.isFinite(c))).toBe(true);
  });
  it('the readout never shows NaN for any state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMES.map((s) => s.value)),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: -5, max: 20_000 }),
        (scheme, width, height, pos) => {
          const v = buildPatchView(at({ scheme, width, height, pos }));
          expect(v.readout).not.toMatch(/NaN|undefined/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
