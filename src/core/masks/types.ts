/**
 * Types of the attention-mask core. A mask is the boolean matrix M[query, key] of scaled dot-product attention,
 * softmax(QKᵀ/√d + mask)·V (Vaswani et al. 2017, "Attention Is All You Need", §3.2.1 eq. 1 and §3.2.3): keys where
 * M is false get −∞ before the softmax. Every position here is 1-based, as users see it.
 */

/** `causal`: a query never sees a later key. `bidirectional`: windows extend on both sides of the query. */
export type Direction = 'causal' | 'bidirectional';

/** The attention patterns of the atlas, in display order. */
export const PATTERN_NAMES = [
  'full',
  'causal',
  'sliding',
  'dilated',
  'local-global',
  'grouped-window',
  'chunked',
  'prefix-lm',
] as const;

export type PatternName = (typeof PATTERN_NAMES)[number];

/** The numeric parameters a pattern may read (plus `direction`). */
export type MaskParamName = 'window' | 'dilation' | 'global' | 'group' | 'chunk' | 'prefix' | 'direction';

/** Every parameter of every pattern; each pattern reads only the ones listed in its `uses`. */
export interface MaskParams {
  /** Sequence length N (tokens), 1–1024. */
  readonly n: number;
  readonly direction: Direction;
  /** Window W in tokens (sliding, dilated, local-global), 1–n. */
  readonly window: number;
  /** Spacing d between attended keys (dilated), 1–n. */
  readonly dilation: number;
  /** Global token positions (local-global), each 1–n, sorted, without duplicates. */
  readonly global: readonly number[];
  /** Window size G of grouped-window attention, 1–n. */
  readonly group: number;
  /** Chunk size C of chunked attention, 1–n. */
  readonly chunk: number;
  /** Prefix length P of a prefix LM, 0–n (0 = plain causal). */
  readonly prefix: number;
}

/** A pure mask predicate: may `query` attend to `key`? Both 1-based. */
export type MaskPredicate = (query: number, key: number, params: MaskParams) => boolean;

/** Where a pattern comes from. */
export interface Citation {
  readonly title: string;
  readonly authors: string;
  readonly year: number;
  /** arXiv identifier, or null for sources that are not on arXiv (e.g. a model release post). */
  readonly arxiv: string | null;
  /** Where in the source the pattern is defined. */
  readonly where: string;
  /** A link for sources without an arXiv id. */
  readonly url?: string;
}

/** Asymptotic cost of a pattern, in the letters of its parameters (n tokens, W window, g globals, …). */
export interface CostOrder {
  /** Keys per query, e.g. "O(W)". */
  readonly perToken: string;
  /** Attended pairs over the whole sequence, e.g. "O(n·W)". */
  readonly total: string;
}

/** One registered attention pattern. */
export interface MaskPattern {
  readonly id: PatternName;
  readonly label: string;
  /** One line, plain text. */
  readonly description: string;
  /** The parameters the predicate reads; `direction` only for patterns whose direction matters. */
  readonly uses: readonly MaskParamName[];
  readonly citation: Citation;
  /** Further sources that use or analyse the same pattern. */
  readonly seeAlso: readonly Citation[];
  readonly cost: CostOrder;
  readonly predicate: MaskPredicate;
}

/** An inclusive, 1-based range of key positions [start, end]. */
export type KeyRange = readonly [start: number, end: number];
