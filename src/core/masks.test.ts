import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MASK_STATE,
  PATTERNS,
  PATTERN_NAMES,
  and,
  attendedKeys,
  countPairs,
  getPattern,
  maskCost,
  maskMatrix,
  mergeRanges,
  normalizeMaskParams,
  or,
  readout,
  receptiveField,
  type MaskParams,
  type PatternName,
} from './masks';

const base: MaskParams = {
  n: 16,
  direction: 'causal',
  window: 5,
  dilation: 2,
  global: [],
  group: 4,
  chunk: 4,
  prefix: 4,
};
const at = (overrides: Partial<MaskParams>): MaskParams => ({ ...base, ...overrides });
const causal = at({});
const bidirectional = at({ direction: 'bidirectional' });
const sentence = (pattern: PatternName, token: number, params: MaskParams) => readout(pattern, token, params).sentence;
const rows = (pattern: PatternName, params: MaskParams) =>
  Array.from({ length: params.n }, (_, i) => attendedKeys(pattern, i + 1, params));

describe('golden readouts', () => {
  it('the default state (16 tokens, bidirectional window 5, token 1) reads "Token 1 can attend to tokens 1–3"', () => {
    const { pattern, token, params } = DEFAULT_MASK_STATE;
    expect(sentence(pattern, token, params)).toBe('Token 1 can attend to tokens 1–3');
  });
  it('local-global (causal, W 5, globals 1 and 5), token 9: "Token 9 can attend to tokens 1, 5–9"', () => {
    expect(sentence('local-global', 9, at({ global: [1, 5] }))).toBe('Token 9 can attend to tokens 1, 5–9');
  });
  it('causal, token 1: "Token 1 can attend to token 1" (singular)', () => {
    expect(sentence('causal', 1, causal)).toBe('Token 1 can attend to token 1');
  });
  it('dilated (causal, W 5, d 2), token 9: "Token 9 can attend to tokens 1, 3, 5, 7, 9"', () => {
    expect(sentence('dilated', 9, causal)).toBe('Token 9 can attend to tokens 1, 3, 5, 7, 9');
  });
  it('readout(sliding, 8, bidirectional W 5) has 5 keys in one range [6, 10]', () => {
    expect(readout('sliding', 8, bidirectional)).toEqual({
      token: 8,
      count: 5,
      ranges: [[6, 10]],
      sentence: 'Token 8 can attend to tokens 6–10',
    });
  });
});

describe('full', () => {
  it('every token of 8 sees tokens 1–8; 64 pairs, fraction 1', () => {
    const params = at({ n: 8 });
    expect(sentence('full', 1, params)).toBe('Token 1 can attend to tokens 1–8');
    expect(sentence('full', 8, params)).toBe('Token 8 can attend to tokens 1–8');
    expect(maskCost('full', params)).toEqual({ pairs: 64, fraction: 1, perToken: 'O(n)', total: 'O(n²)' });
  });
  it('ignores direction', () => {
    expect(rows('full', causal)).toEqual(rows('full', bidirectional));
  });
});

describe('causal', () => {
  it('token i of 8 sees 1…i; 36 pairs', () => {
    const params = at({ n: 8 });
    expect(rows('causal', params)[4]).toEqual([1, 2, 3, 4, 5]);
    expect(sentence('causal', 8, params)).toBe('Token 8 can attend to tokens 1–8');
    expect(maskCost('causal', params).pairs).toBe(36);
  });
  it('ignores direction (always causal)', () => {
    expect(rows('causal', bidirectional)).toEqual(rows('causal', causal));
  });
});

describe('sliding', () => {
  it('causal W 3 on 8 tokens: token 1 → 1, token 2 → 1–2, token 5 → 3–5, token 8 → 6–8; 21 pairs', () => {
    const params = at({ n: 8, window: 3 });
    expect(sentence('sliding', 1, params)).toBe('Token 1 can attend to token 1');
    expect(sentence('sliding', 2, params)).toBe('Token 2 can attend to tokens 1–2');
    expect(sentence('sliding', 5, params)).toBe('Token 5 can attend to tokens 3–5');
    expect(sentence('sliding', 8, params)).toBe('Token 8 can attend to tokens 6–8');
    expect(maskCost('sliding', params).pairs).toBe(21);
  });
  it('bidirectional W 5 on 16 tokens: last token → 14–16; 74 pairs, perToken O(W)', () => {
    expect(sentence('sliding', 16, bidirectional)).toBe('Token 16 can attend to tokens 14–16');
    expect(maskCost('sliding', bidirectional)).toEqual({
      pairs: 74,
      fraction: 0.2890625,
      perToken: 'O(W)',
      total: 'O(n·W)',
    });
  });
  it('causal W 5 on 16 tokens has 70 pairs', () => {
    expect(maskCost('sliding', causal).pairs).toBe(70);
  });
  it('causal with W ≥ N equals causal', () => {
    for (const window of [16, 17, 40]) expect(rows('sliding', at({ window }))).toEqual(rows('causal', causal));
  });
  it('bidirectional with ⌊W/2⌋ ≥ N − 1 (W ≥ 2N − 2) equals full', () => {
    expect(rows('sliding', at({ direction: 'bidirectional', window: 30 }))).toEqual(rows('full', causal));
  });
  it('bidirectional with W = N is not full: token 1 of 16 sees 1–9', () => {
    expect(sentence('sliding', 1, at({ direction: 'bidirectional', window: 16 }))).toBe(
      'Token 1 can attend to tokens 1–9',
    );
  });
});

describe('dilated', () => {
  it('causal W 5, d 2: token 1 → 1, token 4 → 2, 4; 60 pairs', () => {
    expect(sentence('dilated', 1, causal)).toBe('Token 1 can attend to token 1');
    expect(sentence('dilated', 4, causal)).toBe('Token 4 can attend to tokens 2, 4');
    expect(maskCost('dilated', causal).pairs).toBe(60);
  });
  it('bidirectional W 5, d 2: token 1 → 1, 3, 5; token 9 → 5, 7, 9, 11, 13; token 16 → 12, 14, 16', () => {
    expect(sentence('dilated', 1, bidirectional)).toBe('Token 1 can attend to tokens 1, 3, 5');
    expect(sentence('dilated', 9, bidirectional)).toBe('Token 9 can attend to tokens 5, 7, 9, 11, 13');
    expect(sentence('dilated', 16, bidirectional)).toBe('Token 16 can attend to tokens 12, 14, 16');
  });
  it('with d = 1 equals sliding, in both directions', () => {
    for (const direction of ['causal', 'bidirectional'] as const) {
      const params = at({ dilation: 1, direction });
      expect(rows('dilated', params)).toEqual(rows('sliding', params));
    }
  });
});

describe('local-global', () => {
  const params = at({ global: [1, 5] });
  it('causal: global token 1 sees only itself, global token 5 sees 1–5 (no key after the query)', () => {
    expect(sentence('local-global', 1, params)).toBe('Token 1 can attend to token 1');
    expect(sentence('local-global', 5, params)).toBe('Token 5 can attend to tokens 1–5');
  });
  it('bidirectional: global token 1 sees 1–16, token 9 sees 1, 5, 7–11, token 16 sees 1, 5, 14–16', () => {
    const bi = at({ global: [1, 5], direction: 'bidirectional' });
    expect(sentence('local-global', 1, bi)).toBe('Token 1 can attend to tokens 1–16');
    expect(sentence('local-global', 9, bi)).toBe('Token 9 can attend to tokens 1, 5, 7–11');
    expect(sentence('local-global', 16, bi)).toBe('Token 16 can attend to tokens 1, 5, 14–16');
  });
  it('with no global tokens equals sliding, in both directions', () => {
    for (const direction of ['causal', 'bidirectional'] as const) {
      expect(rows('local-global', at({ direction }))).toEqual(rows('sliding', at({ direction })));
    }
  });
  it('is built from the or/and combinators: or(sliding, full) is full, and(full, causal) is causal', () => {
    const sliding = getPattern('sliding').predicate;
    const full = getPattern('full').predicate;
    const strict = getPattern('causal').predicate;
    expect(or(sliding, full)(1, 16, causal)).toBe(true);
    expect(and(full, strict)(1, 16, causal)).toBe(false);
    expect(and(full, strict)(16, 1, causal)).toBe(true);
  });
});

describe('grouped-window', () => {
  it('causal G 4: token 9 → 1, 5, 9; token 12 → 1, 5, 9–12; token 16 → 1, 5, 9, 13–16', () => {
    expect(sentence('grouped-window', 9, causal)).toBe('Token 9 can attend to tokens 1, 5, 9');
    expect(sentence('grouped-window', 12, causal)).toBe('Token 12 can attend to tokens 1, 5, 9–12');
    expect(sentence('grouped-window', 16, causal)).toBe('Token 16 can attend to tokens 1, 5, 9, 13–16');
  });
  it('bidirectional G 4: token 1 → 1–5, 9, 13; token 9 → 1, 5, 9–13; 112 pairs', () => {
    expect(sentence('grouped-window', 1, bidirectional)).toBe('Token 1 can attend to tokens 1–5, 9, 13');
    expect(sentence('grouped-window', 9, bidirectional)).toBe('Token 9 can attend to tokens 1, 5, 9–13');
    expect(maskCost('grouped-window', bidirectional).pairs).toBe(112);
  });
  it('with G ≥ N equals causal (causal) and full (bidirectional)', () => {
    expect(rows('grouped-window', at({ group: 16 }))).toEqual(rows('causal', causal));
    expect(rows('grouped-window', at({ group: 16, direction: 'bidirectional' }))).toEqual(rows('full', causal));
  });
});

describe('chunked', () => {
  it('C 4 on 16 tokens: token 4 → 1–4, token 9 → 9, token 12 → 9–12; 40 pairs, perToken O(C)', () => {
    expect(sentence('chunked', 4, causal)).toBe('Token 4 can attend to tokens 1–4');
    expect(sentence('chunked', 9, causal)).toBe('Token 9 can attend to token 9');
    expect(sentence('chunked', 12, causal)).toBe('Token 12 can attend to tokens 9–12');
    expect(maskCost('chunked', causal)).toMatchObject({ pairs: 40, fraction: 0.15625, perToken: 'O(C)' });
  });
  it('is causal within chunks whatever the direction', () => {
    expect(rows('chunked', bidirectional)).toEqual(rows('chunked', causal));
  });
  it('with C ≥ N equals causal', () => {
    expect(rows('chunked', at({ chunk: 16 }))).toEqual(rows('causal', causal));
  });
});

describe('prefix-lm', () => {
  it('P 4 on 16 tokens: token 1 → 1–4, token 4 → 1–4, token 5 → 1–5, token 16 → 1–16; 142 pairs', () => {
    expect(sentence('prefix-lm', 1, causal)).toBe('Token 1 can attend to tokens 1–4');
    expect(sentence('prefix-lm', 4, causal)).toBe('Token 4 can attend to tokens 1–4');
    expect(sentence('prefix-lm', 5, causal)).toBe('Token 5 can attend to tokens 1–5');
    expect(sentence('prefix-lm', 16, causal)).toBe('Token 16 can attend to tokens 1–16');
    expect(maskCost('prefix-lm', causal).pairs).toBe(142);
  });
  it('with P = 0 equals causal, with P = N equals full', () => {
    expect(rows('prefix-lm', at({ prefix: 0 }))).toEqual(rows('causal', causal));
    expect(rows('prefix-lm', at({ prefix: 16 }))).toEqual(rows('full', causal));
  });
});

describe('causality', () => {
  const causalPatterns: PatternName[] = ['causal', 'sliding', 'dilated', 'local-global', 'grouped-window', 'chunked'];
  for (const pattern of causalPatterns) {
    it(`${pattern} (causal, globals 3 and 11) never attends to a key after the query`, () => {
      const params = at({ global: [3, 11] });
      rows(pattern, params).forEach((keys, i) => expect(Math.max(...keys)).toBeLessThanOrEqual(i + 1));
    });
  }
});

describe('registry', () => {
  it('registers each of the 8 patterns once, in display order', () => {
    expect(PATTERNS.map((p) => p.id)).toEqual([...PATTERN_NAMES]);
    expect(new Set(PATTERNS.map((p) => p.id)).size).toBe(8);
  });
  it('cites Longformer (arXiv 2004.05150) for sliding, dilated and local-global', () => {
    for (const id of ['sliding', 'dilated', 'local-global'] as const) {
      expect(getPattern(id).citation.arxiv).toBe('2004.05150');
    }
  });
  it('lists direction among the parameters only where it matters', () => {
    const directed = PATTERNS.filter((p) => p.uses.includes('direction')).map((p) => p.id);
    expect(directed).toEqual(['sliding', 'dilated', 'local-global', 'grouped-window']);
  });
});

describe('maskMatrix', () => {
  it('causal on 3 tokens is the lower triangle [1,0,0, 1,1,0, 1,1,1]', () => {
    expect([...maskMatrix('causal', at({ n: 3 }))]).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 1]);
  });
  it('reuses an out buffer, clearing what a previous pattern left', () => {
    const out = new Uint8Array(9);
    maskMatrix('full', at({ n: 3 }), out);
    expect([...maskMatrix('chunked', at({ n: 3, chunk: 1 }), out)]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
  it('at N = 1024, causal has 524,800 pairs (N·(N+1)/2)', () => {
    expect(countPairs('causal', at({ n: 1024 }))).toBe(524800);
  });
  it('rejects n = 0, a too-small out buffer and a global position outside 1–n, naming the field', () => {
    expect(() => maskMatrix('full', at({ n: 0 }))).toThrow('n must be an integer from 1 to 1024, got 0');
    expect(() => maskMatrix('full', at({ n: 4 }), new Uint8Array(15))).toThrow('out must hold n² = 16 cells');
    expect(() => maskMatrix('local-global', at({ global: [17] }))).toThrow('global positions must be integers from 1');
  });
});

describe('mergeRanges and readout edge cases', () => {
  it('mergeRanges([1, 5, 6, 7, 9]) is [[1, 1], [5, 7], [9, 9]]; unsorted duplicates are merged too', () => {
    expect(mergeRanges([1, 5, 6, 7, 9])).toEqual([
      [1, 1],
      [5, 7],
      [9, 9],
    ]);
    expect(mergeRanges([3, 2, 2, 1])).toEqual([[1, 3]]);
    expect(mergeRanges([])).toEqual([]);
  });
  it('readout rejects token 17 of 16, naming the token and its range', () => {
    expect(() => readout('causal', 17, causal)).toThrow('token must be an integer from 1 to 16, got 17');
  });
});

describe('receptiveField', () => {
  it('Mistral 7B (W 4096, 32 layers) reaches 131,072 tokens, W·L', () => {
    expect(receptiveField(4096, 32).span).toBe(131072);
  });
  it('W 5 over 3 layers: series 5, 10, 15; exact reach with a self-inclusive window 12', () => {
    expect(receptiveField(5, 3)).toEqual({ window: 5, layers: 3, span: 15, perLayer: [5, 10, 15], exactReach: 12 });
  });
  it('rejects window 0 and layers 0, naming the field', () => {
    expect(() => receptiveField(0, 3)).toThrow('window must be an integer ≥ 1, got 0');
    expect(() => receptiveField(5, 0)).toThrow('layers must be an integer from 1 to 1024, got 0');
  });
});

describe('normalizeMaskParams', () => {
  it('an empty input gives the default state with no notes', () => {
    expect(normalizeMaskParams({})).toEqual({ ...DEFAULT_MASK_STATE, notes: [] });
  });
  it('window 0 at n 1024 becomes 1 with the note "window 0 is out of range 1–1024; using 1"', () => {
    const { params, notes } = normalizeMaskParams({ n: 1024, window: 0 });
    expect(params.window).toBe(1);
    expect(notes).toEqual(['window 0 is out of range 1–1024; using 1']);
  });
  it('reads URLSearchParams and notes every fix', () => {
    const query = new URLSearchParams('n=2000&pattern=foo&direction=causal&window=abc&global=3,x,2000,3,1&token=0');
    const result = normalizeMaskParams(query);
    expect(result.pattern).toBe('sliding');
    expect(result.token).toBe(1);
    expect(result.params).toMatchObject({ n: 1024, direction: 'causal', window: 5, global: [1, 3] });
    expect(result.notes).toEqual([
      'n 2000 is out of range 1–1024; using 1024',
      'pattern "foo" is not one of full, causal, sliding, dilated, local-global, grouped-window, chunked, prefix-lm; using sliding',
      'window "abc" is not an integer; using 5',
      'global position "x" is not an integer; dropped',
      'global position 2000 is out of range 1–1024; dropped',
      'token 0 is out of range 1–1024; using 1',
    ]);
  });
  it('clamps defaults silently to a small n: n 3 gives window 3, group 3, prefix 3', () => {
    const { params, notes } = normalizeMaskParams({ n: '3' });
    expect(params).toMatchObject({ n: 3, window: 3, group: 3, chunk: 3, prefix: 3 });
    expect(notes).toEqual([]);
  });
  it('a NaN or infinite n falls back to 16 with a note that never says "NaN"', () => {
    expect(normalizeMaskParams({ n: Number.NaN }).notes).toEqual(['n (not a number) is not an integer; using 16']);
    expect(normalizeMaskParams({ n: -Infinity }).notes).toEqual(['n (infinite) is not an integer; using 16']);
  });
  it('an empty global list means no global tokens', () => {
    expect(normalizeMaskParams({ global: '' }).params.global).toEqual([]);
  });
});
