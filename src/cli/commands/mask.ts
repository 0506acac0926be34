import {
  DEFAULT_MASK_STATE,
  PATTERN_NAMES,
  maskCost,
  paramRange,
  readout,
  type MaskParams,
  type PatternName,
  type RangedParam,
} from '../../core/masks';
import { UsageError, choiceFlag, intFlag, parseFlags, printJson } from '../args';
import type { Command } from '../command';

const USAGE = [
  'ai-arch mask --pattern <name> --n <N> --token <i> [--window W] [--dilation d] [--global 1,5] [--group G]',
  '             [--chunk C] [--prefix P] [--bidirectional] [--json]',
  '',
  `  --pattern        ${PATTERN_NAMES.join(', ')}`,
  '  --n              sequence length, 1–1024',
  '  --token          the query token to read out, 1–N',
  '  --window, --dilation, --group, --chunk   1–N (defaults 5, 2, 4, 4, clipped to N)',
  '  --prefix         0–N (default 4, clipped to N)',
  '  --global         global token positions 1–N, comma-separated (default none)',
  '  --bidirectional  centre windows on the token (default: causal)',
  '  --json           {"token", "ranges": [[start, end], …], "pairs", "fraction"} (1-based, inclusive)',
].join('\n');

const FLAGS = {
  pattern: { type: 'string' },
  n: { type: 'string' },
  token: { type: 'string' },
  window: { type: 'string' },
  dilation: { type: 'string' },
  global: { type: 'string' },
  group: { type: 'string' },
  chunk: { type: 'string' },
  prefix: { type: 'string' },
  bidirectional: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Reads a required or defaulted integer flag in the range core accepts for sequence length `n`. */
function rangedFlag(name: RangedParam, raw: string | undefined, n: number, fallback?: number): number {
  const { min, max } = paramRange(name, n);
  return intFlag(name, raw, min, max, fallback === undefined ? undefined : Math.min(max, Math.max(min, fallback)));
}

function globalFlag(raw: string | undefined, n: number): number[] {
  if (raw === undefined) return [];
  const { min, max } = paramRange('global', n);
  const parts = raw.split(',').map((part) => part.trim());
  const valid = parts.every((part) => /^\d+$/.test(part) && Number(part) >= min && Number(part) <= max);
  if (!valid || raw.trim() === '') {
    throw new UsageError(`--global must be a comma-separated list of integers from ${min} to ${max}, got "${raw}"`);
  }
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

export const mask: Command = {
  name: 'mask',
  summary: 'Which tokens one token can attend to under an attention pattern, and what the mask costs',
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, FLAGS);
    if (values.pattern === undefined)
      throw new UsageError(`--pattern is required (one of ${PATTERN_NAMES.join(', ')})`);
    const pattern: PatternName = choiceFlag('pattern', values.pattern, PATTERN_NAMES, 'sliding');
    const n = rangedFlag('n', values.n, 1);
    const defaults = DEFAULT_MASK_STATE.params;
    const params: MaskParams = {
      n,
      direction: values.bidirectional ? 'bidirectional' : 'causal',
      window: rangedFlag('window', values.window, n, defaults.window),
      dilation: rangedFlag('dilation', values.dilation, n, defaults.dilation),
      global: globalFlag(values.global, n),
      group: rangedFlag('group', values.group, n, defaults.group),
      chunk: rangedFlag('chunk', values.chunk, n, defaults.chunk),
      prefix: rangedFlag('prefix', values.prefix, n, defaults.prefix),
    };
    const token = rangedFlag('token', values.token, n);
    const result = readout(pattern, token, params);
    if (values.json) {
      const { pairs, fraction } = maskCost(pattern, params);
      printJson({ token, ranges: result.ranges, pairs, fraction });
      return 0;
    }
    process.stdout.write(`${result.sentence}\n`);
    return 0;
  },
};
