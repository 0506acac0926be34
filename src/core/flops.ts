/**
 * Compute per token (Kaplan et al. 2020, arXiv:2001.08361 §2.1, Table 1): a forward pass costs
 *   C_forward ≈ 2N + 2·n_layer·n_ctx·d_attn
 * FLOPs per token, N the non-embedding parameters (2 FLOPs, a multiply and an add, per weight) and the second term
 * the scores QKᵀ against n_ctx cached keys (Table 1 "Attention: Mask"); training ≈ 6N per token (backward ≈ 2×
 * forward). Extensions, as in notes/model-facts.md §5:
 *   MoE uses the active parameters for N (a token passes through k routed experts; memory still holds all of them);
 *   sliding-window layers use min(n_ctx, W);
 *   MLA layers score against the cache: decompressed n_h·(d_h + d_h^R), absorbed n_h·(d_c + d_h^R) per cached token
 *     (DeepSeek-V2, arXiv:2405.04434 §2.1.2); with A·V counted, absorbed decode is 2·n_h·(d_c + d_h^R) + 2·n_h·d_c
 *     = 278,528 FLOPs per cached token and layer for DeepSeek-V3, against 81,920 decompressed;
 *   SSM layers have no context term but a selective scan of ≈ 6·d_inner·d_state per token (Gu & Dao 2023,
 *     arXiv:2312.00752 §3.3: state update ΔB·x, Ā·h + ·, and readout C·h; exponentials not counted);
 *   the output head (de-embedding, 2·d·V) is reported beside Kaplan's C_forward, which leaves it out.
 * Per-component figures come from countParams's breakdown. FLOPs are floats (exact below 2^53).
 * Also: memory and FLOPs against sequence length (KV grows, SSM state stays constant) using kvCache.
 */
import type { DType } from './dtypes';
import { kvCache, MAX_TOKENS } from './kvCache';
import type { LayerSpec, MlaSpec, ModelSpec } from './modelSpec';
import { positiveInt } from './modelSpec';
import { countParams, type ParamComponent } from './params';
import { formatInteger } from './units';

/** FLOPs of the selective scan per state element per token (update 4, readout 2). */
export const SCAN_FLOPS_PER_STATE = 6;

export type MlaForm = 'absorbed' | 'decompressed';

export interface FlopsOptions {
  /** Which MLA computation the context term counts (default absorbed, how MLA decodes). */
  mla?: MlaForm;
  /** Count A·V beside QKᵀ in the context term (default false: Kaplan's convention counts QKᵀ only). */
  countAv?: boolean;
}

/** One component's share of the forward FLOPs per token. */
export interface FlopsRow {
  component: ParamComponent | 'context' | 'scan';
  label: string;
  /** Active parameters of the component (0 for the context and scan terms). */
  params: number;
  flops: number;
}

export interface ForwardFlops {
  context: number;
  /** N: active non-embedding parameters (embeddings, learned positions and the head excluded). */
  n: number;
  /** 2·n_layer·n_ctx·d_attn summed over attention and MLA layers, windows applied. */
  contextFlops: number;
  /** Kaplan's C_forward = 2N + contextFlops. */
  kaplanForward: number;
  /** 2·d·V for the output head. */
  headFlops: number;
  /** Selective-scan FLOPs of SSM layers. */
  scanFlops: number;
  /** Everything: kaplanForward + headFlops + scanFlops. */
  forward: number;
  /** Kaplan's training estimate 6N per token. */
  training: number;
  breakdown: FlopsRow[];
  /** "2 × N + 2 × L × n_ctx × d_attn = …" with the numbers substituted. */
  formula: string;
}

/** The multiplier of n_ctx for one layer: FLOPs per cached token (0 for SSM layers). */
export function contextFlopsPerCachedToken(spec: ModelSpec, layer: LayerSpec, options: FlopsOptions = {}): number {
  if (layer.mixer === 'ssm') return 0;
  if (layer.mixer === 'mla')
    return mlaFlopsPerCachedToken(spec.mla!, options.mla ?? 'absorbed', options.countAv ?? false);
  const a = spec.attention!;
  return (options.countAv ? 4 : 2) * a.heads * a.headDim;
}

/**
 * MLA FLOPs per cached token per layer: QKᵀ (and A·V when countAv, the default here), decompressed or absorbed.
 * DeepSeek-V3: absorbed 278,528, decompressed 81,920 with A·V.
 */
export function mlaFlopsPerCachedToken(mla: MlaSpec, form: MlaForm, countAv = true): number {
  const H = mla.heads;
  if (form === 'absorbed') return 2 * H * (mla.kvLoraRank + mla.qkRopeHeadDim) + (countAv ? 2 * H * mla.kvLoraRank : 0);
  return 2 * H * (mla.qkNopeHeadDim + mla.qkRopeHeadDim) + (countAv ? 2 * H * mla.vHeadDim : 0);
}

function tokensCached(layer: LayerSpec, context: number): number {
  return layer.window === null ? context : Math.min(context, layer.window);
}

/** Forward and training FLOPs per token at a context of `context` cached tokens, with a per-component breakdown. */
export function forwardFlops(spec: ModelSpec, context: number, options: FlopsOptions = {}): ForwardFlops {
  const ctx = positiveInt('context', context, MAX_TOKENS);
  const params = countParams(spec);
  const lookups: ParamComponent[] = ['embeddings', 'positions'];
  const rows: FlopsRow[] = params.breakdown
    .filter((b) => !lookups.includes(b.component))
    .map((b) => ({ component: b.component, label: b.label, params: b.active, flops: 2 * b.active }));
  const head = rows.find((r) => r.component === 'head');
  // Tied embeddings: the head reuses the table, but the de-embedding matmul still runs.
  const headParams = head ? head.params : spec.hiddenSize * spec.vocabSize;
  const n = rows.filter((r) => r.component !== 'head').reduce((s, r) => s + r.params, 0);
  const groups = contextGroups(spec, ctx, options);
  const contextFlops = groups.reduce((s, g) => s + g.layers * g.cached * g.perToken, 0);
  const ssmLayers = spec.layers.filter((l) => l.mixer === 'ssm').length;
  const scanFlops = spec.ssm ? ssmLayers * SCAN_FLOPS_PER_STATE * spec.ssm.dInner * spec.ssm.dState : 0;
  const headFlops = 2 * headParams;
  const kaplanForward = 2 * n + contextFlops;
  if (!head) rows.push({ component: 'head', label: 'Output head (tied)', params: 0, flops: headFlops });
  if (contextFlops > 0)
    rows.push({ component: 'context', label: 'Attention scores (context)', params: 0, flops: contextFlops });
  if (scanFlops > 0) rows.push({ component: 'scan', label: 'Selective scan', params: 0, flops: scanFlops });
  const terms = groups.map((g) => `2 × ${g.layers} × ${formatInteger(g.cached)} × ${formatInteger(g.perToken / 2)}`);
  const formula =
    `2 × ${formatInteger(n)}` +
    (terms.length ? ` + ${terms.join(' + ')}` : '') +
    ` = ${formatInteger(kaplanForward)} FLOPs per token`;
  return {
    context: ctx,
    n,
    contextFlops,
    kaplanForward,
    headFlops,
    scanFlops,
    forward: kaplanForward + headFlops + scanFlops,
    training: 6 * n,
    breakdown: rows,
    formula,
  };
}

/** Layers grouped by (tokens cached, FLOPs per cached token), in first-seen order. */
function contextGroups(spec: ModelSpec, ctx: number, options: FlopsOptions) {
  const groups = new Map<string, { layers: number; cached: number; perToken: number; window: number | null }>();
  for (const layer of spec.layers) {
    const perToken = contextFlopsPerCachedToken(spec, layer, options);
    if (perToken === 0) continue;
    const cached = tokensCached(layer, ctx);
    const key = `${cached}:${perToken}:${layer.window}`;
    const g = groups.get(key) ?? { layers: 0, cached, perToken, window: layer.window };
    g.layers += 1;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Σ_{t=1}^{T} min(t, W): the keys scored over a causal prefill of T tokens (W = null: no window). */
export function prefillKeys(tokens: number, window: number | null): number {
  const T = tokens;
  if (window === null || T <= window) return (T * (T + 1)) / 2;
  return (window * (window + 1)) / 2 + (T - window) * window;
}

/** Memory and compute at one sequence length. */
export interface SequencePoint {
  tokens: number;
  /** KV cache + SSM state, bytes, one sequence. */
  cacheBytes: number;
  kvBytes: number;
  stateBytes: number;
  /** Forward FLOPs to decode one more token with `tokens` cached (C_forward + head + scan). */
  decodeFlops: number;
  /** Forward FLOPs to prefill all `tokens` causally. */
  prefillFlops: number;
}

/** Cache memory and FLOPs at each sequence length: attention caches grow with T, SSM state does not. */
export function sequenceCosts(
  spec: ModelSpec,
  tokens: readonly number[],
  options: FlopsOptions & { dtype?: DType; stateDtype?: DType } = {},
): SequencePoint[] {
  const base = forwardFlops(spec, 1, options);
  const fixed = base.forward - base.contextFlops;
  const perLayer = spec.layers.map((layer) => ({
    perToken: contextFlopsPerCachedToken(spec, layer, options),
    window: layer.window,
  }));
  return tokens.map((T) => {
    positiveInt('tokens', T, MAX_TOKENS);
    const kv = kvCache(spec, { tokens: T, dtype: options.dtype ?? 'bf16', stateDtype: options.stateDtype ?? 'fp32' });
    let decodeContext = 0;
    let prefillContext = 0;
    for (const { perToken, window } of perLayer) {
      decodeContext += perToken * (window === null ? T : Math.min(T, window));
      prefillContext += perToken * prefillKeys(T, window);
    }
    return {
      tokens: T,
      cacheBytes: kv.bytes,
      kvBytes: kv.kvBytes,
      stateBytes: kv.stateBytes,
      decodeFlops: fixed + decodeContext,
      prefillFlops: fixed * T + prefillContext,
    };
  });
}

/** `points` log-spaced integers from `from` to `to` (both included, deduplicated). */
export function logSpaced(from: number, to: number, points: number): number[] {
  const a = positiveInt('from', from, MAX_TOKENS);
  const b = positiveInt('to', to, MAX_TOKENS);
  const n = positiveInt('points', points, 10_000);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) out.add(Math.round(a * (b / a) ** (n === 1 ? 1 : i / (n - 1))));
  return [...out].sort((x, y) => x - y);
}
