import { describe, expect, it } from 'vitest';
import { loadEntries } from '../atlas/load';
import { chunkEntries, chunkEntry, chunkUrl, MAX_CHARS, texToText, type ChunkSource } from './chunk';

const facts: ChunkSource['facts'] = {
  slug: 'toy',
  title: 'Toy Attention',
  acronym: 'TA',
  summary: 'A toy entry.',
  characteristics: ['one', 'two', 'three', 'four'],
  useCases: ['tests'],
  examples: [{ name: 'Toy-1', year: 2024, note: 'The first toy.' }],
  complexity: { time: 'O(n)', memory: 'O(1)' },
};

describe('chunkEntry', () => {
  it('yields facts, examples, then one chunk per section with ids <slug>#<anchor> and heading paths', () => {
    const body = [
      "import Demo from '../../widgets/Demo/Demo';",
      '## How it works',
      '',
      '### Step one',
      'The **first** step uses $O(n^2 d)$ work; see [the cache](/architectures/kv-cache/).',
      '',
      '<Demo client:visible />',
      '',
      '$$',
      'y = \\mathrm{softmax}(x)',
      '$$',
      '',
      '- a list item',
      '## Complexity',
      'Linear.',
      '## Complexity',
      'Again.',
    ].join('\n');
    const chunks = chunkEntry({ facts, body });
    expect(chunks.map((c) => c.id)).toEqual([
      'toy#key-characteristics',
      'toy#examples',
      'toy#step-one',
      'toy#complexity',
      'toy#complexity-1',
    ]);
    const step = chunks[2];
    expect(step?.path).toEqual(['How it works', 'Step one']);
    expect(step?.text).toBe(
      'The first step uses O(n^2 d) work; see the cache.\n\n$$ y = \\mathrm{softmax}(x) $$\n\n- a list item',
    );
    expect(chunks[1]?.text).toBe('- Toy-1 (2024): The first toy.');
    expect(chunkUrl(step!)).toBe('/architectures/toy/#step-one');
  });

  it('splits a section longer than MAX_CHARS at paragraph boundaries into parts ~2, ~3…', () => {
    const para = 'Word '.repeat(80).trim() + '.';
    const body = `## Long\n\n${[para, para, para, para].join('\n\n')}`;
    const ids = chunkEntry({ facts, body }).map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('toy#long'))).toEqual(['toy#long', 'toy#long~2']);
  });
});

describe('chunkEntries over the atlas', () => {
  const chunks = chunkEntries(loadEntries());

  it('gives every chunk a unique id and non-empty text, and stays within MAX_CHARS per chunk', () => {
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
    expect(chunks.every((c) => c.text.trim().length > 0)).toBe(true);
    expect(chunks.every((c) => c.text.length <= MAX_CHARS)).toBe(true);
  });

  it('uses the heading ids Astro generates: flash-attention#flashattention-2-and--3', () => {
    const ids = chunks.map((c) => c.id);
    expect(ids).toContain('flash-attention#flashattention-2-and--3');
    expect(ids).toContain('multimodal#projected-soft-tokens-llava');
    expect(ids).toContain('mixture-of-experts#load-balancing');
  });

  it('skips a heading with no text of its own (diffusion "How it works" goes straight to ###)', () => {
    expect(chunks.map((c) => c.id)).not.toContain('diffusion-models#how-it-works');
  });
});

describe('texToText', () => {
  it('renders inline TeX readably: \\mathrm{softmax}(QK^\\top/\\sqrt{d_h}) → softmax(QK^⊤/√d_h)', () => {
    expect(texToText('\\mathrm{softmax}(QK^\\top/\\sqrt{d_h})')).toBe('softmax(QK^⊤/√d_h)');
    expect(texToText('2 \\cdot L \\cdot G \\le n')).toBe('2 · L · G ≤ n');
    expect(texToText('\\tfrac{8}{3}d')).toBe('(8)/(3)d');
  });
});
