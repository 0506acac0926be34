import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  outputSeries,
  readState,
  runScan,
  stepView,
  textError,
  toUrl,
  CHANNELS,
  STATE_SIZE,
} from './model';
import { scalingView } from './scaling';
import { ssmScaling } from './scalingData';

const DATA = ssmScaling();

describe('SsmScan state in the URL', () => {
  it('reads text, step and method; the step is clamped to the text length with a note', () => {
    const { state, notes } = readState(new URLSearchParams('ssm.text=abc&ssm.step=9&ssm.method=simplified'));
    expect(state).toEqual({ text: 'abc', step: 3, method: 'simplified' });
    expect(notes).toEqual(['From the link: ssm.step "9" is not in the range 1–3; using 3.']);
    expect(toUrl(state)).toEqual({ 'ssm.text': 'abc', 'ssm.step': 3, 'ssm.method': 'simplified' });
    expect(Object.values(toUrl(DEFAULT_STATE)).every((v) => v === undefined)).toBe(true);
  });

  it('text that is too long or not printable ASCII falls back to the default sentence', () => {
    const { state, notes } = readState(new URLSearchParams(`ssm.text=${'x'.repeat(40)}`));
    expect(state.text).toBe(DEFAULT_STATE.text);
    expect(notes[0]).toMatch(/^From the link: ssm.text "x{40}" is not text of 1 to 32 allowed characters/);
    expect(textError('héllo')).toBe('Input must be 1 to 32 printable ASCII characters');
    expect(textError('ok')).toBeNull();
  });
});

describe('SsmScan view', () => {
  const run = runScan(DEFAULT_STATE.text, 'zoh');

  it('steps through every character with Δ per channel, B and C per state element and a 4 × 8 state', () => {
    const v = stepView(run, 5);
    expect(v.position).toBe('5 of 23 · “c”');
    expect(v.delta).toHaveLength(CHANNELS);
    expect(v.B).toHaveLength(STATE_SIZE);
    expect(v.h).toHaveLength(CHANNELS);
    expect(v.h[0]).toHaveLength(STATE_SIZE);
    expect(v.delta.every((c) => c.value > 0)).toBe(true);
    expect(v.sentence).toMatch(/^Token 5 of 23, “c”: Δ = [\d.]+, [\d.]+, [\d.]+, [\d.]+ across the 4 channels\./);
  });

  it('the same character gets the same Δ wherever it appears (selection depends on the input only)', () => {
    const t1 = stepView(run, 1);
    const t16 = stepView(run, 16);
    expect(t1.char).toBe('t');
    expect(t16.char).toBe('t');
    expect(t16.delta.map((c) => c.value)).toEqual(t1.delta.map((c) => c.value));
    expect(t16.h.flat().map((c) => c.value)).not.toEqual(t1.h.flat().map((c) => c.value));
  });

  it('never shows NaN, for any printable input and step, with either discretisation', () => {
    fc.assert(
      fc.property(
        fc.string({
          minLength: 1,
          maxLength: 32,
          unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
        }),
        fc.integer({ min: -5, max: 50 }),
        fc.constantFrom('zoh' as const, 'simplified' as const),
        (text, step, method) => {
          const v = stepView(runScan(text, method), step);
          expect(v.sentence).not.toContain('NaN');
          expect([...v.delta, ...v.B, ...v.C, ...v.h.flat()].every((c) => Number.isFinite(c.opacity))).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('one output series per channel, one point per character', () => {
    const series = outputSeries(run);
    expect(series).toHaveLength(4);
    expect(series[0]!.points).toHaveLength(23);
  });
});

describe('attention against SSM with real presets', () => {
  it('at 131,072 tokens: Llama-3.1-8B caches 16 GiB, Mamba-2.8B holds 23.8 MiB, Jamba adds 2 GiB of KV', () => {
    const v = scalingView(DATA, 131_072);
    expect(v.rows.map((r) => [r.name, r.cache])).toEqual([
      ['Llama-3.1-8B', '16 GiB'],
      ['Mamba-2.8B', '23.8 MiB'],
      ['Jamba-v0.1', '2.02 GiB'],
    ]);
    expect(v.sentence).toBe(
      "At 131,072 tokens Llama-3.1-8B caches 16 GiB per sequence, 690× Mamba-2.8B's constant 23.8 MiB state; " +
        "Jamba's 4 attention layers add 2 GiB of KV to its 16.6 MiB Mamba state.",
    );
  });

  it('the Mamba memory curve is flat and the Llama curve grows 1024-fold from 1K to 1M tokens', () => {
    const { memory } = scalingView(DATA, 4096);
    const [llama, mamba] = memory;
    const first = (s: typeof llama) => s!.points[0]!.y;
    const last = (s: typeof llama) => s!.points[s!.points.length - 1]!.y;
    expect(last(mamba)).toBe(first(mamba));
    expect(last(llama) / first(llama)).toBe(1024);
  });
});
