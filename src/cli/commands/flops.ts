import { forwardFlops, type MlaForm } from '../../core/flops';
import { MAX_TOKENS } from '../../core/kvCache';
import { formatInteger } from '../../core/units';
import { PRESET_IDS } from '../../models/presets';
import { choiceFlag, intFlag, parseFlags, printJson } from '../args';
import type { Command } from '../command';
import { loadModel } from './kv';

/** The context used when --tokens is absent. */
export const DEFAULT_FLOPS_TOKENS = 4096;

const USAGE = [
  'ai-arch flops --config <preset id | path/to/config.json> [--tokens N] [--mla absorbed|decompressed] [--count-av] [--json]',
  '',
  '  --config    a preset id (see below) or a Hugging Face config.json',
  `  --tokens    n_ctx, the tokens already in context, 1 to ${formatInteger(MAX_TOKENS)} (default ${formatInteger(DEFAULT_FLOPS_TOKENS)})`,
  '  --mla       how MLA layers score the cache: absorbed (default, as at decode) or decompressed',
  "  --count-av  count A·V beside QKᵀ in the context term (Kaplan's formula counts QKᵀ only)",
  '  --json      {"n", "kaplanForward", "forward", "training", "contextFlops", "breakdown": […], "formula", …}',
  '',
  'Forward FLOPs per token = 2N + 2·n_layer·n_ctx·d_attn (Kaplan et al. 2020, Table 1), N = active non-embedding',
  'parameters; sliding-window layers use min(n_ctx, W); the output head and SSM scans are listed beside it.',
  '',
  `Presets: ${PRESET_IDS.join(', ')}`,
].join('\n');

/** 1.7157e10 → "17.16 GFLOP". */
export function shortFlops(n: number): string {
  const units: [number, string][] = [
    [1e15, 'PFLOP'],
    [1e12, 'TFLOP'],
    [1e9, 'GFLOP'],
    [1e6, 'MFLOP'],
    [1e3, 'kFLOP'],
  ];
  const hit = units.find(([scale]) => n >= scale);
  return hit ? `${(n / hit[0]).toFixed(2)} ${hit[1]}` : `${formatInteger(n)} FLOP`;
}

export const flops: Command = {
  name: 'flops',
  summary: 'Forward and training FLOPs per token of a preset or config.json, per component (Kaplan et al. 2020)',
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, {
      config: { type: 'string' },
      tokens: { type: 'string' },
      mla: { type: 'string' },
      'count-av': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const model = loadModel(values.config);
    const tokens = intFlag('tokens', values.tokens, 1, MAX_TOKENS, DEFAULT_FLOPS_TOKENS);
    const mla = choiceFlag<MlaForm>('mla', values.mla, ['absorbed', 'decompressed'], 'absorbed');
    const f = forwardFlops(model.spec, tokens, { mla, countAv: values['count-av'] === true });
    const conventions = [
      'N counts active non-embedding parameters (MoE: the routed experts a token uses, plus shared experts and router).',
      values['count-av']
        ? 'The context term counts QKᵀ and A·V.'
        : 'The context term counts QKᵀ only, as Kaplan et al.; counting A·V doubles it.',
      'Training ≈ 6N per token (Kaplan et al.), without the context term.',
    ];
    if (values.json) {
      printJson({
        model: model.spec.name,
        source: model.source,
        tokens,
        n: f.n,
        kaplanForward: f.kaplanForward,
        contextFlops: f.contextFlops,
        headFlops: f.headFlops,
        scanFlops: f.scanFlops,
        forward: f.forward,
        training: f.training,
        breakdown: f.breakdown,
        formula: f.formula,
        conventions,
        notes: model.notes,
      });
      return 0;
    }
    const width = Math.max(...f.breakdown.map((r) => r.label.length), 9);
    const row = (label: string, value: number) =>
      `  ${label.padEnd(width)}  ${formatInteger(value).padStart(22)}  ${shortFlops(value).padStart(12)}`;
    const lines = [
      `${model.spec.name} (${model.source}) · n_ctx ${formatInteger(tokens)}`,
      '',
      `  ${'component'.padEnd(width)}  ${'FLOPs per token'.padStart(22)}`,
      ...f.breakdown.map((r) => row(r.label, r.flops)),
      '',
      `  C_forward (Kaplan)  ${formatInteger(f.kaplanForward)} (${shortFlops(f.kaplanForward)})`,
      `  + head + scan       ${formatInteger(f.forward)} (${shortFlops(f.forward)})`,
      `  training ≈ 6N       ${formatInteger(f.training)} (${shortFlops(f.training)})`,
      '',
      `Formula: ${f.formula}`,
      '',
      ...conventions.map((c) => `  - ${c}`),
      ...(model.notes.length ? ['', 'Notes:', ...model.notes.map((n) => `  - ${n}`)] : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
