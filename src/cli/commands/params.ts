import { countParams } from '../../core/params';
import { formatInteger } from '../../core/units';
import { PRESET_IDS } from '../../models/presets';
import { parseFlags, printJson } from '../args';
import type { Command } from '../command';
import { loadModel } from './kv';

const USAGE = [
  'ai-arch params --config <preset id | path/to/config.json> [--json]',
  '',
  '  --config  a preset id (see below) or a Hugging Face config.json',
  '  --json    {"total", "active", "activeExclInputEmbedding", "nonEmbedding", "breakdown": […], …}',
  '',
  `Presets: ${PRESET_IDS.join(', ')}`,
].join('\n');

/** 46702792704 → "46.70B", 124439808 → "124.4M". */
function short(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  return formatInteger(n);
}

export const params: Command = {
  name: 'params',
  summary: 'Total and active parameters of a preset or config.json, per component',
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, { config: { type: 'string' }, json: { type: 'boolean' } });
    const model = loadModel(values.config);
    const c = countParams(model.spec);
    if (values.json) {
      printJson({
        total: c.total,
        active: c.active,
        activeExclInputEmbedding: c.activeExclInputEmbedding,
        nonEmbedding: c.nonEmbedding,
        model: model.spec.name,
        source: model.source,
        breakdown: c.breakdown,
        activeConvention: c.activeConvention,
        notes: model.notes,
      });
      return 0;
    }
    const width = Math.max(...c.breakdown.map((b) => b.label.length));
    const lines = [
      `${model.spec.name} (${model.source})`,
      `  total   ${formatInteger(c.total)} (${short(c.total)})`,
      `  active  ${formatInteger(c.active)} (${short(c.active)}) per token; ${formatInteger(c.activeExclInputEmbedding)} without the input embedding`,
      '',
      `  ${'component'.padEnd(width)}  ${'total'.padStart(17)}  ${'active'.padStart(17)}`,
      ...c.breakdown.map(
        (b) =>
          `  ${b.label.padEnd(width)}  ${formatInteger(b.total).padStart(17)}  ${formatInteger(b.active).padStart(17)}`,
      ),
      '',
      `Convention: ${c.activeConvention}`,
      ...(model.notes.length ? ['', 'Notes:', ...model.notes.map((n) => `  - ${n}`)] : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
