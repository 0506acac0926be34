/**
 * Entries → retrieval chunks. Each entry yields one chunk for its facts (summary, characteristics, complexity, use
 * cases), one for its examples, and one per `##`/`###` section of the body. Ids are stable and link to the entry
 * page: `<slug>#<heading-anchor>`, with `~2`, `~3`… for the later parts of a long section. Chunk text is plain
 * text: paragraphs and list items separated by blank lines, inline math as readable text, display formulas kept as
 * `$$…$$` paragraphs (a language model can read them; the lexical legs skip them).
 */
import type { EntryFacts } from '../atlas/schema';
import { bodyAsMarkdown, headingAnchor } from '../atlas/text';

/** The entry fields chunking needs: the same shape from Astro's collection and from loadEntries(). */
export interface ChunkSource {
  facts: Pick<
    EntryFacts,
    'slug' | 'title' | 'acronym' | 'summary' | 'characteristics' | 'useCases' | 'examples' | 'complexity'
  >;
  body: string;
}

export interface Chunk {
  /** `<slug>#<anchor>` or `<slug>#<anchor>~<n>` for the n-th part of a long section. */
  id: string;
  slug: string;
  /** The heading id on the entry page. */
  anchor: string;
  /** Entry title, e.g. "Grouped Query Attention". */
  title: string;
  /** Entry acronym or "". */
  acronym: string;
  /** Headings from the top of the body down to this section, e.g. ["How it works", "Load balancing"]. */
  path: string[];
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
}

/** Sections longer than this are split at paragraph boundaries into parts of about TARGET_CHARS. */
export const MAX_CHARS = 1600;
const TARGET_CHARS = 1100;

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  Delta: 'Δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  Sigma: 'Σ',
  tau: 'τ',
  phi: 'φ',
  Theta: 'Θ',
  ell: 'ℓ',
  varnothing: '∅',
  oplus: '⊕',
  circ: '∘',
  odot: '⊙',
  nabla: '∇',
  cdot: '·',
  times: '×',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  approx: '≈',
  to: '→',
  rightarrow: '→',
  infty: '∞',
  sqrt: '√',
  sum: 'Σ',
  prod: 'Π',
  in: '∈',
  cup: '∪',
  lfloor: '⌊',
  rfloor: '⌋',
  mid: '|',
  bmod: 'mod',
  pmod: 'mod',
};

/** Inline TeX as readable text: `\mathrm{softmax}(QK^\top/\sqrt{d_h})` → `softmax(QK^⊤/√d_h)`. */
export function texToText(tex: string): string {
  return tex
    .replace(/\\(?:mathrm|text|operatorname|mathbf|mathcal|mathbb|bar|tilde|hat|boldsymbol)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\[td]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\\tfrac(\d)(\d)/g, '$1/$2')
    .replace(/\\top\b/g, '⊤')
    .replace(/\\([A-Za-z]+)/g, (_, name: string) => GREEK[name] ?? (name.length > 2 ? name : ''))
    .replace(/\\[,;:!| ]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown prose → plain text: inline math readable, links to their text, emphasis and code marks removed. */
function inlineText(markdown: string): string {
  return markdown
    .replace(/\$([^$\n]+)\$/g, (_, tex: string) => texToText(tex))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Section {
  path: string[];
  heading: string;
  lines: string[];
}

/** Splits Markdown into paragraphs: blank-line separated blocks, list items, and `$$…$$` formula blocks. */
function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inMath = false;
  const flush = () => {
    const text = current.join(' ').trim();
    if (text) out.push(text.startsWith('$$') ? text : inlineText(text));
    current = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (inMath) {
      current.push(trimmed);
      if (trimmed.includes('$$')) {
        inMath = false;
        flush();
      }
      continue;
    }
    if (trimmed.startsWith('$$')) {
      flush();
      current.push(trimmed);
      if (trimmed.slice(2).includes('$$')) flush();
      else inMath = true;
      continue;
    }
    if (!trimmed) flush();
    else if (/^([-*+]|\d+\.)\s/.test(trimmed)) {
      flush();
      current.push(`- ${trimmed.replace(/^([-*+]|\d+\.)\s+/, '')}`);
    } else current.push(trimmed);
  }
  flush();
  return out;
}

function sections(markdown: string): Section[] {
  const out: Section[] = [];
  let path: string[] = [];
  let current: Section | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = (heading[1] ?? '##').length;
      const text = inlineText(heading[2] ?? '');
      path = level === 2 ? [text] : [...path.slice(0, 1), text];
      current = { path, heading: text, lines: [] };
      out.push(current);
    } else current?.lines.push(line);
  }
  return out;
}

/** Groups paragraphs into parts of about TARGET_CHARS when the whole exceeds MAX_CHARS. */
function split(paras: readonly string[]): string[][] {
  const total = paras.reduce((n, p) => n + p.length + 2, 0);
  if (total <= MAX_CHARS) return [paras.slice()];
  const parts: string[][] = [];
  let part: string[] = [];
  let size = 0;
  for (const p of paras) {
    if (part.length > 0 && size + p.length > TARGET_CHARS) {
      parts.push(part);
      part = [];
      size = 0;
    }
    part.push(p);
    size += p.length + 2;
  }
  if (part.length) parts.push(part);
  return parts;
}

/** The chunks of one entry, in page order. */
export function chunkEntry(source: ChunkSource): Chunk[] {
  const { facts } = source;
  const base = { slug: facts.slug, title: facts.title, acronym: facts.acronym ?? '' };
  const chunks: Chunk[] = [
    {
      ...base,
      id: `${facts.slug}#key-characteristics`,
      anchor: 'key-characteristics',
      path: ['Key characteristics'],
      text: [
        facts.summary.replace(/\s+/g, ' ').trim(),
        ...facts.characteristics.map((c) => `- ${c}`),
        `Time: ${facts.complexity.time}. Memory: ${facts.complexity.memory}.`,
        `Use cases: ${facts.useCases.join('; ')}.`,
      ].join('\n\n'),
    },
    {
      ...base,
      id: `${facts.slug}#examples`,
      anchor: 'examples',
      path: ['Examples'],
      text: facts.examples.map((e) => `- ${e.name} (${e.year}): ${e.note}`).join('\n\n'),
    },
  ];
  const used = new Map<string, number>();
  for (const section of sections(bodyAsMarkdown(source.body))) {
    const slug = headingAnchor(section.heading);
    const n = used.get(slug) ?? 0;
    used.set(slug, n + 1);
    const anchor = n === 0 ? slug : `${slug}-${n}`;
    const paras = paragraphs(section.lines);
    if (paras.length === 0) continue;
    split(paras).forEach((part, i) => {
      chunks.push({
        ...base,
        id: i === 0 ? `${facts.slug}#${anchor}` : `${facts.slug}#${anchor}~${i + 1}`,
        anchor,
        path: section.path,
        text: part.join('\n\n'),
      });
    });
  }
  return chunks;
}

/** The chunks of every entry, in catalogue order. */
export function chunkEntries(sources: readonly ChunkSource[]): Chunk[] {
  return sources.flatMap(chunkEntry);
}

/** The entry-page URL of a chunk (its heading anchor; parts of a split section share it). */
export function chunkUrl(chunk: Pick<Chunk, 'slug' | 'anchor'>): string {
  return `/architectures/${chunk.slug}/#${chunk.anchor}`;
}

/** Headings the page template adds to every entry: they say nothing about the content, so they are not indexed. */
export const TEMPLATE_HEADINGS: ReadonlySet<string> = new Set(['Key characteristics', 'Examples']);

/** The headings worth indexing: the path without template headings. */
export function indexedHeadings(chunk: Pick<Chunk, 'path'>): string {
  return chunk.path.filter((h) => !TEMPLATE_HEADINGS.has(h)).join(' ');
}

/** The chunk's heading as shown in results: the deepest heading of its path. */
export function chunkHeading(chunk: Pick<Chunk, 'path'>): string {
  return chunk.path[chunk.path.length - 1] ?? '';
}
