/**
 * The attention patterns as pure predicates M(query, key), registered once with the paper each comes from:
 * - full and causal: Vaswani et al. 2017, "Attention Is All You Need", §3.2.3 (decoder masking);
 * - sliding, dilated and local-global: Beltagy, Peters & Cohan 2020, "Longformer", §3.1 (sliding window, dilated
 *   sliding window, global attention); causal sliding as in Mistral 7B (Jiang et al. 2023, §2); BigBird
 *   (Zaheer et al. 2020) combines the same window and global tokens;
 * - grouped-window: the block-plus-summary "fixed" pattern of Sparse Transformers (Child et al. 2019, §4), with the
 *   first token of each window as its summary;
 * - chunked: Llama 4's chunked local attention (Meta 2025, "The Llama 4 herd");
 * - prefix-lm: Raffel et al. 2019, "Exploring the Limits of Transfer Learning" (T5), §3.2.1 and Figure 3.
 * Composite patterns are built with `and` / `or` so each rule is written once.
 */
import { PATTERN_NAMES, type Citation, type MaskPattern, type MaskPredicate, type PatternName } from './types';

/** A predicate true where both `a` and `b` are. */
export const and =
  (a: MaskPredicate, b: MaskPredicate): MaskPredicate =>
  (query, key, params) =>
    a(query, key, params) && b(query, key, params);

/** A predicate true where `a` or `b` is. */
export const or =
  (a: MaskPredicate, b: MaskPredicate): MaskPredicate =>
  (query, key, params) =>
    a(query, key, params) || b(query, key, params);

const always: MaskPredicate = () => true;
const causal: MaskPredicate = (query, key) => key <= query;
/** Causal when the direction is causal, no constraint when bidirectional. */
const directed: MaskPredicate = (query, key, p) => p.direction !== 'causal' || key <= query;

/** Causal: keys i−W+1…i. Bidirectional: keys i−⌊W/2⌋…i+⌊W/2⌋. */
const sliding: MaskPredicate = (query, key, p) =>
  p.direction === 'causal' ? key <= query && query - key < p.window : Math.abs(query - key) <= p.window >> 1;

/** Causal: keys i, i−d, …, i−(W−1)d. Bidirectional: keys i ± k·d for k ≤ ⌊W/2⌋. */
const dilated: MaskPredicate = (query, key, p) => {
  const distance = p.direction === 'causal' ? query - key : Math.abs(query - key);
  if (distance < 0 || distance % p.dilation !== 0) return false;
  const steps = distance / p.dilation;
  return p.direction === 'causal' ? steps < p.window : steps <= p.window >> 1;
};

/** Global tokens see every key, and every query sees them (rows and columns of the global positions). */
const globalRowsCols: MaskPredicate = (query, key, p) => p.global.includes(query) || p.global.includes(key);

const windowOf = (position: number, size: number): number => Math.floor((position - 1) / size);
const sameGroup: MaskPredicate = (query, key, p) => windowOf(query, p.group) === windowOf(key, p.group);
const groupFirstToken: MaskPredicate = (_query, key, p) => (key - 1) % p.group === 0;
const sameChunk: MaskPredicate = (query, key, p) => windowOf(query, p.chunk) === windowOf(key, p.chunk);
const bothInPrefix: MaskPredicate = (query, key, p) => query <= p.prefix && key <= p.prefix;

const VASWANI: Citation = {
  title: 'Attention Is All You Need',
  authors: 'Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser, Polosukhin',
  year: 2017,
  arxiv: '1706.03762',
  where: '§3.2.3',
};
const longformer = (where: string): Citation => ({
  title: 'Longformer: The Long-Document Transformer',
  authors: 'Beltagy, Peters, Cohan',
  year: 2020,
  arxiv: '2004.05150',
  where,
});
const MISTRAL: Citation = {
  title: 'Mistral 7B',
  authors: 'Jiang et al.',
  year: 2023,
  arxiv: '2310.06825',
  where: '§2, Sliding Window Attention',
};
const BIGBIRD: Citation = {
  title: 'Big Bird: Transformers for Longer Sequences',
  authors: 'Zaheer et al.',
  year: 2020,
  arxiv: '2007.14062',
  where: '§2, window and global attention',
};

type PatternRecord = Omit<MaskPattern, 'id'>;

const REGISTRY = {
  full: {
    label: 'Full',
    description: 'Every token attends to every token (encoder self-attention).',
    uses: [],
    citation: VASWANI,
    seeAlso: [],
    cost: { perToken: 'O(n)', total: 'O(n²)' },
    predicate: always,
  },
  causal: {
    label: 'Causal',
    description: 'Token i attends to tokens 1…i (decoder self-attention).',
    uses: [],
    citation: VASWANI,
    seeAlso: [],
    cost: { perToken: 'O(n)', total: 'O(n²)' },
    predicate: causal,
  },
  sliding: {
    label: 'Sliding window',
    description: 'A window of W tokens: i−W+1…i when causal, i−⌊W/2⌋…i+⌊W/2⌋ when bidirectional.',
    uses: ['window', 'direction'],
    citation: longformer('§3.1, Sliding Window'),
    seeAlso: [MISTRAL],
    cost: { perToken: 'O(W)', total: 'O(n·W)' },
    predicate: sliding,
  },
  dilated: {
    label: 'Dilated window',
    description: 'W keys spaced d apart: i, i−d, …, i−(W−1)d when causal, i ± k·d for k ≤ ⌊W/2⌋ when bidirectional.',
    uses: ['window', 'dilation', 'direction'],
    citation: longformer('§3.1, Dilated Sliding Window'),
    seeAlso: [],
    cost: { perToken: 'O(W)', total: 'O(n·W)' },
    predicate: dilated,
  },
  'local-global': {
    label: 'Local + global',
    description: 'A sliding window plus global tokens that attend to everything and that everything attends to.',
    uses: ['window', 'global', 'direction'],
    citation: longformer('§3.1, Global Attention'),
    seeAlso: [BIGBIRD],
    cost: { perToken: 'O(W + g)', total: 'O(n·(W + g))' },
    predicate: and(directed, or(sliding, globalRowsCols)),
  },
  'grouped-window': {
    label: 'Grouped window',
    description: 'Windows of G tokens: a token attends to its own window and to the first token of every window.',
    uses: ['group', 'direction'],
    citation: {
      title: 'Generating Long Sequences with Sparse Transformers',
      authors: 'Child, Gray, Radford, Sutskever',
      year: 2019,
      arxiv: '1904.10509',
      where: '§4, the fixed attention pattern (block plus summary positions)',
    },
    seeAlso: [],
    cost: { perToken: 'O(G + n/G)', total: 'O(n·(G + n/G))' },
    predicate: and(directed, or(sameGroup, groupFirstToken)),
  },
  chunked: {
    label: 'Chunked',
    description: 'Causal attention inside fixed chunks of C tokens only; nothing crosses a chunk boundary.',
    uses: ['chunk'],
    citation: {
      title: 'The Llama 4 herd: The beginning of a new era of natively multimodal AI innovation',
      authors: 'Meta AI',
      year: 2025,
      arxiv: null,
      where: 'iRoPE: chunked local attention layers (attention_chunk_size 8192 in the released configs)',
      url: 'https://ai.meta.com/blog/llama-4-multimodal-intelligence/',
    },
    seeAlso: [],
    cost: { perToken: 'O(C)', total: 'O(n·C)' },
    predicate: and(causal, sameChunk),
  },
  'prefix-lm': {
    label: 'Prefix LM',
    description: 'The first P tokens attend to each other bidirectionally; every later token is causal.',
    uses: ['prefix'],
    citation: {
      title: 'Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer',
      authors: 'Raffel, Shazeer, Roberts, Lee, Narang, Matena, Zhou, Li, Liu',
      year: 2019,
      arxiv: '1910.10683',
      where: '§3.2.1, Figure 3 (causal with prefix)',
    },
    seeAlso: [],
    cost: { perToken: 'O(n)', total: 'O(n²)' },
    predicate: or(causal, bothInPrefix),
  },
} as const satisfies Record<PatternName, PatternRecord>;

/** Every attention pattern, in display order; each registered exactly once. */
export const PATTERNS: readonly MaskPattern[] = PATTERN_NAMES.map((id) => ({ id, ...REGISTRY[id] }));

/** True when `name` is a registered pattern. */
export function isPatternName(name: unknown): name is PatternName {
  return typeof name === 'string' && (PATTERN_NAMES as readonly string[]).includes(name);
}

/** The registered pattern called `name`. */
export function getPattern(name: PatternName): MaskPattern {
  const pattern = PATTERNS.find((p) => p.id === name);
  if (!pattern) throw new RangeError(`pattern must be one of ${PATTERN_NAMES.join(', ')}, got "${String(name)}"`);
  return pattern;
}
