import {
  MAX_ROPE_BASE,
  MAX_ROPE_DIM,
  MAX_SCALE_FACTOR,
  SCALING_LABELS,
  SCALING_METHODS,
  ropeBands,
  type ScalingMethod,
} from '../../core/rope';
import { formatInteger } from '../../core/units';
import { choiceFlag, intFlag, parseFlags, printJson, UsageError } from '../args';
import type { Command } from '../command';

const USAGE = [
  'ai-arch rope --dim D [--base B] [--scaling none|pi|ntk|yarn|llama3] [--factor s] [--original-context L] [--json]',
  '',
  `  --dim               head dimension d, an even integer from 2 to ${MAX_ROPE_DIM}`,
  `  --base              RoPE base b, a number above 1 up to ${MAX_ROPE_BASE} (default 10000; Llama 3: 500000)`,
  '  --scaling           context extension to apply: none (default), pi, ntk, yarn, llama3',
  `  --factor            extension factor s, 1 to ${MAX_SCALE_FACTOR} (default 8)`,
  '  --original-context  trained context L in tokens (default 8192)',
  '  --json              [{"index", "theta", "wavelength", "scaledTheta", "scaledWavelength", "regime", …}]',
  '',
  'Prints θ_i = b^(−2i/d) and the wavelength 2π/θ_i of every pair (Su et al. 2021), and with --scaling the',
  'frequencies Position Interpolation, NTK-aware scaling, YaRN or Llama 3.1 use instead.',
].join('\n');

function numberFlag(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max)
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** 0.00011547819846894582 → "1.1548e-4"; 54410.14 → "54,410". */
const sci = (v: number) => (v >= 0.01 ? v.toPrecision(5) : v.toExponential(4));
const tokens = (v: number) => (v < 100 ? v.toFixed(2) : formatInteger(v));

export const rope: Command = {
  name: 'rope',
  summary: 'RoPE frequencies and wavelengths per pair, optionally rescaled (PI, NTK-aware, YaRN, Llama 3.1)',
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, {
      dim: { type: 'string' },
      base: { type: 'string' },
      scaling: { type: 'string' },
      factor: { type: 'string' },
      'original-context': { type: 'string' },
      json: { type: 'boolean' },
    });
    const dim = intFlag('dim', values.dim, 2, MAX_ROPE_DIM);
    if (dim % 2 !== 0) throw new UsageError(`--dim must be an even integer from 2 to ${MAX_ROPE_DIM}, got "${dim}"`);
    const base = numberFlag('base', values.base, 1.000001, MAX_ROPE_BASE, 10_000);
    const method = choiceFlag<ScalingMethod>('scaling', values.scaling, SCALING_METHODS, 'none');
    const factor = numberFlag('factor', values.factor, 1, MAX_SCALE_FACTOR, 8);
    const originalContext = intFlag('original-context', values['original-context'], 1, 100_000_000, 8192);
    const bands = ropeBands(dim, base, method, { factor, originalContext }, originalContext);
    if (values.json) {
      printJson({ dim, base, scaling: method, factor, originalContext, bands });
      return 0;
    }
    const scaled = method !== 'none';
    const header = scaled
      ? `  ${'i'.padStart(4)}  ${'θ_i'.padStart(11)}  ${'λ_i (tokens)'.padStart(15)}  ${'scaled θ'.padStart(11)}  ${'scaled λ'.padStart(15)}  regime`
      : `  ${'i'.padStart(4)}  ${'θ_i'.padStart(11)}  ${'λ_i (tokens)'.padStart(15)}  turns in ${formatInteger(originalContext)}`;
    const lines = [
      `RoPE d = ${dim}, base ${base}${scaled ? ` · ${SCALING_LABELS[method]} ×${factor} from ${formatInteger(originalContext)} tokens` : ''}`,
      '',
      header,
      ...bands.map((b) =>
        scaled
          ? `  ${String(b.index).padStart(4)}  ${sci(b.theta).padStart(11)}  ${tokens(b.wavelength).padStart(15)}  ${sci(b.scaledTheta).padStart(11)}  ${tokens(b.scaledWavelength).padStart(15)}  ${b.regime}`
          : `  ${String(b.index).padStart(4)}  ${sci(b.theta).padStart(11)}  ${tokens(b.wavelength).padStart(15)}  ${b.turnsInContext.toPrecision(4)}`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
