/**
 * Words about a model: its attention layout for a pasted config, links for the presets' source strings, and short
 * number formats for axes and labels. Pure functions, no arithmetic on bytes.
 */
import { DTYPE_NAMES, DTYPES } from '../../core/dtypes';
import type { ModelSpec } from '../../core/modelSpec';
import { formatInteger } from '../../core/units';

/** "GQA (8 KV heads), sliding window 4,096 on 21 of 42 layers", "MLA (latent 512 + rope 64)", … */
export function describeAttention(spec: ModelSpec): string {
  const L = spec.layers.length;
  const attn = spec.layers.filter((l) => l.mixer === 'attention');
  const ssmLayers = spec.layers.filter((l) => l.mixer === 'ssm').length;
  const parts: string[] = [];
  if (spec.mla && spec.layers.some((l) => l.mixer === 'mla'))
    parts.push(`MLA (latent ${formatInteger(spec.mla.kvLoraRank)} + rope ${formatInteger(spec.mla.qkRopeHeadDim)})`);
  if (spec.attention && attn.length) {
    const { heads, kvHeads } = spec.attention;
    const kind = kvHeads === heads ? 'MHA' : kvHeads === 1 ? 'MQA' : 'GQA';
    parts.push(`${kind} (${formatInteger(kvHeads)} KV ${kvHeads === 1 ? 'head' : 'heads'})`);
    const windows = [...new Set(attn.map((l) => l.window).filter((w): w is number => w !== null))];
    const windowed = attn.filter((l) => l.window !== null).length;
    if (windowed)
      parts.push(
        `sliding window ${windows.map(formatInteger).join(' / ')} on ${windowed} of ${attn.length} attention layers`,
      );
  }
  if (ssmLayers) {
    const kind = spec.ssm?.version === 2 ? 'Mamba-2' : 'Mamba';
    parts.push(ssmLayers === L ? `${kind} SSM, no attention` : `${kind} on ${ssmLayers} of ${L} layers`);
  }
  return parts.join(', ') || 'no cached layers';
}

/**
 * A link for a source string: `owner/repo:path@commit (…)` → the file on GitHub at that commit, `arXiv:2310.06825`
 * → arxiv.org. Null when the source is not one of those forms (paper tables, blog posts named in words).
 */
export function sourceHref(source: string): string | null {
  const gh = /^([\w.-]+\/[\w.-]+):([^@\s]+)@([0-9a-f]{7,40})\b/.exec(source);
  if (gh) return `https://github.com/${gh[1]}/blob/${gh[3]}/${gh[2]}`;
  const arxiv = /arXiv:(\d{4}\.\d{4,5})/i.exec(source);
  if (arxiv) return `https://arxiv.org/abs/${arxiv[1]}`;
  return null;
}

/** Token counts for axes: 1, 10, 100, 1K, 10K, 100K, 1M, 10M (K = 1,000). */
export function compactCount(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toPrecision(3))}M`;
  if (n >= 1e3) return `${Number((n / 1e3).toPrecision(3))}K`;
  return String(Number(n.toPrecision(3)));
}

/** Axis numbers: 0.001, 0.5, 12, 1,000. */
export function axisNumber(v: number): string {
  return Number(v.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "1 token", "4,096 tokens". */
export const tokensText = (n: number) => `${formatInteger(n)} ${n === 1 ? 'token' : 'tokens'}`;

/** "1 sequence", "4 sequences". */
export const sequences = (n: number) => `${formatInteger(n)} ${n === 1 ? 'sequence' : 'sequences'}`;

/** The dtype choices, with bits spelled out where a format is not whole bytes (int4 · 4 bits, q8_0 · 8.5 bits). */
export const DTYPE_OPTIONS = DTYPE_NAMES.map((d) => ({
  value: d,
  label: DTYPES[d].bytes.den === 1 ? d : `${d} · ${DTYPES[d].bits} bits`,
}));
