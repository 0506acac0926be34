import { describe, expect, it } from 'vitest';
import type { EntryFacts } from './schema';
import { checkCatalogue, EntryError, parseFacts } from './validate';

const valid = {
  slug: 'example-entry',
  section: 'attention-mechanisms',
  order: 1,
  kind: 'Attention Mechanism',
  title: 'Example Attention',
  acronym: 'EA',
  summary: 'One sentence.',
  characteristics: ['a', 'b', 'c', 'd'],
  useCases: ['x', 'y', 'z'],
  examples: [
    { name: 'M1', year: 2023, note: 'n' },
    { name: 'M2', year: 2024, note: 'n' },
    { name: 'M3', year: 2024, note: 'n' },
  ],
  references: [{ title: 'T', authors: 'A', year: 2023, arxiv: '2305.13245' }],
  related: [],
  complexity: { time: 'O(n²)', memory: 'O(n)' },
};

const FILE = 'src/content/entries/example-entry.mdx';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EntryError);
    return (error as Error).message;
  }
  throw new Error('expected an EntryError');
}

describe('parseFacts', () => {
  it('accepts a complete entry and keeps its facts', () => {
    expect(parseFacts(FILE, 'example-entry', valid).title).toBe('Example Attention');
  });

  it('names the file and the field when characteristics are not exactly 4', () => {
    const message = errorOf(() => parseFacts(FILE, 'example-entry', { ...valid, characteristics: ['a', 'b', 'c'] }));
    expect(message).toBe(`${FILE}: characteristics: characteristics must have exactly 4 items`);
  });

  it('names nested fields: examples.1.year', () => {
    const examples = [valid.examples[0], { name: 'M2', year: 'soon', note: 'n' }, valid.examples[2]];
    expect(errorOf(() => parseFacts(FILE, 'example-entry', { ...valid, examples }))).toContain(
      `${FILE}: examples.1.year:`,
    );
  });

  it('requires an arxiv id or a url on each reference', () => {
    const references = [{ title: 'T', authors: 'A', year: 2023 }];
    expect(errorOf(() => parseFacts(FILE, 'example-entry', { ...valid, references }))).toBe(
      `${FILE}: references.0.arxiv: a reference needs an arxiv id or a url`,
    );
  });

  it('rejects a malformed arxiv id', () => {
    const references = [{ title: 'T', authors: 'A', year: 2023, arxiv: 'arXiv:2305' }];
    expect(errorOf(() => parseFacts(FILE, 'example-entry', { ...valid, references }))).toContain(
      'arxiv must look like 2305.13245',
    );
  });

  it('rejects unknown sections and kinds, and unknown fields', () => {
    expect(errorOf(() => parseFacts(FILE, 'example-entry', { ...valid, section: 'misc' }))).toContain(
      `${FILE}: section:`,
    );
    expect(errorOf(() => parseFacts(FILE, 'example-entry', { ...valid, kind: 'Gadget' }))).toContain(`${FILE}: kind:`);
    expect(errorOf(() => parseFacts(FILE, 'example-entry', { ...valid, colour: 'red' }))).toContain(
      "Unrecognized key(s) in object: 'colour'",
    );
  });

  it('requires the slug to equal the file name', () => {
    expect(errorOf(() => parseFacts(FILE, 'other-name', valid))).toBe(
      `${FILE}: slug: "example-entry" must equal the file name "other-name"`,
    );
  });

  it('reports a frontmatter that is not an object', () => {
    expect(errorOf(() => parseFacts(FILE, 'example-entry', null))).toContain(`${FILE}: (frontmatter):`);
  });
});

describe('checkCatalogue', () => {
  const facts = (over: Partial<EntryFacts>): EntryFacts => ({ ...(valid as EntryFacts), ...over });

  it('reports a related slug that no entry has, naming the file and the index', () => {
    const entries = [{ file: 'a.mdx', facts: facts({ slug: 'a', related: ['b', 'missing'] }) }];
    entries.push({ file: 'b.mdx', facts: facts({ slug: 'b', order: 2 }) });
    expect(errorOf(() => checkCatalogue(entries))).toBe('a.mdx: related.1: no entry has the slug "missing"');
  });

  it('reports two entries at the same position of a section', () => {
    const entries = [
      { file: 'a.mdx', facts: facts({ slug: 'a' }) },
      { file: 'b.mdx', facts: facts({ slug: 'b' }) },
    ];
    expect(errorOf(() => checkCatalogue(entries))).toBe(
      'b.mdx: order: 1 is already taken in attention-mechanisms by a.mdx',
    );
  });
});
