import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PATTERN_NAMES, maskCost } from '../../core/masks';
import { buildView, computeMatrix, costFromMatrix, countAttended, formatCount, formatShare } from './model';
import { DEFAULT_STATE, initialState, normalizeState, update, type WidgetState } from './state';
import { EXAMPLE_WORDS } from './words';

const view = (state: WidgetState) => buildView(state, computeMatrix(state));
const preset = (name: string) => initialState(name).state;

describe('the default view reproduces the source design', () => {
  const v = view(DEFAULT_STATE);
  it('reads "Token 1 can attend to tokens 1–3"', () => {
    expect(v.sentence).toBe('Token 1 can attend to tokens 1–3');
  });
  it('labels the stepper "1 of 16 · Attention"', () => {
    expect(v.tokenText).toBe('1 of 16 · Attention');
  });
  it('notes that decoders use the causal variant, where token 1 sees only itself', () => {
    expect(v.causalNote).toBe('Decoder LLMs use the causal variant, where token 1 sees only itself.');
  });
  it('costs 74 of 256 pairs (28.9%), O(W) per token and O(n·W) per layer', () => {
    expect(v.cost).toEqual({ pairs: '74', all: '256', share: '28.9%', perToken: 'O(W)', total: 'O(n·W)' });
  });
  it('shows window and direction, not dilation, group, chunk, prefix or globals; and the layer chart', () => {
    expect(v.show).toEqual({
      window: true,
      dilation: false,
      global: false,
      group: false,
      chunk: false,
      prefix: false,
      direction: true,
      layers: true,
    });
  });
  it('cites Longformer §3.1 on arXiv, with Mistral 7B as see-also', () => {
    expect(v.citation).toEqual({
      text: 'Longformer: The Long-Document Transformer (Beltagy, Peters, Cohan, 2020), §3.1, Sliding Window',
      href: 'https://arxiv.org/abs/2004.05150',
    });
    expect(v.seeAlso.map((link) => link.href)).toEqual(['https://arxiv.org/abs/2310.06825']);
  });
  it('draws labelled cells and links to the bare explorer page', () => {
    expect(v.display).toBe('grid');
    expect(v.explorerHref).toBe('/explore/attention-patterns/');
  });
  it('says a centred window of 5 reaches 2 tokens each way per layer, 64 after 32 layers', () => {
    expect(v.receptive?.sentence).toBe(
      'A centred window of 5 reaches ⌊W/2⌋ = 2 tokens each way per layer: 64 each way after L = 32 layers. ' +
        'Mistral 7B’s W·L = 160 (§2) is for the causal window.',
    );
  });
});

describe('switching pattern and direction', () => {
  it('switching to causal: token 1 can attend to token 1 only, 70 pairs, and no causal note', () => {
    const v = view(update(DEFAULT_STATE, { direction: 'causal' }));
    expect(v.sentence).toBe('Token 1 can attend to token 1');
    expect(v.cost.pairs).toBe('70');
    expect(v.causalNote).toBeNull();
  });
  it('causal sliding W 4, L 32: W·L = 128 tokens, exactly L·(W − 1) = 96 positions back', () => {
    const v = view(preset('causal-sliding'));
    expect(v.sentence).toBe('Token 9 can attend to tokens 6–9');
    expect(v.receptive?.sentence).toBe(
      'After L = 32 layers, information can move forward by up to W·L = 4 × 32 = 128 tokens (Mistral 7B §2); ' +
        'since this window counts the token itself among its W, exactly L·(W − 1) = 96 positions back.',
    );
    expect(v.receptive?.series.map((s) => s.points.at(-1)?.y)).toEqual([128, 96]);
  });
  it('grouped-window preset, token 10: "Token 10 can attend to tokens 1, 5, 9–13", cost O(G + n/G)', () => {
    const v = view(preset('grouped-window'));
    expect(v.sentence).toBe('Token 10 can attend to tokens 1, 5, 9–13');
    expect(v.cost.perToken).toBe('O(G + n/G)');
    expect(v.receptive).toBeNull();
    expect(v.show.group).toBe(true);
    expect(v.show.window).toBe(false);
  });
  it('causal preset, token 6: "Token 6 can attend to tokens 1–6" and no direction control', () => {
    const v = view(preset('causal'));
    expect(v.sentence).toBe('Token 6 can attend to tokens 1–6');
    expect(v.show.direction).toBe(false);
    expect(v.causalNote).toBeNull();
    expect(v.explorerHref).toBe('/explore/attention-patterns/?pattern=causal&token=6');
  });
  it('local-global bidirectional with global token 1: causally, token 1 still sees only itself', () => {
    const v = view(update(DEFAULT_STATE, { pattern: 'local-global', global: [1] }));
    expect(v.causalNote).toBe('Decoder LLMs use the causal variant, where token 1 sees only itself.');
  });
});

describe('kernel tiles (flash preset)', () => {
  it('causal 16 tokens in 4 × 4 tiles: 6 skipped, 6 unmasked, 4 masked on the diagonal', () => {
    const v = view(preset('flash'));
    expect(v.tiles).toMatchObject({ tile: 4, perSide: 4, total: 16, skipped: 6, full: 6, partial: 4 });
    expect(v.tiles?.sentence).toBe(
      'In 4 × 4-token tiles (4 × 4 = 16 tiles), a tiled kernel such as FlashAttention skips 6 tiles where every ' +
        'pair is masked and computes the other 10; 4 of those need the mask applied inside.',
    );
  });
  it('are off by default', () => {
    expect(view(DEFAULT_STATE).tiles).toBeNull();
    expect(view(DEFAULT_STATE).heatmap.tile).toBe(0);
  });
});

describe('large N', () => {
  it('N = 1024 full attention draws a heatmap: 1,048,576 of 1,048,576 pairs, 100%', () => {
    const v = view(update(DEFAULT_STATE, { pattern: 'full', n: 1024 }));
    expect(v.display).toBe('heatmap');
    expect(v.cost).toMatchObject({ pairs: '1,048,576', all: '1,048,576', share: '100%' });
    expect(v.tokenText).toBe('1 of 1,024');
  });
  it('N = 65 is the first heatmap size; N = 64 still has labelled cells', () => {
    expect(view(update(DEFAULT_STATE, { n: 64 })).display).toBe('grid');
    expect(view(update(DEFAULT_STATE, { n: 65 })).display).toBe('heatmap');
  });
});

describe('formatShare', () => {
  it('28.9% with one decimal; two significant digits below 0.1%; 0% and 100% exactly', () => {
    expect(formatShare(74 / 256)).toBe('28.9%');
    expect(formatShare(1 / 1048576)).toBe('0.000095%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(Number.NaN)).toBe('0%');
  });
});

describe('example words', () => {
  it('has 64 words; the first 16 are the default sentence', () => {
    expect(EXAMPLE_WORDS).toHaveLength(64);
    expect(EXAMPLE_WORDS.slice(0, 16).join(' ')).toBe(
      'Attention lets every token look back at the words that came before it in the text',
    );
  });
});

describe('property: any state gives a view with no NaN and the core cost', () => {
  it('holds for random patterns and parameters', () => {
    fc.assert(
      fc.property(
        fc.record({
          pattern: fc.constantFrom(...PATTERN_NAMES),
          n: fc.integer({ min: 1, max: 200 }),
          token: fc.integer({ min: 1, max: 200 }),
          window: fc.integer({ min: 1, max: 200 }),
          dilation: fc.integer({ min: 1, max: 200 }),
          group: fc.integer({ min: 1, max: 200 }),
          chunk: fc.integer({ min: 1, max: 200 }),
          prefix: fc.integer({ min: 0, max: 200 }),
          direction: fc.constantFrom('causal', 'bidirectional'),
          tiles: fc.boolean(),
        }),
        (raw) => {
          const state = normalizeState(raw).state;
          const v = view(state);
          const text = JSON.stringify(v);
          expect(text).not.toContain('NaN');
          expect(text).not.toContain('undefined');
          expect(v.cost.pairs).toBe(maskCost(state.pattern, state.params).pairs.toLocaleString('en-US'));
          expect(costFromMatrix(state, computeMatrix(state))).toEqual(maskCost(state.pattern, state.params));
          expect(v.sentence.startsWith(`Token ${state.token} can attend to`)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('sentenceParts', () => {
  it('splits the readout so each range can stay on one line: "Token 9 can attend to tokens 1, 5–9"', () => {
    const state = update(DEFAULT_STATE, { pattern: 'local-global', direction: 'causal', global: [1, 5], token: 9 });
    const v = view(state);
    expect(v.sentence).toBe('Token 9 can attend to tokens 1, 5–9');
    expect(v.sentenceParts).toEqual([
      { text: 'Token 9 can attend to tokens 1, ', range: false },
      { text: '5–9', range: true },
    ]);
  });
});

describe('formatCount', () => {
  it('groups digits like formatInteger: 1048576 → "1,048,576", 2.6 → "3"', () => {
    expect(formatCount(1048576)).toBe('1,048,576');
    expect(formatCount(2.6)).toBe('3');
    expect(formatCount(0)).toBe('0');
  });
});

describe('countAttended', () => {
  it('counts the 74 pairs of the default mask, and only the first n² cells of a larger reused buffer', () => {
    const buffer = new Uint8Array(1024 * 1024).fill(1);
    expect(countAttended(computeMatrix(DEFAULT_STATE), 16)).toBe(74);
    expect(countAttended(computeMatrix(DEFAULT_STATE, buffer), 16)).toBe(74);
    expect(countAttended(new Uint8Array(9).fill(1), 3)).toBe(9);
    expect(countAttended(new Uint8Array(13).fill(1).subarray(1), 3)).toBe(9);
  });
});
