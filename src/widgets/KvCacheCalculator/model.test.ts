import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES } from '../../core/dtypes';
import { kvCatalogue } from './catalogue';
import { buildChart } from './chart';
import { breakdownCsv, csvField } from './csv';
import { buildResult, buildReverse } from './model';
import { parseConfigText } from './parseConfig';
import { expandSpec, type CalculatorModel } from './spec';
import { DEFAULT_STATE, type CalcState } from './state';

const catalogue = kvCatalogue();
const preset = (id: string): CalculatorModel => {
  const m = catalogue.find((c) => c.id === id);
  if (!m) throw new Error(`no preset ${id}`);
  return m;
};
const view = (id: string, patch: Partial<CalcState> = {}) => {
  const m = preset(id);
  return buildResult(m, expandSpec(m.spec), { ...DEFAULT_STATE, model: id, ...patch });
};

describe('KvCacheCalculator default (Llama-3.1-8B, 131,072 tokens, bf16 cache and weights)', () => {
  const v = view('llama-3.1-8b');
  it('caches 16 GiB, holds 14.96 GiB of weights, 30.96 GiB in all', () => {
    expect(v.kv.bytes).toBe(17_179_869_184);
    expect(v.kv.text).toBe('16 GiB');
    expect(v.weights.text).toBe('14.96 GiB');
    expect(v.total.text).toBe('30.96 GiB');
    expect(v.state.text).toBe('0 B');
  });
  it('shows the formula with the numbers substituted and one full-attention row', () => {
    expect(v.formula).toBe('32 full-attention layers × 131,072 tokens × 2·8·128 × 2 B = 17,179,869,184 B (16 GiB)');
    expect(v.breakdown).toHaveLength(1);
    expect(v.breakdown[0]).toMatchObject({ label: 'full attention', layers: 32, perLayer: '4 KiB / token' });
  });
  it('fits 40 GB and larger cards read as GiB, not 24 GB', () => {
    expect(v.fits.map((f) => `${f.label}:${f.fits}`)).toEqual([
      '24 GB:false',
      '40 GB:true',
      '48 GB:true',
      '80 GB:true',
      '141 GB:true',
      '192 GB:true',
    ]);
    expect(v.fits[0]?.capacity).toBe('24 GiB');
    expect(v.fits[0]?.status).toBe('short by 6.957 GiB');
    expect(v.readout).toBe(
      'Llama-3.1-8B, 131,072 tokens × 1 sequence, bf16 cache: weights 14.96 GiB + KV cache 16 GiB = 30.96 GiB; smallest card it fits: 40 GB.',
    );
  });
  it('decimal units label GB and read card sizes as 10^9 bytes', () => {
    const d = view('llama-3.1-8b', { units: 'decimal' });
    expect(d.kv.text).toBe('17.18 GB');
    expect(d.fits[0]?.capacity).toBe('24 GB');
  });
  it('reverse solve on 1 × 80 GB: 532,827 tokens at batch 1, 4 sequences at 131,072', () => {
    const m = preset('llama-3.1-8b');
    const r = buildReverse(m, expandSpec(m.spec), DEFAULT_STATE);
    expect(r.budget).toBe('1 × 80 GB, counted as 80 GiB');
    expect(r.context).toBe('Longest context at 1 sequence: 532,827 tokens (80 GiB), past the configured 131,072.');
    expect(r.batch).toBe('Largest batch at 131,072 tokens: 4 sequences (78.96 GiB).');
  });
});

describe('preset switches', () => {
  it('Llama-3.1-405B at 262,144 tokens caches 126 GiB (8 KV heads) and shows the mp16 caveat', () => {
    const m = preset('llama-3.1-405b');
    expect(view('llama-3.1-405b', { tokens: 262_144 }).kv.text).toBe('126 GiB');
    expect(m.caveats.join(' ')).toContain('16 for 16-way tensor parallelism');
    expect(m.sources.length).toBeGreaterThan(0);
  });
  it('Gemma-3-27B at 131,072: 10 full + 52 sliding layers = 10.41 GiB; counted at full size 62 GiB', () => {
    const v = view('gemma-3-27b');
    expect(v.kv.bytes).toBe(11_173_625_856);
    expect(v.breakdown.map((r) => `${r.layers} ${r.label}`)).toEqual([
      '10 full attention',
      '52 sliding attention (W = 1,024)',
    ]);
    expect(v.breakdown[1]?.cached).toBe('min(131,072, 1,024) = 1,024');
    expect(v.caveats[0]).toContain('theoretical minimum');
    expect(view('gemma-3-27b', { windows: 'ignore' }).kv.text).toBe('62 GiB');
  });
  it('DeepSeek-V3 caches the MLA latent: 8.578 GiB at 131,072 tokens', () => {
    const v = view('deepseek-v3');
    expect(v.kv.text).toBe('8.578 GiB');
    expect(v.formula).toContain('61 MLA layers × 131,072 tokens × (512 + 64) × 2 B');
  });
  it('Mamba-2.8B has no KV cache and a constant state: 23.75 MiB fp32 (llama.cpp), 12.5 MiB fp16 (mamba_ssm)', () => {
    expect(view('mamba-2.8b').state.text).toBe('23.75 MiB');
    expect(view('mamba-2.8b', { tokens: 1 }).state.text).toBe('23.75 MiB');
    expect(view('mamba-2.8b', { stateDtype: 'fp16', convLayout: 'd_conv' }).state.text).toBe('12.5 MiB');
    expect(view('mamba-2.8b').kv.bytes).toBe(0);
  });
  it('Jamba-v0.1 at 262,144 tokens: 4 GiB of KV from its 4 attention layers plus Mamba state', () => {
    const v = view('jamba-v0.1', { tokens: 262_144 });
    expect(v.kv.text).toBe('4 GiB');
    expect(v.state.bytes).toBeGreaterThan(0);
  });
  it('a context past the configured one is computed, with a warning', () => {
    expect(view('llama-2-7b', { tokens: 8192 }).warnings).toEqual([
      "8,192 tokens is beyond Llama-2-7B's configured context of 4,096; the cache is computed anyway.",
    ]);
  });
});

describe('pasted config.json', () => {
  const mistral = JSON.stringify({
    _name_or_path: 'mistralai/Mistral-7B-v0.1',
    model_type: 'mistral',
    num_hidden_layers: 32,
    hidden_size: 4096,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    intermediate_size: 14336,
    vocab_size: 32000,
    max_position_embeddings: 32768,
    sliding_window: 4096,
  });
  it('a Mistral config caches 512 MiB at 32,768 tokens (window 4,096 on every layer)', () => {
    const parsed = parseConfigText(mistral);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.model.name).toBe('mistralai/Mistral-7B-v0.1');
    expect(parsed.model.attention).toBe('GQA (8 KV heads), sliding window 4,096 on 32 of 32 attention layers');
    const v = buildResult(parsed.model, expandSpec(parsed.model.spec), { ...DEFAULT_STATE, tokens: 32_768 });
    expect(v.kv.text).toBe('512 MiB');
  });
  it('malformed JSON gives the parser message, no model', () => {
    const parsed = parseConfigText('{"num_hidden_layers": 32,');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^config is not valid JSON/);
  });
  it('a missing field is named', () => {
    const parsed = parseConfigText('{"model_type": "llama", "num_hidden_layers": 32}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('hidden_size');
  });
  it('empty text asks for a config', () => {
    expect(parseConfigText('  ')).toEqual({ ok: false, error: 'config: paste the contents of a config.json first.' });
  });
  it('a config without a name takes the file name', () => {
    const parsed = parseConfigText(mistral.replace('"_name_or_path":"mistralai/Mistral-7B-v0.1",', ''), 'x.json');
    expect(parsed.ok && parsed.model.name).toBe('x.json (mistral)');
  });
});

describe('bad input never shows NaN', () => {
  it('any preset, tokens, batch and dtypes give numbers or a message naming the field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalogue.map((c) => c.id)),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...DTYPE_NAMES),
        fc.constantFrom(...DTYPE_NAMES, 'none' as const),
        fc.constantFrom('binary' as const, 'decimal' as const),
        (id, tokens, batch, dtype, wdtype, units) => {
          const v = view(id, { tokens, batch, dtype, wdtype, units });
          expect(JSON.stringify(v)).not.toMatch(/NaN|Infinity|undefined/);
          if (v.error !== null) expect(v.error).toMatch(/tokens or batch|MAX_SAFE_INTEGER/);
          const m = preset(id);
          const r = buildReverse(m, expandSpec(m.spec), { ...DEFAULT_STATE, tokens, batch, dtype, wdtype, units });
          expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('a batch of 1,000,000 at 10M tokens is refused with a message naming tokens and batch', () => {
    const v = view('llama-3.1-405b', { tokens: 10_000_000, batch: 1_000_000 });
    expect(v.error).toMatch(/^the cache would be \d+ bytes, past Number\.MAX_SAFE_INTEGER .*; lower tokens or batch$/);
    expect(v.readout).toBe(v.error);
  });
});

describe('chart and CSV', () => {
  it('one series per model, current first, all points positive; refused points are left out', () => {
    const models = ['llama-3.1-8b', 'mamba-2.8b'].map((id) => ({
      model: preset(id),
      spec: expandSpec(preset(id).spec),
    }));
    const chart = buildChart(models, DEFAULT_STATE);
    expect(chart.series.map((s) => s.label)).toEqual(['Llama-3.1-8B (current)', 'Mamba-2.8B']);
    for (const s of chart.series) for (const p of s.points) expect(p.y).toBeGreaterThan(0);
    expect(chart.series[0]?.points[0]).toEqual({ x: 1, y: 131_072 / 2 ** 30 });
    const huge = buildChart(models, { ...DEFAULT_STATE, batch: 1_000_000 });
    expect(huge.series[0]!.points.length).toBeLessThan(chart.series[0]!.points.length);
  });
  it('the CSV has exact bytes per layer type and the totals', () => {
    const m = preset('gemma-3-27b');
    const file = breakdownCsv(m, expandSpec(m.spec), DEFAULT_STATE);
    const lines = file.text.trimEnd().split('\r\n');
    expect(file.filename).toBe('kv-cache_gemma-3-27b_131072x1_bf16.csv');
    expect(lines[0]).toBe(
      'item,layers,window,tokens_cached_per_layer,elements_per_token_per_layer,bytes_per_token_per_layer,state_elements_per_layer,bytes,formula',
    );
    expect(lines[1]).toMatch(/^full attention,10,,131072,4096,8192,0,10737418240,"10 full-attention layers/);
    expect(lines[2]).toMatch(/^sliding attention \(W = 1,024\)|^"sliding attention \(W = 1,024\)"/);
    expect(lines[3]).toBe('KV cache (attention and MLA),,,,,,,11173625856,');
  });
  it('csvField quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });
});
