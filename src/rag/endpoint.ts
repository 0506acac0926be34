/**
 * Which model endpoint to use. Explicit settings win (flags, page settings), then the environment
 * (ATLAS_LLM_BASE_URL, ATLAS_LLM_MODEL, ATLAS_LLM_API_KEY), then a local Ollama if one answers at
 * http://localhost:11434/v1 (ATLAS_OLLAMA_URL overrides where to look; "off" disables the probe). No endpoint means
 * the extractive answer. Shared by the CLI and the /api/chat proxy; takes the environment as an argument.
 */
import { LlmError, listModels, normalizeBaseUrl } from './llm';

export const OLLAMA_BASE_URL = 'http://localhost:11434/v1';

export interface EndpointSettings {
  baseUrl?: string;
  model?: string;
  apiKey?: string;
}

export interface ResolvedEndpoint {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Where the settings came from, for messages. */
  source: 'explicit' | 'environment' | 'ollama';
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The Ollama base URL to probe, or null when probing is turned off. */
export function ollamaUrl(env: Env): string | null {
  const raw = env.ATLAS_OLLAMA_URL?.trim();
  if (raw === 'off') return null;
  return raw || OLLAMA_BASE_URL;
}

/** A local Ollama's base URL and pulled models, or null when none answers within `timeoutMs`. */
export async function detectOllama(
  env: Env,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<{ baseUrl: string; models: string[] } | null> {
  const url = ollamaUrl(env);
  if (!url) return null;
  const models = await listModels(url, { timeoutMs: options.timeoutMs ?? 600, fetch: options.fetch });
  return models ? { baseUrl: normalizeBaseUrl(url), models } : null;
}

/**
 * Resolves settings to an endpoint, or null (extractive answer). A base URL without a model takes the first model
 * the server lists; a config LlmError names what is missing when that is impossible.
 */
export async function resolveEndpoint(
  settings: EndpointSettings,
  env: Env,
  options: { fetch?: typeof fetch } = {},
): Promise<ResolvedEndpoint | null> {
  const explicit = settings.baseUrl?.trim();
  const fromEnv = env.ATLAS_LLM_BASE_URL?.trim();
  const apiKey = settings.apiKey?.trim() || env.ATLAS_LLM_API_KEY?.trim() || undefined;
  let model = settings.model?.trim() || env.ATLAS_LLM_MODEL?.trim() || '';
  if (explicit || fromEnv) {
    const baseUrl = normalizeBaseUrl((explicit || fromEnv) as string);
    if (!model) {
      const models = await listModels(baseUrl, { apiKey, fetch: options.fetch, timeoutMs: 2000 });
      model = models?.[0] ?? '';
      if (!model) {
        throw new LlmError('config', `--model is required: ${baseUrl}/models did not list any model`);
      }
    }
    return { baseUrl, model, apiKey, source: explicit ? 'explicit' : 'environment' };
  }
  const ollama = await detectOllama(env, options);
  if (!ollama || ollama.models.length === 0) return null;
  if (model && !ollama.models.includes(model)) model = '';
  return { baseUrl: ollama.baseUrl, model: model || (ollama.models[0] as string), source: 'ollama' };
}
