/**
 * The `model` / `config` arguments shared by estimate-kv-cache and count-parameters: a preset id from
 * src/models/presets.ts or a Hugging Face config.json run through the same parser the presets use.
 */
import * as z from 'zod/v4';
import { InputError, type ModelSpec } from '../../core/modelSpec';
import { ConfigError, parseHfConfig } from '../../models/hfConfig';
import { PRESET_IDS, getPreset, presetSpec, type Preset } from '../../models/presets';
import { choiceField } from './define';

/** The two ways to name a model; exactly one must be given. */
export const modelFields = {
  model: choiceField(
    PRESET_IDS as [string, ...string[]],
    'A model preset id (list-models shows them with sources), e.g. "llama-3.1-8b". Give model or config, not both.',
  ).optional(),
  config: z
    .union([z.record(z.string(), z.unknown()), z.string()], {
      error: 'must be a Hugging Face config.json object (or its JSON text)',
    })
    .optional()
    .describe(
      'A Hugging Face config.json as a JSON object (or its text): num_hidden_layers, hidden_size, ' +
        'num_attention_heads, num_key_value_heads, head_dim, … Multimodal configs are read from text_config.',
    ),
};

/** Which model the numbers are for, and where its shape comes from. */
export const modelInfo = z
  .object({
    id: z.string().nullable().describe('The preset id, or null for an uploaded config.'),
    name: z.string().describe('Model name (from the preset, or the config’s _name_or_path / architectures).'),
    source: z.enum(['preset', 'config']).describe('Whether the shape came from a preset or the given config.'),
    sources: z.array(z.string()).describe('Where the preset’s numbers come from (empty for a config).'),
    caveats: z.array(z.string()).describe('What to keep in mind when reading this preset’s numbers.'),
    notes: z.array(z.string()).describe('Assumptions the config parser made (absent fields, defaults).'),
  })
  .describe('The model the figures are for.');

export type ModelInfo = z.infer<typeof modelInfo>;

const specs = new Map<string, ModelSpec>();

function preset(id: string): { spec: ModelSpec; preset: Preset } {
  const found = getPreset(id);
  if (!found) throw new InputError('model', `model must be one of ${PRESET_IDS.join(', ')}, got "${id}"`);
  let spec = specs.get(id);
  if (!spec) {
    spec = presetSpec(id);
    specs.set(id, spec);
  }
  return { spec, preset: found };
}

function configError(error: ConfigError): InputError {
  if (error.field === 'config') return new InputError('config', error.message);
  const field = `config.${error.field}`;
  return new InputError(
    field,
    error.message.startsWith(error.field) ? `config.${error.message}` : `${field}: ${error.message}`,
  );
}

/** The spec and description of the model named by `model` or `config`; InputError when neither or both is given. */
export function resolveModel(args: { model?: string; config?: Record<string, unknown> | string }): {
  spec: ModelSpec;
  info: ModelInfo;
} {
  const hasModel = args.model !== undefined;
  const hasConfig = args.config !== undefined;
  if (hasModel === hasConfig) {
    throw new InputError(
      hasModel ? 'config' : 'model',
      `${hasModel ? 'config' : 'model'}: give exactly one of model (a preset id, see list-models) or config ` +
        '(a Hugging Face config.json object)',
    );
  }
  if (hasModel) {
    const { spec, preset: p } = preset(args.model!);
    return {
      spec,
      info: { id: p.id, name: p.name, source: 'preset', sources: p.sources, caveats: p.caveats, notes: [] },
    };
  }
  try {
    const parsed = parseHfConfig(args.config);
    return {
      spec: parsed.spec,
      info: { id: null, name: parsed.spec.name, source: 'config', sources: [], caveats: [], notes: parsed.notes },
    };
  } catch (error) {
    if (error instanceof ConfigError) throw configError(error);
    throw error;
  }
}
