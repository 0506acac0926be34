/**
 * The figures the lab shows beside each variant, all from the cores: parameters (total and active) from
 * src/core/params.ts, KV-cache bytes per token and the cache at full context from src/core/kvCache.ts, forward FLOPs
 * per token from src/core/flops.ts (Kaplan et al. 2020 with the window, MLA, MoE and scan extensions). The model is
 * described once, as a ModelSpec (config.ts labModelSpec); nothing here re-derives a formula.
 */
import { forwardFlops } from '../core/flops';
import { kvBytesPerToken, kvCache } from '../core/kvCache';
import { countParams } from '../core/params';
import { labModelSpec } from './config';
import { LAB_FAMILIES, labConfigFor, variantId, variantLabel, type LabKind, type LabVariant } from './variants';

/** The lab trains and would cache in float32. */
export const LAB_DTYPE = 'fp32' as const;

/** One variant's computed figures. */
export interface VariantMetrics {
  readonly id: string;
  readonly label: string;
  readonly kind: LabKind;
  readonly params: number;
  /** Parameters one token passes through (MoE: the top-k experts only). */
  readonly activeParams: number;
  /** KV-cache bytes per cached token, both layers, float32 (0 for the SSM). */
  readonly kvBytesPerToken: number;
  /** Cache plus recurrent state of one sequence at the full context (64 tokens): windows cap, SSM state is fixed. */
  readonly cacheBytes: number;
  /** The SSM's recurrent state (conv columns included), 0 for attention variants. */
  readonly stateBytes: number;
  /** Forward FLOPs to process one token with the full context before it. */
  readonly flopsPerToken: number;
}

/** The figures of variant `v` for a vocabulary of `vocabSize` characters. */
export function variantMetrics(v: LabVariant, vocabSize: number): VariantMetrics {
  const config = labConfigFor(v, vocabSize);
  const spec = labModelSpec(config, variantLabel(v));
  const params = countParams(spec);
  const cache = kvCache(spec, { tokens: config.contextLength, dtype: LAB_DTYPE, stateDtype: LAB_DTYPE });
  return {
    id: variantId(v),
    label: variantLabel(v),
    kind: v.kind,
    params: params.total,
    activeParams: params.active,
    kvBytesPerToken: kvBytesPerToken(spec, LAB_DTYPE),
    cacheBytes: cache.bytes,
    stateBytes: cache.stateBytes,
    flopsPerToken: forwardFlops(spec, config.contextLength).forward,
  };
}

/** Every variant the lab offers (each family at each knob value), in family order. */
export function allVariants(): LabVariant[] {
  return LAB_FAMILIES.flatMap((f) => {
    const knobs = f.knob?.values ?? [null];
    const tops = f.topK?.values ?? [null];
    return knobs.flatMap((knob) => tops.map((topK) => ({ kind: f.kind, knob, topK })));
  });
}

/** The figures of every variant, computed once (at build time, so the page ships no core calculators). */
export function labCatalogue(vocabSize: number): VariantMetrics[] {
  return allVariants().map((v) => variantMetrics(v, vocabSize));
}
