import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refusedBaseUrl, startFakeLlm, type FakeLlm } from '../../tests/fake-llm';
import { LlmError, streamChat, type StreamEvent } from '../rag/llm';
import { chatRoute, type ChatProxyOptions } from './chat';
import { startServer, type RunningServer } from './server';

const root = mkdtempSync(join(tmpdir(), 'atlas-chat-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>atlas</title>');

let fake: FakeLlm;
let server: RunningServer | undefined;
const logs: string[] = [];
const messages = [{ role: 'user' as const, content: 'What is GQA?' }];

beforeAll(async () => {
  fake = await startFakeLlm({ kind: 'stream', tokens: ['GQA ', 'shares ', 'KV heads.'] });
});
afterAll(() => fake.close());
afterEach(async () => {
  await server?.close();
  server = undefined;
  fake.behaviour = { kind: 'stream', tokens: ['GQA ', 'shares ', 'KV heads.'] };
  fake.requests.length = 0;
});

async function start(options: ChatProxyOptions = {}): Promise<string> {
  server = await startServer({
    root,
    port: 0,
    routes: [chatRoute({ env: { ATLAS_OLLAMA_URL: 'off' }, ...options })],
    log: (line) => logs.push(line),
  });
  return server.url;
}

async function viaProxy(url: string, baseUrl: string, apiKey?: string, signal?: AbortSignal) {
  const events: StreamEvent[] = [];
  for await (const e of streamChat(
    { baseUrl, model: 'fake-model', apiKey, endpoint: `${url}/api/chat`, headers: { 'X-Atlas-Base-Url': baseUrl } },
    messages,
    signal,
  )) {
    events.push(e);
  }
  return events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
}

describe('/api/chat proxy', () => {
  it('streams the upstream answer through and forwards the key without logging it', async () => {
    const url = await start();
    expect(await viaProxy(url, fake.baseUrl, 'sk-secret-123')).toBe('GQA shares KV heads.');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-secret-123');
    expect(fake.requests[0]?.body).toMatchObject({ model: 'fake-model', messages, stream: true });
    expect(logs.join('\n')).not.toContain('sk-secret');
  });

  it('uses the server-side endpoint and key from the environment when the page sends none', async () => {
    const url = await start({
      env: { ATLAS_OLLAMA_URL: 'off', ATLAS_LLM_BASE_URL: fake.baseUrl, ATLAS_LLM_API_KEY: 'env-key' },
    });
    const res = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', messages, stream: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await res.text()).toContain('data: [DONE]');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer env-key');
  });

  it('reports what is available at /api/chat/config without revealing the key', async () => {
    const url = await start({
      env: {
        ATLAS_OLLAMA_URL: fake.baseUrl,
        ATLAS_LLM_BASE_URL: 'http://gpu.example/v1',
        ATLAS_LLM_API_KEY: 'sk-hidden',
      },
    });
    const res = await fetch(`${url}/api/chat/config`);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({
      proxy: true,
      server: { baseUrl: 'http://gpu.example/v1', model: null, hasKey: true },
      ollama: { available: true, baseUrl: fake.baseUrl, models: ['fake-model', 'fake-small'] },
    });
    expect(body).not.toContain('sk-hidden');
  });

  it('passes an upstream HTTP error through, so the client reports it', async () => {
    const url = await start();
    fake.behaviour = { kind: 'http-error', status: 404, message: 'model "fake-model" not found, try pulling it first' };
    const error = await viaProxy(url, fake.baseUrl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).status).toBe(404);
    expect((error as LlmError).message).toContain('try pulling it first');
  });

  it('answers 502 naming the endpoint when the upstream refuses the connection', async () => {
    const url = await start();
    const down = await refusedBaseUrl();
    const error = (await viaProxy(url, down).catch((e: unknown) => e)) as LlmError;
    expect(error.status).toBe(502);
    expect(error.message).toContain(`could not reach ${down} (connection refused)`);
  });

  it('stops the upstream request when the browser aborts', async () => {
    const url = await start();
    fake.behaviour = { kind: 'stream', tokens: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], delayMs: 50 };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 120);
    const error = (await viaProxy(url, fake.baseUrl, undefined, controller.signal).catch(
      (e: unknown) => e,
    )) as LlmError;
    expect(error.kind).toBe('aborted');
    await fake.aborted;
  });

  it('refuses bodies over the limit (413), bad JSON (400), other methods (405) and cross-origin posts (403)', async () => {
    const url = await start({ bodyLimit: 1000 });
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    expect((await post(JSON.stringify({ model: 'm', messages: [{ content: 'x'.repeat(2000) }] }))).status).toBe(413);
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ messages: [] }))).status).toBe(400);
    expect((await fetch(`${url}/api/chat`)).status).toBe(405);
    const cross = await post(JSON.stringify({ model: 'm', messages }), {
      Origin: 'https://evil.example',
      'X-Atlas-Base-Url': fake.baseUrl,
    });
    expect(cross.status).toBe(403);
    expect(fake.requests).toHaveLength(0);
  });

  it('answers 503 when no endpoint is configured and no Ollama runs', async () => {
    const url = await start();
    const res = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages }),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { message: 'no model endpoint configured and no local Ollama found' } });
  });
});
