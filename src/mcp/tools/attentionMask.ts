/** `attention-mask`: which keys one query token may attend to under a pattern, from src/core/masks.ts. */
import * as z from 'zod/v4';
import { InputError } from '../../core/modelSpec';
import {
  DEFAULT_MASK_STATE,
  MAX_N,
  PATTERN_NAMES,
  getPattern,
  maskCost,
  paramRange,
  readout,
  type MaskParams,
  type RangedParam,
} from '../../core/masks';
import { choiceField, defineTool, intField } from './define';

const input = z.object({
  pattern: choiceField(PATTERN_NAMES, 'The attention pattern.'),
  n: intField(1, MAX_N, `Sequence length N in tokens, 1–${MAX_N} (default 16).`).default(16),
  token: intField(1, MAX_N, 'The query token to read out, 1-based: 1–n.'),
  direction: choiceField(
    ['causal', 'bidirectional'],
    'causal: a token never sees later tokens; bidirectional: windows extend both ways (default causal).',
  ).default('causal'),
  window: intField(1, MAX_N, 'Window W in tokens (sliding, dilated, local-global), 1–n (default 5).').optional(),
  dilation: intField(1, MAX_N, 'Spacing d between attended keys (dilated), 1–n (default 2).').optional(),
  global: z
    .array(intField(1, MAX_N, 'A global token position, 1–n.'), { error: 'must be a list of positions 1–n' })
    .max(MAX_N, { error: `must list at most ${MAX_N} positions` })
    .optional()
    .describe('Global token positions (local-global), each 1–n (default none).'),
  group: intField(1, MAX_N, 'Window size G of grouped-window attention, 1–n (default 4).').optional(),
  chunk: intField(1, MAX_N, 'Chunk size C of chunked attention, 1–n (default 4).').optional(),
  prefix: intField(0, MAX_N, 'Prefix length P of a prefix LM, 0–n (default 4).').optional(),
});

const citation = z.object({
  title: z.string().describe('Source title.'),
  authors: z.string().describe('Authors.'),
  year: z.number().int().describe('Year.'),
  arxiv: z.string().nullable().describe('arXiv id, or null.'),
  where: z.string().describe('Where in the source the pattern is defined.'),
  url: z.string().optional().describe('Link for sources without an arXiv id.'),
});

const output = z.object({
  pattern: z.string().describe('The pattern id.'),
  label: z.string().describe('The pattern’s readable name.'),
  n: z.number().int().describe('Sequence length.'),
  token: z.number().int().describe('The query token (1-based).'),
  direction: z.string().describe('causal or bidirectional.'),
  params: z
    .object({
      window: z.number().int().describe('W.'),
      dilation: z.number().int().describe('d.'),
      global: z.array(z.number().int()).describe('Global positions.'),
      group: z.number().int().describe('G.'),
      chunk: z.number().int().describe('C.'),
      prefix: z.number().int().describe('P.'),
    })
    .describe('Every parameter as used (defaults filled in); the pattern reads only those in `uses`.'),
  uses: z.array(z.string()).describe('The parameters this pattern reads.'),
  ranges: z.array(z.array(z.number().int())).describe('Attended keys as [start, end] runs, 1-based, inclusive.'),
  count: z.number().int().describe('How many keys the token attends to.'),
  sentence: z.string().describe('The readout, e.g. "Token 9 can attend to tokens 5–9".'),
  pairs: z.number().int().describe('Attended (query, key) pairs over the whole sequence.'),
  fraction: z.number().describe('pairs / n², in [0, 1].'),
  cost: z
    .object({ perToken: z.string().describe('e.g. "O(W)".'), total: z.string().describe('e.g. "O(n·W)".') })
    .describe('Asymptotic cost.'),
  citation: citation.describe('Where the pattern comes from.'),
});

type Args = z.output<typeof input>;

/** Checks a provided value against the range for this `n`, or clamps the site default into it. */
function ranged(name: RangedParam, value: number | undefined, n: number, fallback: number): number {
  const { min, max } = paramRange(name, n);
  if (value === undefined) return Math.min(max, Math.max(min, fallback));
  if (value < min || value > max) {
    throw new InputError(name, `${name}: must be an integer from ${min} to ${max} (n = ${n}), got ${value}`);
  }
  return value;
}

function maskParams(a: Args): MaskParams {
  const d = DEFAULT_MASK_STATE.params;
  const { max } = paramRange('global', a.n);
  const bad = (a.global ?? []).find((g) => g > max);
  if (bad !== undefined) {
    throw new InputError('global', `global: positions must be integers from 1 to ${max} (n = ${a.n}), got ${bad}`);
  }
  return {
    n: a.n,
    direction: a.direction,
    window: ranged('window', a.window, a.n, d.window),
    dilation: ranged('dilation', a.dilation, a.n, d.dilation),
    global: [...new Set(a.global ?? [])].sort((x, y) => x - y),
    group: ranged('group', a.group, a.n, d.group),
    chunk: ranged('chunk', a.chunk, a.n, d.chunk),
    prefix: ranged('prefix', a.prefix, a.n, d.prefix),
  };
}

export const attentionMask = defineTool({
  name: 'attention-mask',
  title: 'Read an attention mask',
  description:
    'Which tokens one token can attend to under full, causal, sliding-window, dilated, local+global, grouped-window, ' +
    'chunked or prefix-LM attention (positions 1-based), how many (query, key) pairs the whole mask has, and the ' +
    'paper each pattern comes from.',
  input,
  output,
  run(args) {
    const params = maskParams(args);
    const token = ranged('token', args.token, args.n, 1);
    const r = readout(args.pattern, token, params);
    const cost = maskCost(args.pattern, params);
    const pattern = getPattern(args.pattern);
    const { n: _n, direction: _direction, ...rest } = params;
    const structured = {
      pattern: args.pattern,
      label: pattern.label,
      n: params.n,
      token,
      direction: params.direction,
      params: { ...rest, global: [...rest.global] },
      uses: [...pattern.uses],
      ranges: r.ranges.map(([start, end]) => [start, end]),
      count: r.count,
      sentence: r.sentence,
      pairs: cost.pairs,
      fraction: cost.fraction,
      cost: { perToken: cost.perToken, total: cost.total },
      citation: { ...pattern.citation },
    };
    const percent = (cost.fraction * 100).toFixed(cost.fraction < 0.1 ? 2 : 1);
    const text = [
      `${r.sentence} (${pattern.label}, ${params.direction}, n = ${params.n}).`,
      `The whole mask has ${cost.pairs} of ${params.n * params.n} pairs (${percent}%): ${cost.perToken} per token, ` +
        `${cost.total} in total.`,
      `Source: ${pattern.citation.title} (${pattern.citation.year}), ${pattern.citation.where}.`,
    ].join('\n');
    return { structured, text };
  },
});
