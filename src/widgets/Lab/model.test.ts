import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labCatalogue } from '../../lab/metrics';
import { parseRunRecord, type LabRunRecord } from '../../lab/record';
import { attentionPanel } from './attention';
import { labPanels } from './panels';
import { hasLiveModels, recordedState, reduceRun, startState, toRecord } from './runState';
import {
  addVariant,
  DEFAULT_SETTINGS,
  knobOptions,
  removeVariant,
  setKind,
  setKnob,
  settingsFromUrl,
  settingsToUrl,
} from './settings';
import { summaryView } from './summary';
import { chartView, metricsRows, readout, runNotes, statusText } from './view';

const catalogue = labCatalogue(59);
const ids = (s: { variants: readonly { kind: string; knob: number | null; topK: number | null }[] }) =>
  s.variants.map((v) => `${v.kind}${v.knob ?? ''}${v.topK ? `x${v.topK}` : ''}`);

const record: LabRunRecord = {
  format: 'ai-arch-lab-run',
  version: 1,
  source: 'recorded',
  runtime: '@jax-js/jax 0.1.25 (wasm, Node 20, 2 models in turn)',
  settings: { variants: ['mha', 'mqa'], steps: 10, seed: 1, batch: 16 },
  completed: 10,
  curves: [
    {
      id: 'mha',
      label: 'MHA (8 KV heads)',
      train: [
        [5, 3.5],
        [10, 3.0],
      ],
      val: [
        [0, 4.1],
        [10, 2.9],
      ],
      tokensPerSecond: 12000,
    },
    {
      id: 'mqa',
      label: 'MQA (1 KV head)',
      train: [
        [5, 3.6],
        [10, 3.1],
      ],
      val: [
        [0, 4.1],
        [10, 2.95],
      ],
      tokensPerSecond: 15000,
    },
  ],
  samples: { prompt: 'The ', temperature: 0.8, seed: 1, step: 10, results: [{ id: 'mha', text: 'cat' }] },
};

describe('lab settings and the URL', () => {
  it('defaults: MHA, GQA-2, MLA-16, Mamba-2 N=16, 200 steps, wasm; a default state writes no keys', () => {
    expect(ids(DEFAULT_SETTINGS)).toEqual(['mha', 'gqa2', 'mla16', 'ssm16']);
    expect(Object.values(settingsToUrl(DEFAULT_SETTINGS)).every((v) => v === undefined)).toBe(true);
  });

  it('round-trips a linked state', () => {
    const s = {
      variants: [
        { kind: 'swa', knob: 8, topK: null },
        { kind: 'moe', knob: 8, topK: 1 },
      ],
      steps: 50,
      device: 'webgpu',
    } as const;
    const query = new URLSearchParams(settingsToUrl(s) as Record<string, string>);
    const back = settingsFromUrl(query);
    expect(back.notes).toEqual([]);
    expect(back.settings).toEqual(s);
  });

  it('bad values fall back with notes naming the key; duplicates are dropped, more than four cut', () => {
    const { settings, notes } = settingsFromUrl(
      new URLSearchParams('lab.v=mha,mha,gqa3,mqa,swa8,ssm8,moe4x2&lab.steps=7&lab.device=tpu'),
    );
    expect(ids(settings)).toEqual(['mha', 'mqa', 'swa8', 'ssm8']);
    expect(settings.steps).toBe(200);
    expect(settings.device).toBe('wasm');
    expect(notes.join(' ')).toMatch(/lab\.steps/);
    expect(notes.join(' ')).toMatch(/lab\.device/);
    expect(notes.join(' ')).toMatch(/"gqa3"/);
    expect(notes.join(' ')).toMatch(/at most 4/);
    const one = settingsFromUrl(new URLSearchParams('lab.v=mha'));
    expect(ids(one.settings)).toEqual(['mha', 'gqa2', 'mla16', 'ssm16']);
    expect(one.notes[0]).toMatch(/2 to 4 variants/);
  });

  it('property: any query string gives 2–4 distinct valid variants and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 6 }), (v, steps) => {
        const { settings } = settingsFromUrl(new URLSearchParams({ 'lab.v': v, 'lab.steps': steps }));
        expect(settings.variants.length).toBeGreaterThanOrEqual(2);
        expect(settings.variants.length).toBeLessThanOrEqual(4);
        expect(new Set(ids(settings)).size).toBe(settings.variants.length);
      }),
    );
  });

  it('editing keeps 2–4 distinct variants: add picks a free family, remove stops at two, a taken knob is refused', () => {
    const four = DEFAULT_SETTINGS;
    expect(addVariant(four)).toBe(four);
    const three = removeVariant(four, 1);
    expect(ids(three)).toEqual(['mha', 'mla16', 'ssm16']);
    expect(ids(addVariant(three))).toEqual(['mha', 'mla16', 'ssm16', 'gqa2']);
    expect(removeVariant(removeVariant(three, 0), 0).variants).toHaveLength(2);
    const twoMla = setKind(four, 0, 'mla');
    expect(ids(twoMla)).toEqual(['mla8', 'gqa2', 'mla16', 'ssm16']);
    expect(setKnob(twoMla, 0, 16)).toBe(twoMla);
    expect(ids(setKnob(twoMla, 0, 32))).toEqual(['mla32', 'gqa2', 'mla16', 'ssm16']);
    expect(knobOptions(twoMla, 0).map((o) => o.label)).toEqual(['8', '16 (as row 3)', '32']);
  });
});

describe('the run state', () => {
  const chosen = [
    { id: 'mha', label: 'MHA (8 KV heads)' },
    { id: 'gqa2', label: 'GQA (2 KV heads)' },
  ];

  it('starts from the recorded curves of the chosen variants; a variant without a curve gets a note', () => {
    const s = recordedState(record, chosen);
    expect(s.variants.map((v) => v.train.length)).toEqual([2, 0]);
    expect(runNotes(s)[0]).toMatch(/no curve for GQA \(2 KV heads\)/);
    expect(s.samples?.results).toEqual([{ id: 'mha', text: 'cat' }]);
    expect(hasLiveModels(s)).toBe(false);
    expect(statusText(s)).toMatch(/^Recorded run: 10 of 10 steps, seed 1/);
  });

  it('accumulates progress, ignores messages of other runs, pauses, finishes and exports', () => {
    let s = startState(3, chosen, 100, 1, 16, null);
    s = reduceRun(s, { type: 'ready', run: 3, device: 'wasm', ms: 800, vocab: 'abc', note: null });
    expect(s.status).toBe('training');
    const delta = (id: string, loss: number) => ({
      id,
      train: [[5, loss]] as [number, number][],
      val: [],
      tokensPerSecond: 9000,
      lastLoss: loss,
    });
    s = reduceRun(s, {
      type: 'progress',
      run: 3,
      step: 5,
      curves: [delta('mha', 3.2), delta('gqa2', 3.3)],
      routerLoads: [],
    });
    s = reduceRun(s, { type: 'progress', run: 2, step: 50, curves: [delta('mha', 1)], routerLoads: [] });
    expect(s.step).toBe(5);
    expect(s.variants[0]?.train).toEqual([[5, 3.2]]);
    s = reduceRun(s, { type: 'paused', run: 3, step: 5 });
    expect(s.status).toBe('paused');
    expect(hasLiveModels(s)).toBe(true);
    s = reduceRun(s, { type: 'resumed', run: 3, step: 5 });
    s = reduceRun(s, { type: 'done', run: 3, step: 100 });
    expect(s.status).toBe('done');
    const out = parseRunRecord(JSON.parse(JSON.stringify(toRecord(s))));
    expect(out.source).toBe('browser');
    expect(out.completed).toBe(100);
    expect(out.curves[1]?.train).toEqual([[5, 3.3]]);
  });

  it('a sample request keeps its prompt until the results arrive; errors stop the run', () => {
    let s = startState(1, chosen, 100, 1, 16, null);
    s = reduceRun(s, { type: 'request-samples', prompt: 'The ', temperature: 0.8, seed: 1 });
    expect(s.pending.samples?.prompt).toBe('The ');
    s = reduceRun(s, { type: 'samples', run: 1, step: 7, results: [{ id: 'mha', text: 'x' }] });
    expect(s.samples).toEqual({
      prompt: 'The ',
      temperature: 0.8,
      seed: 1,
      step: 7,
      results: [{ id: 'mha', text: 'x' }],
    });
    expect(s.pending.samples).toBeNull();
    s = reduceRun(s, { type: 'error', run: null, message: 'boom' });
    expect(statusText(s)).toBe('Training stopped: boom.');
  });
});

describe('the view', () => {
  const s = recordedState(record, [
    { id: 'mha', label: 'MHA (8 KV heads)' },
    { id: 'mqa', label: 'MQA (1 KV head)' },
  ]);

  it('chart: a solid train and a dashed validation series per variant in the variant colour; y spans the data', () => {
    const c = chartView(s);
    expect(c.series.map((x) => [x.id, x.color, x.dashed ?? false])).toEqual([
      ['mha-train', 1, false],
      ['mha-val', 1, true],
      ['mqa-train', 2, false],
      ['mqa-val', 2, true],
    ]);
    expect(c.yDomain).toEqual([2.5, 4.5]);
  });

  it('metrics rows: params, fp32 KV bytes, cache at 64 tokens, FLOPs, throughput and losses', () => {
    const [mha, mqa] = metricsRows(s, catalogue);
    expect(mha).toMatchObject({
      params: '107k',
      kv: '1,024 B',
      cache: '64 KiB',
      throughput: '12k',
      train: '3.000',
      val: '2.900',
    });
    expect(mqa).toMatchObject({ kv: '128 B', cache: '8 KiB', val: '2.950' });
  });

  it('summary: sorted by validation loss, cache at 64 tokens and speed against the largest/fastest, the frontier', () => {
    const summary = summaryView(s, catalogue);
    expect(summary?.rows.map((r) => [r.id, r.behind, r.cache, r.cacheShare, r.speedShare, r.frontier])).toEqual([
      ['mha', 'best', '64 KiB', '1.00×', '0.80×', true],
      ['mqa', '+0.050', '8 KiB', '0.13×', '1.00×', true],
    ]);
    expect(summary?.sentences[1]).toBe(
      'Smallest cache at 64 tokens: MQA (1 KV head), 8 KiB against 64 KiB, for 0.050 nats more.',
    );
  });

  it('summary: a variant beaten on both loss and cache is off the frontier; equal caches get one sentence', () => {
    const three = recordedState(
      {
        ...record,
        curves: [
          ...record.curves,
          { id: 'swa16', label: 'Sliding window (W = 16)', train: [], val: [[10, 3.0]], tokensPerSecond: null },
        ],
      },
      [
        { id: 'mha', label: 'MHA (8 KV heads)' },
        { id: 'mqa', label: 'MQA (1 KV head)' },
        { id: 'swa16', label: 'Sliding window (W = 16)' },
      ],
    );
    // SWA-16 caches 16 KiB at 64 tokens: more than MQA's 8 KiB, with a worse loss.
    expect(summaryView(three, catalogue)?.rows.map((r) => [r.id, r.frontier])).toEqual([
      ['mha', true],
      ['mqa', true],
      ['swa16', false],
    ]);
    const same = recordedState(record, [
      { id: 'mha', label: 'MHA (8 KV heads)' },
      { id: 'mha', label: 'MHA (8 KV heads)' },
    ]);
    expect(summaryView(same, catalogue)?.sentences[1]).toBe('All of them keep the same cache at 64 tokens (64 KiB).');
  });

  it('no summary while a variant lacks a validation loss; the readout never shows NaN', () => {
    const partial = recordedState(record, [
      { id: 'mha', label: 'MHA (8 KV heads)' },
      { id: 'gqa2', label: 'GQA (2 KV heads)' },
    ]);
    expect(summaryView(partial, catalogue)).toBeNull();
    expect(readout(partial)).toBe(
      'Recorded run, step 10 of 10. Validation loss (nats per character): MHA 2.900. Tokens per second: MHA 12k.',
    );
    expect(readout(partial)).not.toMatch(/NaN/);
  });

  it('panels: samples and attention need live models; hints say why', () => {
    const prepared = { chars: ['T'], ids: [1], notes: [] };
    const p = labPanels(s, prepared, prepared, false);
    expect(p.canSample).toBe(false);
    expect(p.sampleHint).toMatch(/^Start a run first/);
    expect(p.samplesHeading).toMatch(/^Recorded samples after 10 steps/);
  });

  it('router loads read as shares per layer', () => {
    let live = startState(
      1,
      [
        { id: 'moe4x2', label: 'MoE FFN (4 experts, top-2)' },
        { id: 'mha', label: 'MHA' },
      ],
      10,
      1,
      16,
      null,
    );
    live = reduceRun(live, {
      type: 'progress',
      run: 1,
      step: 1,
      curves: [],
      routerLoads: [{ id: 'moe4x2', loads: [[512, 256, 128, 128]] }],
    });
    const p = labPanels(live, { chars: [], ids: [], notes: [] }, { chars: [], ids: [], notes: [] }, false);
    expect(p.router[0]?.text).toBe(
      'MoE FFN (4 experts, top-2), share of routed tokens per expert in the last batch: layer 1: 50% / 25% / 13% / 13%.',
    );
  });
});

describe('the attention panel', () => {
  it('names where the last character looks most, per head', () => {
    const n = 3;
    // Two heads; head 1's last row puts 0.7 on key 2, head 2's on key 1.
    const layer = Float32Array.from([1, 0, 0, 0.5, 0.5, 0, 0.1, 0.2, 0.7, 1, 0, 0, 0.5, 0.5, 0, 0.2, 0.6, 0.2]);
    const view = attentionPanel(
      {
        step: 40,
        prompt: 'ab ',
        maps: [
          { id: 'mha', heads: 2, length: n, layers: [layer, layer] },
          { id: 'ssm16', heads: 8, length: n, layers: null },
        ],
      },
      [{ id: 'mha', label: 'MHA (8 KV heads)' }],
      'mha',
      0,
    );
    expect(view.options).toEqual([{ value: 'mha', label: 'MHA (8 KV heads)' }]);
    expect(view.heads.map((h) => h.sentence)).toEqual([
      'Head 1: the last character looks most at “␣” (position 3 of 3, 70%).',
      'Head 2: the last character looks most at “b” (position 2 of 3, 60%).',
    ]);
    expect(view.caption).toBe('MHA (8 KV heads), layer 1, after 40 steps: row = query, column = key.');
  });
});
