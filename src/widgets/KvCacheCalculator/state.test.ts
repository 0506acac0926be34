import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES } from '../../core/dtypes';
import { compactSpec, expandSpec } from './spec';
import { describeAttention, sourceHref } from './describe';
import { kvCatalogue } from './catalogue';
import { DEFAULT_STATE, explorerHref, fromUrl, readState, toUrl } from './state';
import { presetSpec } from '../../models/presets';

const ids = kvCatalogue().map((m) => m.id);
const read = (query: string) => fromUrl(new URLSearchParams(query), DEFAULT_STATE, ids);

describe('URL state', () => {
  it('a link from another widget (?model=<preset>&tokens=<n>) selects the preset and context', () => {
    const { state, notes } = read('model=mistral-7b-v0.1&tokens=32768');
    expect(state.model).toBe('mistral-7b-v0.1');
    expect(state.tokens).toBe(32_768);
    expect(notes).toEqual([]);
  });
  it('bad values fall back to the defaults with notes naming the parameter and range', () => {
    const { state, notes } = read('model=gpt-5&tokens=abc&batch=0&dtype=fp7&wdtype=q2&compare=llama-2-7b,nope');
    expect(state).toMatchObject({ model: 'llama-3.1-8b', tokens: 131_072, batch: 1, dtype: 'bf16', wdtype: 'bf16' });
    expect(state.compare).toEqual(['llama-2-7b']);
    expect(notes[0]).toMatch(/^model="gpt-5" in the link is not a preset id \(llama-2-7b, /);
    expect(notes.slice(1)).toEqual([
      'tokens="abc" in the link is not a whole number from 1 to 10,000,000; showing 131,072.',
      'batch="0" in the link is not a whole number from 1 to 1,000,000; showing 1.',
      'dtype="fp7" in the link is not one of fp32, fp16, bf16, fp8, int8, int4, q8_0, q4_0; showing bf16.',
      'wdtype="q2" in the link is not one of fp32, fp16, bf16, fp8, int8, int4, q8_0, q4_0 or none; showing bf16.',
      'compare: "nope" in the link is not a preset id; left out.',
    ]);
  });
  it('tokens past 10M are refused, not clamped silently', () => {
    expect(read('tokens=10000001').notes[0]).toContain('from 1 to 10,000,000');
  });
  it('more than three comparison models keep the first three, with a note; compare=none empties the list', () => {
    const many = read('compare=llama-2-7b,llama-2-70b,falcon-7b,gpt2-small');
    expect(many.state.compare).toEqual(['llama-2-7b', 'llama-2-70b', 'falcon-7b']);
    expect(many.notes).toEqual(['compare lists 4 models; the chart draws the first 3 besides the current one.']);
    expect(read('compare=none').state.compare).toEqual([]);
  });
  it('model=custom explains that a pasted config cannot travel in a link', () => {
    expect(read('model=custom').notes[0]).toMatch(/^A pasted config.json cannot travel in the link/);
  });
  it('state → URL → state is the identity for any valid state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...DTYPE_NAMES),
        fc.constantFrom(...DTYPE_NAMES, 'none' as const),
        fc.subarray(ids, { maxLength: 3 }),
        (model, tokens, batch, dtype, wdtype, compare) => {
          const state = {
            ...DEFAULT_STATE,
            model,
            tokens,
            batch,
            dtype,
            wdtype,
            compare: compare.filter((c) => c !== model),
          };
          const query = new URLSearchParams();
          for (const [k, v] of Object.entries(toUrl(state, DEFAULT_STATE))) if (v !== undefined) query.set(k, v);
          const back = fromUrl(query, DEFAULT_STATE, ids);
          expect(back.notes).toEqual([]);
          expect(back.state).toEqual(state);
        },
      ),
    );
  });
  it('the default state writes nothing; the explorer link always names model and tokens', () => {
    expect(Object.values(toUrl(DEFAULT_STATE, DEFAULT_STATE)).filter(Boolean)).toEqual([]);
    expect(explorerHref({ ...DEFAULT_STATE, model: 'falcon-7b', tokens: 2048, compare: ['llama-2-7b'] })).toBe(
      '/explore/kv-cache/?model=falcon-7b&tokens=2048&compare=llama-2-7b',
    );
  });
  it('embed props are read like links, with "the embed" in the notes', () => {
    const { state, notes } = readState({ model: 'deepseek-v3', tokens: 0 }, DEFAULT_STATE, ids, 'the embed');
    expect(state.model).toBe('deepseek-v3');
    expect(notes).toEqual(['tokens=0 in the embed is not a whole number from 1 to 10,000,000; showing 131,072.']);
  });
});

describe('specs and words', () => {
  it('compact specs expand back to the same spec for every preset', () => {
    for (const id of ids) expect(expandSpec(compactSpec(presetSpec(id)))).toEqual(presetSpec(id));
  });
  it('Llama-3.1-405B’s 126 identical layers are one run', () => {
    expect(compactSpec(presetSpec('llama-3.1-405b')).layerRuns).toEqual([['attention', null, 'dense', 126]]);
  });
  it('describes attention layouts', () => {
    expect(describeAttention(presetSpec('falcon-7b'))).toBe('MQA (1 KV head)');
    expect(describeAttention(presetSpec('llama-2-7b'))).toBe('MHA (32 KV heads)');
    expect(describeAttention(presetSpec('deepseek-v3'))).toBe('MLA (latent 512 + rope 64)');
    expect(describeAttention(presetSpec('jamba-v0.1'))).toBe('GQA (8 KV heads), Mamba on 28 of 32 layers');
    expect(describeAttention(presetSpec('mamba-2.8b'))).toBe('Mamba SSM, no attention');
  });
  it('links GitHub sources at their commit and arXiv ids', () => {
    expect(sourceHref('meta-llama/llama:MODEL_CARD.md@689c7f2 (Llama 2 table)')).toBe(
      'https://github.com/meta-llama/llama/blob/689c7f2/MODEL_CARD.md',
    );
    expect(sourceHref('Mistral 7B paper (arXiv:2310.06825) Table 1')).toBe('https://arxiv.org/abs/2310.06825');
    expect(sourceHref('Llama 2 model card')).toBeNull();
  });
});
