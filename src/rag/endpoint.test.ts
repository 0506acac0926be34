import { afterEach, describe, expect, it } from 'vitest';
import { refusedBaseUrl, startFakeLlm, type FakeLlm } from '../../tests/fake-llm';
import { ollamaUrl, resolveEndpoint } from './endpoint';

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('resolveEndpoint', () => {
  it('uses explicit settings first, then the environment', async () => {
    const env = { ATLAS_LLM_BASE_URL: 'http://env.example/v1', ATLAS_LLM_MODEL: 'env-model', ATLAS_OLLAMA_URL: 'off' };
    expect(await resolveEndpoint({ baseUrl: 'http://x.example/v1/', model: 'm' }, env)).toEqual({
      baseUrl: 'http://x.example/v1',
      model: 'm',
      apiKey: undefined,
      source: 'explicit',
    });
    expect(await resolveEndpoint({}, env)).toMatchObject({ baseUrl: 'http://env.example/v1', source: 'environment' });
  });

  it('takes the first listed model when only a base URL is given', async () => {
    fake = await startFakeLlm();
    expect(await resolveEndpoint({ baseUrl: fake.baseUrl }, { ATLAS_OLLAMA_URL: 'off' })).toMatchObject({
      model: 'fake-model',
    });
  });

  it('detects a local Ollama-style server and picks its first model', async () => {
    fake = await startFakeLlm();
    expect(await resolveEndpoint({}, { ATLAS_OLLAMA_URL: fake.baseUrl })).toEqual({
      baseUrl: fake.baseUrl,
      model: 'fake-model',
      source: 'ollama',
    });
  });

  it('returns null (extractive answer) when nothing is configured and no Ollama answers', async () => {
    expect(await resolveEndpoint({}, { ATLAS_OLLAMA_URL: await refusedBaseUrl() })).toBeNull();
    expect(await resolveEndpoint({}, { ATLAS_OLLAMA_URL: 'off' })).toBeNull();
  });

  it('names --model when a base URL lists no model', async () => {
    await expect(resolveEndpoint({ baseUrl: await refusedBaseUrl() }, {})).rejects.toThrow('--model is required');
  });

  it('probes http://localhost:11434/v1 by default', () => {
    expect(ollamaUrl({})).toBe('http://localhost:11434/v1');
  });
});
