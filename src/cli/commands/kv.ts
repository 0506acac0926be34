import { readFileSync, statSync } from 'node:fs';
import { DTYPE_NAMES, parseDType, type DType } from '../../core/dtypes';
import { kvCache, MAX_BATCH, MAX_TOKENS, type ConvLayout, type WindowPolicy } from '../../core/kvCache';
import { InputError, type ModelSpec } from '../../core/modelSpec';
import { formatBytes, formatInteger, type UnitSystem } from '../../core/units';
import { ConfigError, parseHfConfig } from '../../models/hfConfig';
import { getPreset, PRESET_IDS, presetSpec } from '../../models/presets';
import { choiceFlag, intFlag, parseFlags, printJson, UsageError } from '../args';
import type { Command } from '../command';

const USAGE = [
  'ai-arch kv --config <preset id | path/to/config.json> --tokens <T> [--batch B] [--dtype bf16] [--json]',
  '',
  '  --config        a preset id (see below) or a Hugging Face config.json',
  `  --tokens        tokens cached per sequence, 1 to ${formatInteger(MAX_TOKENS)}`,
  `  --batch         sequences, 1 to ${formatInteger(MAX_BATCH)} (default 1)`,
  `  --dtype         K/V element type: ${DTYPE_NAMES.join(', ')} (default bf16)`,
  '  --state-dtype   SSM state element type, same choices (default fp32)',
  '  --conv-layout   SSM conv columns: d_conv-1 (llama.cpp, vLLM; default) or d_conv (mamba_ssm, HF)',
  '  --windows       cap (sliding layers hold min(T, W); default) or ignore (every layer holds T)',
  '  --decimal       show kB/MB/GB (10^3) instead of KiB/MiB/GiB (2^10)',
  '  --json          {"bytes", "kvBytes", "stateBytes", "breakdown": […], "formula", "caveats", …}',
  '',
  `Presets: ${PRESET_IDS.join(', ')}`,
].join('\n');

const FLAGS = {
  config: { type: 'string' },
  tokens: { type: 'string' },
  batch: { type: 'string' },
  dtype: { type: 'string' },
  'state-dtype': { type: 'string' },
  'conv-layout': { type: 'string' },
  windows: { type: 'string' },
  decimal: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** A model named on the command line: its spec, where it came from, and what to keep in mind. */
export interface LoadedModel {
  spec: ModelSpec;
  /** "preset llama-3.1-8b" or "config.json at ./x.json". */
  source: string;
  /** Parser assumptions (files) or preset caveats. */
  notes: string[];
}

/**
 * Resolves `--config`: a preset id, else a config.json path. An unknown id that is not a file is a usage error
 * (exit 2); a file that cannot be read or parsed is a bad config (exit 1, message naming the field).
 */
export function loadModel(raw: string | undefined): LoadedModel {
  if (raw === undefined || raw.trim() === '')
    throw new UsageError('--config is required (a preset id such as llama-3.1-8b, or a path to a config.json)');
  const preset = getPreset(raw);
  if (preset) return { spec: presetSpec(raw), source: `preset ${raw}`, notes: preset.caveats };
  let isFile = false;
  try {
    isFile = statSync(raw).isFile();
  } catch {
    throw new UsageError(
      `--config must be a preset id (${PRESET_IDS.join(', ')}) or a path to a config.json, got "${raw}"`,
    );
  }
  if (!isFile) throw new Error(`config.json at ${raw}: not a file`);
  let text: string;
  try {
    text = readFileSync(raw, 'utf8');
  } catch (error) {
    throw new Error(`config.json at ${raw}: cannot be read (${(error as Error).message})`);
  }
  try {
    const parsed = parseHfConfig(text);
    return { spec: parsed.spec, source: `config.json at ${raw}`, notes: parsed.notes };
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`config.json at ${raw}: ${error.message}`);
    throw error;
  }
}

function dtypeFlag(name: string, raw: string | undefined, fallback: DType): DType {
  if (raw === undefined) return fallback;
  const dtype = parseDType(raw);
  if (!dtype) throw new UsageError(`--${name} must be one of ${DTYPE_NAMES.join(', ')}, got "${raw}"`);
  return dtype;
}

export const kv: Command = {
  name: 'kv',
  summary: 'KV cache + SSM state of a preset or config.json for T tokens: exact bytes, breakdown, formula',
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, FLAGS);
    const model = loadModel(values.config);
    const tokens = intFlag('tokens', values.tokens, 1, MAX_TOKENS);
    const batch = intFlag('batch', values.batch, 1, MAX_BATCH, 1);
    const dtype = dtypeFlag('dtype', values.dtype, 'bf16');
    const stateDtype = dtypeFlag('state-dtype', values['state-dtype'], 'fp32');
    const convLayout = choiceFlag<ConvLayout>('conv-layout', values['conv-layout'], ['d_conv-1', 'd_conv'], 'd_conv-1');
    const windows = choiceFlag<WindowPolicy>('windows', values.windows, ['cap', 'ignore'], 'cap');
    const unit: UnitSystem = values.decimal ? 'decimal' : 'binary';
    let result;
    try {
      result = kvCache(model.spec, { tokens, batch, dtype, stateDtype, convLayout, windows, units: unit });
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(`${error.message} (--tokens ${tokens}, --batch ${batch})`);
      throw error;
    }
    if (values.json) {
      const { bytes, kvBytes, stateBytes, ...rest } = result;
      printJson({
        bytes,
        kvBytes,
        stateBytes,
        model: model.spec.name,
        source: model.source,
        ...rest,
        convLayout,
        windows,
        notes: model.notes,
      });
      return 0;
    }
    const size = (n: number) => (n === 0 ? '0 B' : `${formatInteger(n)} B (${formatBytes(n, unit, 4)})`);
    const lines = [
      `${model.spec.name} (${model.source}) · ${formatInteger(tokens)} tokens × ${formatInteger(batch)} sequence${batch === 1 ? '' : 's'} · K/V ${dtype}, state ${stateDtype}`,
      '',
      ...result.breakdown.map(
        (row) => `  ${row.label.padEnd(32)} ${String(row.layers).padStart(4)} layers  ${size(row.bytes)}`,
      ),
      '',
      `  KV cache   ${size(result.kvBytes)}`,
      `  SSM state  ${size(result.stateBytes)}`,
      `  Total      ${size(result.bytes)}`,
      '',
      `Formula: ${result.formula}`,
      ...(result.caveats.length + model.notes.length ? ['', 'Caveats:'] : []),
      ...[...result.caveats, ...model.notes].map((c) => `  - ${c}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
