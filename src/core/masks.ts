/**
 * Attention masks: which keys each query may attend to in softmax(QKᵀ/√d + M)·V (Vaswani et al. 2017, §3.2.1 eq. 1,
 * §3.2.3), for full, causal, sliding-window, dilated and local+global attention (Longformer, Beltagy et al. 2020,
 * §3.1; Mistral 7B §2; BigBird), grouped windows (Sparse Transformers, Child et al. 2019, §4), Llama 4 chunked
 * attention and the prefix LM (T5, Raffel et al. 2019, §3.2.1). Positions are 1-based everywhere.
 *
 * The public surface of src/core/masks/: the widget, the `ai-arch mask` command and MCP import from here.
 */
export type {
  Citation,
  CostOrder,
  Direction,
  KeyRange,
  MaskParamName,
  MaskParams,
  MaskPattern,
  MaskPredicate,
  PatternName,
} from './masks/types';
export { PATTERN_NAMES } from './masks/types';
export { PATTERNS, and, getPattern, isPatternName, or } from './masks/patterns';
export { countPairs, maskMatrix } from './masks/matrix';
export {
  MAX_LAYERS,
  attendedKeys,
  formatRanges,
  maskCost,
  mergeRanges,
  readout,
  receptiveField,
  type MaskCost,
  type Readout,
  type ReceptiveField,
} from './masks/readout';
export { MAX_N, assertMaskParams, assertToken, paramRange, type RangedParam } from './masks/validate';
export {
  DEFAULT_MASK_STATE,
  normalizeMaskParams,
  type MaskState,
  type NormalizedMask,
  type RawMaskInput,
} from './masks/normalize';
