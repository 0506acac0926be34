import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { refusedBaseUrl, startFakeLlm, type FakeLlm } from '../../../tests/fake-llm';
import { main } from '../main';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

let fake: FakeLlm;
beforeAll(async () => {
  vi.stubEnv('ATLAS_OLLAMA_URL', 'off');
  vi.stubEnv('ATLAS_LLM_BASE_URL', '');
  fake = await startFakeLlm({
    kind: 'stream',
    tokens: ['MQA shares one KV head ', '[multi-query-attention#key-characteristics].'],
  });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});
afterEach(() => vi.restoreAllMocks());

describe('ai-arch ask', () => {
  it('answers offline with a labelled extractive answer and numbered sources', async () => {
    const { code, stdout } = await run('ask', 'How does paged attention store the cache?');
    expect(code).toBe(0);
    expect(stdout).toContain('[no language model configured — extractive answer]');
    expect(stdout).toMatch(/\[1\]/);
    expect(stdout).toMatch(/Sources:\n {2}\[1\] kv-cache#\S+ {2}KV Cache › .+ {2}\/architectures\/kv-cache\/#/);
  });

  it('streams a model answer from --base-url/--model and lists the cited chunks', async () => {
    const { code, stdout, stderr } = await run(
      'ask',
      'Why does multi-query attention make decoding cheap?',
      '--base-url',
      fake.baseUrl,
      '--model',
      'fake-model',
    );
    expect(code).toBe(0);
    expect(stderr).toContain(`(fake-model at ${fake.baseUrl})`);
    expect(stdout).toContain('MQA shares one KV head [multi-query-attention#key-characteristics].');
    expect(stdout).toContain('[1] multi-query-attention#key-characteristics');
  });

  it('falls back to the extractive answer and says why when the endpoint is down', async () => {
    const { code, stdout, stderr } = await run(
      'ask',
      'What is GQA?',
      '--base-url',
      await refusedBaseUrl(),
      '--model',
      'm',
    );
    expect(code).toBe(0);
    expect(stderr).toContain('The model did not answer: could not reach');
    expect(stdout).toContain('extractive answer');
  });

  it('rejects a malformed --base-url and a missing question with exit 2', async () => {
    const bad = await run('ask', 'What is GQA?', '--base-url', 'localhost:11434');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--base-url');
    expect((await run('ask')).code).toBe(2);
  });
});
