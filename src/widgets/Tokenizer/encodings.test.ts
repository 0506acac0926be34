import { describe, expect, it } from 'vitest';
import { loadEncoding } from './encodings';
import { encodingView } from './model';

describe('the real encodings (gpt-tokenizer 4.0.0)', () => {
  it('o200k_base encodes "hello world" as [24912, 2375]', async () => {
    const o200k = await loadEncoding('o200k_base');
    expect(o200k.encode('hello world')).toEqual([24912, 2375]);
    expect(o200k.vocabularySize).toBeGreaterThan(199_990);
  });
  it('cl100k_base encodes "hello world" as [15339, 1917]', async () => {
    const cl100k = await loadEncoding('cl100k_base');
    expect(cl100k.encode('hello world')).toEqual([15339, 1917]);
  });
  it('o200k_base splits " 🚀" into bytes 20 F0 9F 9A and 80, shown as partial chips', async () => {
    const o200k = await loadEncoding('o200k_base');
    expect(encodingView(o200k, '🚀').chips.map((c) => [c.label, c.partial])).toEqual([
      ['⟨F0 9F 9A⟩', true],
      ['⟨80⟩', true],
    ]);
    const view = encodingView(o200k, '東京 🚀');
    expect(view.ids).toEqual([108713, 169883, 222]);
    expect(view.chips.map((c) => c.label)).toEqual(['東京', '·⟨F0 9F 9A⟩', '⟨80⟩']);
  });
  it('"Tokenization costs memory." is 5 tokens in both, with different ids', async () => {
    const [o200k, cl100k] = await Promise.all([loadEncoding('o200k_base'), loadEncoding('cl100k_base')]);
    const text = 'Tokenization costs memory.';
    expect(o200k.encode(text)).toEqual([4421, 2860, 8959, 8197, 13]);
    expect(cl100k.encode(text)).toEqual([3404, 2065, 7194, 5044, 13]);
    expect(encodingView(o200k, text).chips.map((c) => c.label)).toEqual(['Token', 'ization', '·costs', '·memory', '.']);
  });
});
