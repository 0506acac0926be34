import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kvCache } from './kvCache';
import { attentionKvSpec } from './modelSpec';
import { tinyGptParamCount } from './tinyGpt';
import { parseTinyManifest, type TinyManifest } from './tinyManifest';

const file = (name: string) => new URL(`../../public/models/tiny/${name}`, import.meta.url);
const raw = (id: string) => JSON.parse(readFileSync(file(`${id}.json`), 'utf8')) as TinyManifest;

describe('the shipped manifests', () => {
  it.each([
    ['mha', 4, 1024, 107_136],
    ['gqa', 2, 512, 98_944],
  ])('%s: %i KV heads, %i B/token of fp32 KV cache, %i parameters', (id, kvHeads, kvBytes, params) => {
    const m = parseTinyManifest(raw(id));
    expect(m.config.mixer.kvHeads).toBe(kvHeads);
    expect(m.kvBytesPerToken).toBe(kvBytes);
    expect(m.params).toBe(params);
    expect(tinyGptParamCount(m.config)).toBe(params);
  });

  it.each(['mha', 'gqa'])('%s: KV bytes per token agree with the KV core (attentionKvSpec + kvCache)', (id) => {
    const m = parseTinyManifest(raw(id));
    const spec = attentionKvSpec({
      layers: m.config.layers,
      kvHeads: m.config.mixer.kvHeads,
      headDim: m.config.dModel / m.config.heads,
      heads: m.config.heads,
    });
    expect(kvCache(spec, { tokens: 1, dtype: 'fp32' }).bytes).toBe(m.kvBytesPerToken);
  });

  it.each(['mha', 'gqa'])('%s: the binary has the manifest byteLength, f16, under 300 KB', (id) => {
    const m = parseTinyManifest(raw(id));
    expect(statSync(file(`${id}.bin`)).size).toBe(m.byteLength);
    expect(m.byteLength).toBeLessThan(300_000);
    expect(m.tensors.every((t) => t.dtype === 'f16')).toBe(true);
  });

  it('both variants share vocabulary, training text and steps; validation loss is below 1.2 nats/char', () => {
    const [mha, gqa] = [parseTinyManifest(raw('mha')), parseTinyManifest(raw('gqa'))];
    expect(gqa.vocab).toBe(mha.vocab);
    const { finalTrainLoss: _g, ...gqaTraining } = gqa.training;
    const { finalTrainLoss: _m, ...mhaTraining } = mha.training;
    expect(gqaTraining).toEqual(mhaTraining);
    expect(mha.training.steps).toBe(2000);
    expect(mha.valLoss).toBeLessThan(1.2);
    expect(gqa.valLoss).toBeLessThan(1.2);
  });
});

describe('parseTinyManifest names the first bad field', () => {
  const good = raw('gqa');
  const cases: [string, unknown][] = [
    ['manifest', null],
    ['format', { ...good, format: 'other' }],
    ['heads', { ...good, config: { ...good.config, heads: 5 } }],
    ['vocab', { ...good, vocab: good.vocab.slice(1) }],
    ['valLoss', { ...good, valLoss: Number.NaN }],
    ['kvBytesPerToken', { ...good, kvBytesPerToken: 0 }],
    ['kvDtype', { ...good, kvDtype: 'bf16' }],
    ['tensors', { ...good, tensors: good.tensors.slice(1) }],
    ['tensors[0]', { ...good, tensors: [...good.tensors].reverse() }],
    ['tensors[3].dtype', { ...good, tensors: good.tensors.map((t, i) => (i === 3 ? { ...t, dtype: 'int8' } : t)) }],
  ];
  it.each(cases)('%s', (field, manifest) => {
    expect(() => parseTinyManifest(manifest)).toThrow(expect.objectContaining({ field }));
  });
});
