/**
 * A pasted or uploaded config.json as a calculator model, through the same parser as the presets
 * (src/models/hfConfig.ts). Loaded on demand, when someone pastes or uploads a config, so the parser is not part of
 * the page's first JavaScript. Errors come back as text naming the field; nothing is thrown.
 */
import { InputError } from '../../core/modelSpec';
import { parseHfConfig } from '../../models/hfConfig';
import { describeAttention } from './describe';
import { fieldMessage } from './model';
import { compactSpec, type CalculatorModel } from './spec';
import { CUSTOM_ID } from './state';

export type ParsedModel = { ok: true; model: CalculatorModel } | { ok: false; error: string };

/** Largest config text accepted (real config.json files are a few KB). */
export const MAX_CONFIG_CHARS = 1_000_000;

/** Parses config.json text; `fallbackName` (e.g. the file name) names a config without `_name_or_path`. */
export function parseConfigText(text: string, fallbackName?: string): ParsedModel {
  if (text.trim() === '') return { ok: false, error: 'config: paste the contents of a config.json first.' };
  if (text.length > MAX_CONFIG_CHARS)
    return {
      ok: false,
      error: `config: ${text.length.toLocaleString('en-US')} characters is too long for a config.json (up to 1,000,000).`,
    };
  try {
    const { spec, notes, modelType } = parseHfConfig(text);
    // The parser names a config by _name_or_path, then architectures[0], then model_type: only the last is vague.
    const vague = spec.name === 'custom config' || spec.name === modelType;
    const name = vague ? `${fallbackName ?? 'Pasted config'}${modelType ? ` (${modelType})` : ''}` : spec.name;
    return {
      ok: true,
      model: {
        id: CUSTOM_ID,
        name,
        attention: describeAttention(spec),
        maxPositions: spec.maxPositions,
        paramsOfficial: null,
        sources: [],
        caveats: notes,
        spec: compactSpec({ ...spec, name }),
      },
    };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: fieldMessage(error) };
    throw error;
  }
}
