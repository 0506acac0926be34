/**
 * Parameter counts from a ModelSpec, counting every weight matrix, bias and norm vector, as the checkpoints store
 * them (notes/model-facts.md §1.1 "Params computed"). Blocks follow their reference implementations:
 * attention q/k/v/o (Vaswani et al. 2017 §3.2.2) with GQA/MQA key/value heads; MLA down/up projections and latent
 * norms (DeepSeek-V2, arXiv:2405.04434 §2.1.2–2.1.3); gated MLPs (Shazeer 2020, arXiv:2002.05202) and ungated ones;
 * MoE routed and shared experts with a linear router (DeepSeekMoE, arXiv:2401.06066 §3); Mamba-1 blocks
 * (arXiv:2312.00752 §3.4: in_proj, conv1d, x_proj, dt_proj, A, D, out_proj) and Mamba-2 blocks (arXiv:2405.21060 §7).
 *
 * Active-parameter convention: `active` counts every parameter a token passes through, including the input
 * embedding table and the output head, with only the routed experts it is sent to (the Mixtral, Qwen and DeepSeek
 * README_WEIGHTS convention). `activeExclInputEmbedding` drops the input embedding table (a lookup, not a matmul)
 * but keeps the head: OpenAI's gpt-oss convention (5.1B for gpt-oss-120b). Multi-token-prediction modules and vision
 * towers are not part of a spec and are never counted.
 */
import { InputError, validateModelSpec, type MlaSpec, type ModelSpec, type SsmSpec } from './modelSpec';

export type ParamComponent =
  'embeddings' | 'positions' | 'attention' | 'mlp' | 'experts' | 'sharedExperts' | 'router' | 'ssm' | 'norms' | 'head';

/** Parameters of one component, over all layers. */
export interface ParamBreakdownRow {
  component: ParamComponent;
  label: string;
  total: number;
  active: number;
}

export interface ParamCount {
  total: number;
  /** Per token, including input embedding and head (see the module doc for the convention). */
  active: number;
  /** Per token, without the input embedding table (gpt-oss convention). */
  activeExclInputEmbedding: number;
  /** total minus embedding table, learned positions and untied head (Kaplan et al. 2020's N). */
  nonEmbedding: number;
  /** Components with a non-zero count, in a fixed order. */
  breakdown: ParamBreakdownRow[];
  /** One sentence stating which convention `active` uses. */
  activeConvention: string;
}

export const ACTIVE_CONVENTION =
  'active counts the input embedding and the output head plus the top-k routed experts per layer ' +
  '(Mixtral/Qwen/DeepSeek convention); activeExclInputEmbedding leaves out the input embedding (gpt-oss convention).';

const LABELS: Record<ParamComponent, string> = {
  embeddings: 'Token embeddings',
  positions: 'Learned positions',
  attention: 'Attention',
  mlp: 'Dense MLP',
  experts: 'Routed experts',
  sharedExperts: 'Shared experts',
  router: 'Router',
  ssm: 'SSM blocks',
  norms: 'Norms',
  head: 'Output head',
};

const ORDER = Object.keys(LABELS) as ParamComponent[];

/** Total, active and per-component parameter counts of `spec`, exact. Throws an InputError for an invalid spec. */
export function countParams(spec: ModelSpec): ParamCount {
  validateModelSpec(spec);
  const d = BigInt(spec.hiddenSize);
  const total = new Map<ParamComponent, bigint>(ORDER.map((c) => [c, 0n]));
  const active = new Map<ParamComponent, bigint>(ORDER.map((c) => [c, 0n]));
  const add = (c: ParamComponent, t: bigint, a: bigint = t) => {
    total.set(c, (total.get(c) ?? 0n) + t);
    active.set(c, (active.get(c) ?? 0n) + a);
  };
  const normWidth = spec.norm.bias ? 2n * d : d;

  add('embeddings', BigInt(spec.vocabSize) * d);
  add('positions', BigInt(spec.learnedPositions) * d);
  if (!spec.tieWordEmbeddings) add('head', BigInt(spec.vocabSize) * d);
  add('norms', normWidth);
  for (const layer of spec.layers) {
    add('norms', BigInt(spec.norm.perLayer) * normWidth);
    if (layer.mixer === 'attention') add('attention', attentionParams(spec));
    if (layer.mixer === 'mla') add('attention', mlaParams(d, spec.mla!));
    if (layer.mixer === 'ssm') add('ssm', ssmParams(d, spec.ssm!));
    if (layer.ffn === 'dense') {
      const mlp = spec.mlp!;
      add('mlp', mlpParams(d, BigInt(mlp.intermediateSize), mlp.gated, mlp.bias));
    }
    if (layer.ffn === 'moe') {
      const moe = spec.moe!;
      const expert = mlpParams(d, BigInt(moe.expertIntermediateSize), moe.gated, moe.expertBias);
      add('experts', BigInt(moe.routedExperts) * expert, BigInt(moe.expertsPerToken) * expert);
      const shared = mlpParams(d, BigInt(moe.sharedIntermediateSize), moe.gated, moe.expertBias);
      add('sharedExperts', BigInt(moe.sharedExperts) * shared + (moe.sharedExpertGate ? d : 0n));
      const e = BigInt(moe.routedExperts);
      add('router', d * e + (moe.routerBias ? e : 0n));
    }
  }

  const sum = (m: Map<ParamComponent, bigint>) => [...m.values()].reduce((s, v) => s + v, 0n);
  const totalAll = sum(total);
  const activeAll = sum(active);
  const inputEmbedding = total.get('embeddings') ?? 0n;
  const inputOnly = spec.tieWordEmbeddings ? 0n : inputEmbedding;
  const nonEmbedding = totalAll - inputEmbedding - (total.get('positions') ?? 0n) - (total.get('head') ?? 0n);
  return {
    total: safe(totalAll),
    active: safe(activeAll),
    activeExclInputEmbedding: safe(activeAll - inputOnly),
    nonEmbedding: safe(nonEmbedding),
    breakdown: ORDER.filter((c) => (total.get(c) ?? 0n) > 0n).map((c) => ({
      component: c,
      label: LABELS[c],
      total: safe(total.get(c) ?? 0n),
      active: safe(active.get(c) ?? 0n),
    })),
    activeConvention: ACTIVE_CONVENTION,
  };
}

function safe(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InputError(
      'spec',
      `the parameter count ${n} exceeds Number.MAX_SAFE_INTEGER; the spec is implausibly large`,
    );
  }
  return Number(n);
}

/** q, k, v, o projections (+ biases, QK-norm, sinks) of one attention layer. */
function attentionParams(spec: ModelSpec): bigint {
  const a = spec.attention!;
  const d = BigInt(spec.hiddenSize);
  const q = BigInt(a.heads * a.headDim);
  const kv = BigInt(a.kvHeads * a.headDim);
  let n = d * q + 2n * d * kv + q * d;
  if (a.qkvBias) n += q + 2n * kv;
  if (a.outputBias) n += d;
  if (a.qkNorm) n += 2n * BigInt(a.headDim);
  if (a.sinks) n += BigInt(a.heads);
  return n;
}

/** MLA: q (direct, or down + norm + up), kv_a (latent + rope key) + norm, kv_b (latent → K_nope, V), o. */
function mlaParams(d: bigint, m: MlaSpec): bigint {
  const H = BigInt(m.heads);
  const qk = BigInt(m.qkNopeHeadDim + m.qkRopeHeadDim);
  const kvr = BigInt(m.kvLoraRank);
  const rope = BigInt(m.qkRopeHeadDim);
  const q = m.qLoraRank === null ? d * H * qk : BigInt(m.qLoraRank) * (d + 1n + H * qk);
  const kvA = d * (kvr + rope) + kvr;
  const kvB = kvr * H * BigInt(m.qkNopeHeadDim + m.vHeadDim);
  const o = H * BigInt(m.vHeadDim) * d;
  const bias = m.bias ? BigInt(m.qLoraRank ?? 0) + kvr + rope + d : 0n;
  return q + kvA + kvB + o + bias;
}

/** Gated: gate, up (d → I) and down (I → d); ungated: up and down. */
function mlpParams(d: bigint, I: bigint, gated: boolean, bias: boolean): bigint {
  if (gated) return 3n * d * I + (bias ? 2n * I + d : 0n);
  return 2n * d * I + (bias ? I + d : 0n);
}

/** One Mamba-1 or Mamba-2 mixer. */
function ssmParams(d: bigint, s: SsmSpec): bigint {
  const di = BigInt(s.dInner);
  const ds = BigInt(s.dState);
  const k = BigInt(s.dConv);
  if (s.version === 2) {
    const nh = BigInt(s.nHeads);
    const convDim = di + 2n * BigInt(s.nGroups) * ds;
    const inWidth = 2n * di + 2n * BigInt(s.nGroups) * ds + nh;
    const inProj = d * inWidth + (s.projBias ? inWidth : 0n);
    const conv = convDim * k + (s.convBias ? convDim : 0n);
    const outProj = di * d + (s.projBias ? d : 0n);
    return inProj + conv + 3n * nh + di + outProj;
  }
  const r = BigInt(s.dtRank);
  const inProj = d * 2n * di + (s.projBias ? 2n * di : 0n);
  const conv = di * k + (s.convBias ? di : 0n);
  const xProj = di * (r + 2n * ds);
  const dtProj = r * di + di;
  const outProj = di * d + (s.projBias ? d : 0n);
  const innerNorms = s.innerNorms ? r + 2n * ds : 0n;
  return inProj + conv + xProj + dtProj + di * ds + di + outProj + innerNorms;
}
