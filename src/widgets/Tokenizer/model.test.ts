import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byteLabel,
  compareSentence,
  ENCODINGS,
  encodingView,
  kvView,
  textStats,
  tokenChips,
  visibleText,
  type Encoder,
  type EncodingName,
} from './model';
import { clampText, DEFAULT_STATE, fromUrl, toUrl } from './state';
import { buildView } from './view';

const utf8 = new TextEncoder();
const VOCAB = ['hello', ' world', '\n', ' '];

/** A tiny encoder: greedy matches of VOCAB (ids 1000+), every other UTF-8 byte on its own (id = byte value). */
function fakeEncoder(name: EncodingName = 'o200k_base', vocab = VOCAB): Encoder {
  return {
    name,
    vocabularySize: 256 + vocab.length,
    encode(text) {
      const bytes = utf8.encode(text);
      const ids: number[] = [];
      let i = 0;
      outer: while (i < bytes.length) {
        for (const [k, word] of vocab.entries()) {
          const w = utf8.encode(word);
          if (w.every((b, j) => bytes[i + j] === b)) {
            ids.push(1000 + k);
            i += w.length;
            continue outer;
          }
        }
        ids.push(bytes[i]!);
        i += 1;
      }
      return ids;
    },
    tokenBytes: (id) => (id >= 1000 ? utf8.encode(vocab[id - 1000] ?? '') : Uint8Array.of(id)),
  };
}

describe('text counts', () => {
  it('"héllo 🚀" is 7 characters and 11 UTF-8 bytes', () => {
    expect(textStats('héllo 🚀')).toEqual({ characters: 7, bytes: 11 });
  });
  it('"東京" is 2 characters and 6 bytes; the empty text is 0 and 0', () => {
    expect(textStats('東京')).toEqual({ characters: 2, bytes: 6 });
    expect(textStats('')).toEqual({ characters: 0, bytes: 0 });
  });
});

describe('token chips', () => {
  const enc = fakeEncoder();
  it('"hello world" is two chips with ids 1000 and 1001, the space drawn as a middle dot', () => {
    const chips = tokenChips(enc, enc.encode('hello world'));
    expect(chips.map((c) => [c.id, c.label, c.bytes])).toEqual([
      [1000, 'hello', 5],
      [1001, '·world', 6],
    ]);
    expect(chips[1]!.description).toBe('token 2, id 1001: " world" (6 bytes)');
  });
  it('a character split across tokens shows each token as its bytes', () => {
    const chips = tokenChips(enc, enc.encode('é'));
    expect(chips.map((c) => [c.label, c.partial])).toEqual([
      ['⟨C3⟩', true],
      ['⟨A9⟩', true],
    ]);
    expect(chips[0]!.description).toBe('token 1, id 195: bytes C3, including part of a multi-byte character');
  });
  it('a newline token is drawn as ↵ and breaks the line', () => {
    const chips = tokenChips(enc, enc.encode('hello\nhello'));
    expect(chips.map((c) => [c.label, c.breakAfter])).toEqual([
      ['hello', false],
      ['↵', true],
      ['hello', false],
    ]);
  });
  it('neighbouring chips never share a colour', () => {
    const chips = tokenChips(enc, enc.encode('abcdefghij'));
    chips.slice(1).forEach((c, i) => expect(c.tone).not.toBe(chips[i]!.tone));
  });
  it('tabs, carriage returns and control characters become visible symbols', () => {
    expect(visibleText('a\tb\r\u0000 \u00a0')).toBe('a→b␍␀·⍽');
  });
  it('the chip bytes add up to the UTF-8 length of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const total = tokenChips(enc, enc.encode(text), 10_000).reduce((s, c) => s + c.bytes, 0);
        expect(total).toBe(textStats(text).bytes);
      }),
    );
  });
});

describe('encoding views and comparison', () => {
  it('counts every token but draws only up to the limit', () => {
    const view = encodingView(fakeEncoder(), 'abcdef', 4);
    expect([view.tokens, view.chips.length, view.hidden, view.ratio]).toEqual([6, 4, 2, '1.0 characters per token']);
  });
  it('the empty text has no tokens and no ratio', () => {
    expect(encodingView(fakeEncoder(), '')).toMatchObject({ tokens: 0, chips: [], ratio: '' });
  });
  it('says which encoding needs fewer tokens and by how much', () => {
    const a = encodingView(fakeEncoder('o200k_base'), 'hello world');
    const b = encodingView(fakeEncoder('cl100k_base', []), 'hello');
    expect(compareSentence(a, b)).toBe('o200k_base needs 3 tokens fewer than cl100k_base (2 vs 5, 60% fewer).');
    expect(compareSentence(a, a)).toBe('o200k_base and o200k_base both need 2 tokens.');
  });
});

describe('KV memory of the tokens (src/core kvCache)', () => {
  it('8 tokens in Llama-3.1-8B cache 1 MiB (128 KiB per token, bf16)', () => {
    const kv = kvView('llama-3.1-8b', 8);
    expect(kv.bytes).toBe(1_048_576);
    expect(kv.sentence).toBe(
      '8 tokens cache 1 MiB of keys and values in Llama-3.1-8B (bf16, 128 KiB per token, one sequence).',
    );
    expect(kv.href).toBe('/explore/kv-cache/?model=llama-3.1-8b&tokens=8');
  });
  it('5,000 tokens in Mistral-7B cache 512 MiB: the 4,096-token window caps every layer', () => {
    const kv = kvView('mistral-7b-v0.1', 5000);
    expect(kv.bytes).toBe(536_870_912);
    expect(kv.notes).toHaveLength(1);
  });
  it('Mamba-2.8B has no KV cache, and says so', () => {
    const kv = kvView('mamba-2.8b', 10);
    expect(kv.bytes).toBe(0);
    expect(kv.notes[0]).toMatch(/no KV cache/);
  });
  it('zero tokens cost 0 B and link nowhere; an unknown model falls back to Llama-3.1-8B', () => {
    expect(kvView('llama-3.1-8b', 0)).toMatchObject({ bytes: 0, bytesText: '0 B', href: null });
    expect(kvView('gpt-9', 1).modelId).toBe('llama-3.1-8b');
  });
});

describe('the whole view', () => {
  const state = { text: 'hello world', model: 'llama-3.1-8b' };
  it('before loading: counts without tokens, and the load button with its size', () => {
    const view = buildView(state, {}, 'idle');
    expect(view.encodings).toEqual([]);
    expect(view.readout).toBe('11 characters, 11 UTF-8 bytes. Tokens appear once the tokenizer is loaded.');
    expect(view.loadLabel).toBe('Load the tokenizer (≈ 1,467 KB)');
  });
  it('after loading: both encodings, the comparison and the KV sentence', () => {
    const view = buildView(
      state,
      { o200k_base: fakeEncoder('o200k_base'), cl100k_base: fakeEncoder('cl100k_base', ['hello']) },
      'ready',
    );
    expect(view.encodings.map((e) => e.tokens)).toEqual([2, 7]);
    expect(view.readout).toBe(
      '2 tokens in o200k_base and 7 in cl100k_base; 11 characters, 11 UTF-8 bytes. ' +
        '2 tokens cache 256 KiB of keys and values in Llama-3.1-8B (bf16, 128 KiB per token, one sequence).',
    );
  });
});

describe('URL state', () => {
  it('reads text and model, and notes an unknown model', () => {
    const { state, notes } = fromUrl(new URLSearchParams('text=hi&model=nope'));
    expect(state).toEqual({ text: 'hi', model: 'llama-3.1-8b' });
    expect(notes).toEqual(['Unknown model "nope" in the link; showing Llama-3.1-8B.']);
  });
  it('cuts over-long text with a note and never splits a surrogate pair', () => {
    const long = 'a'.repeat(19_999) + '🚀🚀';
    const { text, note } = clampText(long);
    expect(text.length).toBe(19_999);
    expect(note).toMatch(/20,000/);
  });
  it('leaves defaults out of the URL', () => {
    expect(toUrl(DEFAULT_STATE)).toEqual({ text: undefined, model: undefined });
    expect(toUrl({ text: 'x', model: 'gemma-2-9b' })).toEqual({ text: 'x', model: 'gemma-2-9b' });
  });
});

describe('download size stated on the button', () => {
  const root = dirname(createRequire(import.meta.url).resolve('gpt-tokenizer/package.json'));
  for (const name of ['o200k_base', 'cl100k_base'] as const) {
    it(`${name}'s merge table is within 10% of the ${ENCODINGS[name].gzipKb} kB the button states`, () => {
      const gz = gzipSync(readFileSync(join(root, 'esm/bpeRanks', `${name}.js`)), { level: 6 }).length / 1000;
      expect(Math.abs(gz - ENCODINGS[name].gzipKb) / ENCODINGS[name].gzipKb).toBeLessThan(0.1);
    });
  }
});

describe('byte labels', () => {
  it('keeps complete characters as text and groups the rest as hex', () => {
    expect(byteLabel(Uint8Array.of(0x20, 0xf0, 0x9f, 0x9a))).toEqual({ label: '·⟨F0 9F 9A⟩', partial: true });
    expect(byteLabel(Uint8Array.of(0x80, 0x61))).toEqual({ label: '⟨80⟩a', partial: true });
    expect(byteLabel(new TextEncoder().encode('é⟨!'))).toEqual({ label: 'é⟨!', partial: false });
  });
});
