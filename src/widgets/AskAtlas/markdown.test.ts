import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswer, type Block, type Inline } from './markdown';

const sources: Record<string, { n: number; url: string; label: string }> = {
  '1': { n: 1, url: '/architectures/kv-cache/#complexity', label: 'KV Cache › Complexity' },
  'kv-cache#complexity': { n: 1, url: '/architectures/kv-cache/#complexity', label: 'KV Cache › Complexity' },
  'rope#how-it-works': { n: 2, url: '/architectures/rope/#how-it-works', label: 'RoPE › How it works' },
};
const cite = (ref: string) => sources[ref] ?? null;

function texts(blocks: Block[]): string {
  const inline = (xs: Inline[]): string =>
    xs
      .map((x) =>
        x.type === 'text' || x.type === 'code' ? x.text : x.type === 'cite' ? `[${x.n}]` : inline(x.children),
      )
      .join('');
  return blocks.map((b) => (b.type === 'p' ? inline(b.inlines) : b.items.map(inline).join('|'))).join('\n');
}

describe('parseAnswer', () => {
  it('turns [chunk-id] and [n] markers into numbered citations with index URLs', () => {
    const [p] = parseAnswer(
      'It grows linearly [kv-cache#complexity]. See also [1], [kv-cache#complexity, rope#how-it-works].',
      cite,
    );
    expect(p).toEqual({
      type: 'p',
      inlines: [
        { type: 'text', text: 'It grows linearly ' },
        { type: 'cite', ...sources['1'] },
        { type: 'text', text: '. See also ' },
        { type: 'cite', ...sources['1'] },
        { type: 'text', text: ', ' },
        { type: 'cite', ...sources['1'] },
        { type: 'cite', ...sources['rope#how-it-works'] },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('keeps unknown brackets and reduces links to their text (no model-supplied URL becomes a link)', () => {
    const [p] = parseAnswer('A [made-up#id] and [click](javascript:alert(1)) here.', cite);
    expect(texts([p!])).toBe('A [made-up#id] and click here.');
    expect(JSON.stringify(p)).not.toContain('javascript');
  });

  it('parses paragraphs, lists, bold, italic and code', () => {
    const blocks = parseAnswer('**GQA** shares *KV* heads.\n\n- one `G = 8`\n- two\n\n1. first\n2. second', cite);
    expect(blocks.map((b) => b.type)).toEqual(['p', 'ul', 'ol']);
    expect(blocks[0]).toMatchObject({
      inlines: [{ type: 'strong' }, { type: 'text' }, { type: 'em' }, { type: 'text' }],
    });
    expect(texts(blocks)).toBe('GQA shares KV heads.\none G = 8|two\nfirst|second');
  });

  it('keeps HTML as literal text', () => {
    expect(texts(parseAnswer('<img src=x onerror=alert(1)> <script>x</script>', cite))).toBe(
      '<img src=x onerror=alert(1)> <script>x</script>',
    );
  });

  it('never throws and never loses letters of plain text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const out = texts(parseAnswer(text, cite));
        const letters = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
        if (!/[*_`[\]#\-+]|\d[.)]/.test(text)) expect(letters(out)).toBe(letters(text));
      }),
    );
  });
});
