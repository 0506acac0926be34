import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupBySection, neighbours } from './catalogue';
import { ENTRIES_DIR, loadEntries } from './load';

/** DESIGN.md §5, literally. */
const CATALOGUE = {
  'Neural Network Architectures': [
    'dense-transformer',
    'mixture-of-experts',
    'state-space-models',
    'hybrid-ssm-attention',
  ],
  'Generative Models': ['multimodal', 'vision-transformer', 'diffusion-models'],
  'Attention Mechanisms & Position Encodings': [
    'multi-head-attention',
    'multi-query-attention',
    'grouped-query-attention',
    'multi-head-latent-attention',
    'sliding-window-attention',
    'grouped-window-attention',
    'flash-attention',
    'rope',
    'alibi',
  ],
  'Inference & Memory': ['tokenization', 'kv-cache', 'speculative-decoding'],
  'Tooling & Application Patterns': ['mcp', 'rag', 'tool-calling'],
};

describe('loadEntries', () => {
  const entries = loadEntries();

  it('reads all 22 entries of DESIGN.md §5, in section order and position', () => {
    const grouped = Object.fromEntries(
      groupBySection(entries).map(({ section, entries: es }) => [section.title, es.map((e) => e.facts.slug)]),
    );
    expect(grouped).toEqual(CATALOGUE);
  });

  it('keeps each body and never leaves placeholder text', () => {
    for (const { facts, body } of entries) {
      expect(body, facts.slug).toMatch(/^## How it works/m);
      expect(body, facts.slug).toMatch(/^## Trade-offs and when to choose it/m);
      expect(body, facts.slug).not.toMatch(/lorem ipsum|coming soon|\bTBD\b/i);
    }
  });

  it('gives the first entry no previous and the last no next', () => {
    expect(neighbours(entries, 'dense-transformer')).toMatchObject({
      prev: undefined,
      next: { facts: { slug: 'mixture-of-experts' } },
    });
    expect(neighbours(entries, 'tool-calling').next).toBeUndefined();
  });

  it('names the file and field of a broken entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
    const source = readFileSync(join(ENTRIES_DIR, 'rope.mdx'), 'utf8').replace(/^title: .*$/m, 'title: ""');
    writeFileSync(join(dir, 'rope.mdx'), source.replace(/^related:[\s\S]*?^complexity:/m, 'related: []\ncomplexity:'));
    expect(() => loadEntries(dir)).toThrow('src/content/entries/rope.mdx: title: must not be empty');
  });

  it('agrees with the facts the site built (dist/atlas/entries.json)', () => {
    const built = 'dist/atlas/entries.json';
    expect(existsSync(built), 'run `npm run build` before the unit tests (npm test does)').toBe(true);
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(JSON.parse(JSON.stringify(entries.map((e) => e.facts))));
  });
});
