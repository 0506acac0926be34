import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpackTensors } from '../../core/tensorFile';
import { parseTinyManifest } from '../../core/tinyManifest';
import { generateCorpus } from '../../lab/corpus';
import {
  buildVariantView,
  charLabel,
  DEFAULT_TEXT,
  describeRow,
  MAX_CHARS,
  prepareInput,
  readout,
  rowBars,
  runModel,
  topKeys,
  type LoadedModel,
} from './model';

function load(id: string): LoadedModel {
  const dir = new URL('../../../public/models/tiny/', import.meta.url);
  const manifest = parseTinyManifest(JSON.parse(readFileSync(new URL(`${id}.json`, dir), 'utf8')));
  return {
    manifest,
    weights: unpackTensors(new Uint8Array(readFileSync(new URL(`${id}.bin`, dir))), manifest.tensors),
  };
}

const [mha, gqa] = [load('mha'), load('gqa')];
const vocab = mha.manifest.vocab;

describe('prepareInput', () => {
  it('the default text is a sentence of the training text and needs no changes', () => {
    expect(generateCorpus()).toContain(DEFAULT_TEXT);
    const input = prepareInput(DEFAULT_TEXT, vocab);
    expect(input.chars.join('')).toBe(DEFAULT_TEXT);
    expect(input.notes).toEqual([]);
  });

  it('drops characters outside the vocabulary and says which', () => {
    const input = prepareInput('café 42!', vocab);
    expect(input.chars.join('')).toBe('caf !');
    expect(input.notes).toEqual(["Not in the model's 59-character vocabulary, so left out: “é”, “4”, “2”."]);
  });

  it('replaces a tab by a space and says so', () => {
    const input = prepareInput('a\tb', vocab);
    expect(input.chars.join('')).toBe('a b');
    expect(input.notes).toEqual(['Replaced to fit the vocabulary: “\t” → “␣”.']);
  });

  it('keeps the first 64 characters of a longer text, with a note', () => {
    const input = prepareInput('a'.repeat(70), vocab);
    expect(input.ids).toHaveLength(MAX_CHARS);
    expect(input.notes).toContain("Only the first 64 characters are used (the model's context).");
  });

  it('never crashes and always yields ids inside the vocabulary (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (text) => {
        const input = prepareInput(text, vocab);
        expect(input.ids.length).toBeLessThanOrEqual(MAX_CHARS);
        expect(input.ids.every((id) => id >= 0 && id < vocab.length)).toBe(true);
        expect(input.chars.map((c) => vocab.indexOf(c))).toEqual(input.ids);
      }),
    );
  });
});

describe('buildVariantView on the shipped weights', () => {
  const input = prepareInput(DEFAULT_TEXT, vocab);
  const T = input.ids.length;
  const views = [mha, gqa].map((m) => buildVariantView(m, runModel(m, input.ids)!, input.chars, T - 1));

  it('MHA: 2 layers of 4 KV groups with one head each; GQA-2: 2 groups of 2 heads sharing a KV head', () => {
    expect(views[0]?.layers.map((l) => l.groups.map((g) => g.heads.length))).toEqual([
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
    expect(views[1]?.layers.map((l) => l.groups.map((g) => g.heads.map((h) => h.head)))).toEqual([
      [
        [0, 1],
        [2, 3],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ]);
    expect(views[1]?.layers[0]?.groups[1]?.label).toBe('KV head 2 · shared');
    expect(views[0]?.layers[0]?.groups[1]?.label).toBe('KV 2');
  });

  it('shows validation loss, KV bytes per token and parameters from the manifest', () => {
    expect(views[0]?.stats[1]).toEqual({ label: 'KV cache', value: '1,024 B/token (fp32, 2 layers)' });
    expect(views[1]?.stats[1]).toEqual({ label: 'KV cache', value: '512 B/token (fp32, 2 layers)' });
    expect(views[1]?.stats[2]).toEqual({ label: 'Parameters', value: '98,944' });
    expect(views[0]?.stats[0]?.value).toMatch(/^\d\.\d{3} nats\/char$/);
  });

  it('predicts a newline or space after the full stop, as the training text does', () => {
    for (const view of views) expect(['␣', '↵']).toContain(view.predictions[0]?.label);
    expect(views[0]?.predictionLead).toBe('After “… bridge.” it expects');
  });

  it('text loss, predictions and descriptions contain no NaN', () => {
    for (const view of views) {
      expect(view.textLoss).toMatch(/^\d+\.\d\d nats\/char on your text$/);
      expect(JSON.stringify(view.predictions)).not.toMatch(/NaN/);
      for (const layer of view.layers)
        for (const g of layer.groups) for (const h of g.heads) expect(h.description).not.toMatch(/NaN/);
    }
  });

  it("rowBars gives the chosen head's weights up to the query (summing to 1), zeros after", () => {
    const bars = rowBars(views[1], { variant: 'gqa', layer: 1, head: 3 }, T, 10);
    expect(bars?.caption).toBe('GQA · layer 2 · head 4');
    expect(bars?.weights.slice(0, 11).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(bars?.weights.slice(11).every((w) => w === 0)).toBe(true);
    expect(rowBars(views[1], { variant: 'gqa', layer: 5, head: 0 }, T, 10)).toBeNull();
  });

  it('the readout names the query, the chosen head and both predictions', () => {
    const at3 = [mha, gqa].map((m) => buildVariantView(m, runModel(m, input.ids)!, input.chars, 3));
    const text = readout(at3, input.chars, 3, { variant: 'mha', layer: 0, head: 1 });
    expect(text).toMatch(
      /^Query “␣”, character 4 of 43\. MHA layer 1 head 2 \(KV head 2\): query “␣” attends most to /,
    );
    expect(text).toMatch(/Next character: MHA “.+” \d+(\.\d)?%, .*; GQA /);
    expect(readout([], [], 0, { variant: 'mha', layer: 0, head: 0 })).toMatch(/^Type some text/);
  });
});

describe('small helpers', () => {
  it('charLabel shows space and newline visibly', () => {
    expect([' ', '\n', 'a'].map(charLabel)).toEqual(['␣', '↵', 'a']);
  });

  it('topKeys and describeRow list the strongest keys of a row, ties by position', () => {
    const map = Float32Array.from([1, 0, 0, 0.25, 0.75, 0, 0.5, 0.25, 0.25]);
    expect(topKeys(map, 3, 2)).toEqual([
      { key: 0, weight: 0.5 },
      { key: 1, weight: 0.25 },
      { key: 2, weight: 0.25 },
    ]);
    expect(describeRow(map, 3, 1, ['a', ' ', 'c'])).toBe('“␣” (2) 0.75, “a” (1) 0.25');
  });

  it('topKeys equals sorting the row by weight, then position (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((T) =>
            fc.tuple(
              fc.constant(T),
              fc.array(fc.constantFrom(0, 0.125, 0.25, 0.5, 1), { minLength: T * T, maxLength: T * T }),
              fc.integer({ min: 0, max: T - 1 }),
            ),
          ),
        ([T, values, query]) => {
          const map = Float32Array.from(values);
          const expected = Array.from(map.subarray(query * T, query * T + query + 1), (weight, key) => ({
            key,
            weight,
          }))
            .sort((a, b) => b.weight - a.weight || a.key - b.key)
            .slice(0, 3);
          expect(topKeys(map, T, query)).toEqual(expected);
        },
      ),
    );
  });

  it('runModel returns null for empty input', () => {
    expect(runModel(mha, [])).toBeNull();
  });
});
