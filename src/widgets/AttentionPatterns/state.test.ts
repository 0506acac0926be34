import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  PRESETS,
  fromUrl,
  initialState,
  normalizeState,
  parseGlobalInput,
  queryString,
  stepToken,
  toUrl,
  update,
  type WidgetState,
} from './state';

describe('initialState', () => {
  it('with no preset is the source design: sliding, 16 tokens, bidirectional W 5, token 1, 32 layers', () => {
    const { state, notes } = initialState(undefined);
    expect(state).toEqual(DEFAULT_STATE);
    expect(state.pattern).toBe('sliding');
    expect(state.params).toMatchObject({ n: 16, direction: 'bidirectional', window: 5 });
    expect(state.token).toBe(1);
    expect(state.layers).toBe(32);
    expect(notes).toEqual([]);
  });

  it('preset causal-sliding is a causal window of 4 at token 9', () => {
    const { state } = initialState('causal-sliding');
    expect(state.pattern).toBe('sliding');
    expect(state.params.direction).toBe('causal');
    expect(state.params.window).toBe(4);
    expect(state.token).toBe(9);
  });

  it('explicit props override the preset, and undefined props are ignored', () => {
    const { state } = initialState('causal', { token: 3, window: undefined, n: 32 });
    expect(state.pattern).toBe('causal');
    expect(state.token).toBe(3);
    expect(state.params.n).toBe(32);
    expect(state.params.window).toBe(5);
  });

  it('an unknown preset falls back to the source design with a note', () => {
    const { state, notes } = initialState('nope');
    expect(state).toEqual(DEFAULT_STATE);
    expect(notes).toEqual([
      'preset "nope" is not one of source, causal, causal-sliding, grouped-window, flash; using source',
    ]);
  });

  it('bad props are clamped with notes, never thrown', () => {
    const { state, notes } = initialState('flash', { n: 2000, layers: 0, tiles: 'maybe' });
    expect(state.params.n).toBe(1024);
    expect(state.layers).toBe(1);
    expect(state.tiles).toBe(false);
    expect(notes).toEqual([
      'n 2000 is out of range 1–1024; using 1024',
      'layers 0 is out of range 1–128; using 1',
      'tiles "maybe" is not 0 or 1; using 0',
    ]);
  });

  it('every preset normalizes without notes', () => {
    for (const name of Object.keys(PRESETS)) expect(initialState(name).notes).toEqual([]);
  });
});

describe('URL state', () => {
  it('the source design writes no keys, so its link is the bare page', () => {
    expect(Object.values(toUrl(DEFAULT_STATE)).every((v) => v === undefined)).toBe(true);
    expect(queryString(DEFAULT_STATE)).toBe('');
  });

  it('a changed view round-trips through its query string', () => {
    const state = update(DEFAULT_STATE, {
      pattern: 'local-global',
      n: 128,
      token: 40,
      direction: 'causal',
      window: 9,
      global: [1, 64],
      layers: 12,
      tiles: true,
    });
    const query = queryString(state);
    expect(query).toBe('pattern=local-global&n=128&token=40&direction=causal&window=9&global=1%2C64&layers=12&tiles=1');
    expect(fromUrl(new URLSearchParams(query), DEFAULT_STATE)).toEqual({ state, notes: [] });
  });

  it('no global tokens is written as global=none and read back as an empty list', () => {
    const state = update(DEFAULT_STATE, { pattern: 'local-global', global: [] });
    expect(toUrl(state).global).toBe('none');
    expect(fromUrl(new URLSearchParams('pattern=local-global&global=none'), DEFAULT_STATE).state.params.global).toEqual(
      [],
    );
  });

  it('malformed and out-of-range link values are clamped with a note each', () => {
    const { state, notes } = fromUrl(new URLSearchParams('n=5000&window=abc&pattern=spiral&token=-3'), DEFAULT_STATE);
    expect(state.params.n).toBe(1024);
    expect(state.params.window).toBe(5);
    expect(state.pattern).toBe('sliding');
    expect(state.token).toBe(1);
    expect(notes).toEqual([
      'From the link: n 5000 is out of range 1–1024; using 1024.',
      'From the link: pattern "spiral" is not one of full, causal, sliding, dilated, local-global, grouped-window, chunked, prefix-lm; using sliding.',
      'From the link: window "abc" is not an integer; using 5.',
      'From the link: token -3 is out of range 1–1024; using 1.',
    ]);
  });

  it('keys missing from the link keep the embed preset (base) values', () => {
    const base = initialState('grouped-window').state;
    const { state } = fromUrl(new URLSearchParams('token=2'), base);
    expect(state.pattern).toBe('grouped-window');
    expect(state.token).toBe(2);
  });

  it('property: any query string gives a valid state and never throws', () => {
    const key = fc.constantFrom(
      'pattern',
      'n',
      'token',
      'direction',
      'window',
      'dilation',
      'global',
      'layers',
      'tiles',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 12 })), { maxLength: 8 }), (pairs) => {
        const { state } = fromUrl(new URLSearchParams(pairs), DEFAULT_STATE);
        const { n } = state.params;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(1024);
        expect(state.token).toBeGreaterThanOrEqual(1);
        expect(state.token).toBeLessThanOrEqual(n);
        expect(state.params.window).toBeLessThanOrEqual(n);
        expect(Number.isInteger(state.layers)).toBe(true);
      }),
    );
  });

  it('property: every valid state round-trips through toUrl/fromUrl', () => {
    const arbitraryState = fc
      .record({
        pattern: fc.constantFrom('full', 'causal', 'sliding', 'dilated', 'local-global', 'grouped-window', 'chunked'),
        n: fc.integer({ min: 1, max: 1024 }),
        token: fc.integer({ min: 1, max: 1024 }),
        window: fc.integer({ min: 1, max: 1024 }),
        global: fc.array(fc.integer({ min: 1, max: 1024 }), { maxLength: 4 }),
        direction: fc.constantFrom('causal', 'bidirectional'),
        layers: fc.integer({ min: 1, max: 128 }),
        tiles: fc.boolean(),
      })
      .map((raw) => normalizeState(raw).state);
    fc.assert(
      fc.property(arbitraryState, (state: WidgetState) => {
        expect(fromUrl(new URLSearchParams(queryString(state)), DEFAULT_STATE)).toEqual({ state, notes: [] });
      }),
    );
  });
});

describe('updates', () => {
  it('shrinking N clamps the token and the window to the new N', () => {
    const state = update(update(DEFAULT_STATE, { token: 16, window: 15 }), { n: 8 });
    expect(state.token).toBe(8);
    expect(state.params.window).toBe(8);
  });

  it('stepToken moves by one and stops at 1 and N', () => {
    expect(stepToken(DEFAULT_STATE, 1).token).toBe(2);
    expect(stepToken(DEFAULT_STATE, -1).token).toBe(1);
    expect(stepToken(update(DEFAULT_STATE, { token: 16 }), 1).token).toBe(16);
  });
});

describe('parseGlobalInput', () => {
  it('"1, 9" is positions [1, 9]; "9 1 9" is deduplicated and sorted; "" is none', () => {
    expect(parseGlobalInput('1, 9', 16)).toEqual({ positions: [1, 9] });
    expect(parseGlobalInput('9 1 9', 16)).toEqual({ positions: [1, 9] });
    expect(parseGlobalInput('', 16)).toEqual({ positions: [] });
  });

  it('a position outside 1–N or a non-number names the accepted range', () => {
    const error = { error: 'Global tokens must be positions from 1 to 16, separated by commas' };
    expect(parseGlobalInput('0', 16)).toEqual(error);
    expect(parseGlobalInput('17', 16)).toEqual(error);
    expect(parseGlobalInput('1.5', 16)).toEqual(error);
    expect(parseGlobalInput('a', 16)).toEqual(error);
  });

  it('property: any text gives positions within 1–N or an error, never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1024 }), (text, n) => {
        const result = parseGlobalInput(text, n);
        if ('positions' in result) for (const p of result.positions) expect(p >= 1 && p <= n).toBe(true);
        else expect(result.error).toContain(`from 1 to ${n}`);
      }),
    );
  });
});
