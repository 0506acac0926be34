import { afterEach, describe, expect, it } from 'vitest';
import { refusedBaseUrl, startFakeLlm, type FakeLlm } from '../../tests/fake-llm';
import { LlmError, SseParser, listModels, normalizeBaseUrl, streamChat, type LlmConfig, type StreamEvent } from './llm';

const messages = [{ role: 'user' as const, content: 'hi' }];
let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function collect(config: LlmConfig, signal?: AbortSignal): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of streamChat(config, messages, signal)) out.push(e);
  return out;
}
const text = (events: StreamEvent[]) => events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
async function failure(run: Promise<unknown>): Promise<LlmError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof LlmError) return error;
    throw error;
  }
  throw new Error('expected an LlmError');
}

describe('SseParser', () => {
  it('joins events split anywhere, skips comments and accepts CRLF line ends', () => {
    const p = new SseParser();
    const input = ': ping\r\n\r\ndata: {"a":1}\r\n\r\ndata: x\ndata: y\n\ndata: [DONE]\n\n';
    const out = [...input].flatMap((ch) => p.push(ch));
    expect(out).toEqual(['{"a":1}', 'x\ny', '[DONE]']);
  });

  it('flushes a last event that has no blank line after it', () => {
    const p = new SseParser();
    expect(p.push('data: tail')).toEqual([]);
    expect(p.flush()).toEqual(['tail']);
  });
});

describe('streamChat against a fake OpenAI-compatible server on loopback', () => {
  it('streams tokens that join to the answer, with finish "stop" and usage.total_tokens 14', async () => {
    fake = await startFakeLlm({ kind: 'stream', tokens: ['Grouped', ' query', ' attention.'] });
    const events = await collect({ baseUrl: fake.baseUrl, model: 'fake-model', apiKey: 'sk-test' });
    expect(text(events)).toBe('Grouped query attention.');
    expect(events.at(-1)).toEqual({
      type: 'done',
      finishReason: 'stop',
      usage: expect.objectContaining({ total_tokens: 14 }),
    });
    const request = fake.requests[0];
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body).toMatchObject({ model: 'fake-model', stream: true, messages });
  });

  it('reassembles events sent byte by byte with CRLF line ends', async () => {
    fake = await startFakeLlm({ kind: 'stream', tokens: ['a', 'b', 'c'], crlf: true, byteByByte: true });
    expect(text(await collect({ baseUrl: fake.baseUrl, model: 'fake-model' }))).toBe('abc');
  });

  it('maps HTTP 404 to an http error carrying the server message', async () => {
    fake = await startFakeLlm({ kind: 'http-error', status: 404, message: 'model "nope" not found' });
    const e = await failure(collect({ baseUrl: fake.baseUrl, model: 'nope' }));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(404);
    expect(e.message).toContain('model "nope" not found');
  });

  it('maps a malformed chunk to a malformed error', async () => {
    fake = await startFakeLlm({ kind: 'malformed' });
    expect((await failure(collect({ baseUrl: fake.baseUrl, model: 'fake-model' }))).kind).toBe('malformed');
  });

  it('maps an error event in the middle of the stream to a stream error', async () => {
    fake = await startFakeLlm({ kind: 'stream-error', after: ['par'], message: 'out of memory' });
    const e = await failure(collect({ baseUrl: fake.baseUrl, model: 'fake-model' }));
    expect(e.kind).toBe('stream');
    expect(e.message).toContain('out of memory');
  });

  it('stops on abort after 3 events, and the server sees the disconnect', async () => {
    fake = await startFakeLlm({ kind: 'stream', tokens: ['1', '2', '3', '4', '5', '6', '7', '8'], delayMs: 40 });
    const controller = new AbortController();
    const seen: string[] = [];
    const e = await failure(
      (async () => {
        for await (const ev of streamChat(
          { baseUrl: fake!.baseUrl, model: 'fake-model' },
          messages,
          controller.signal,
        )) {
          if (ev.type === 'delta') seen.push(ev.text);
          if (seen.length === 3) controller.abort();
        }
      })(),
    );
    expect(e.kind).toBe('aborted');
    expect(seen).toEqual(['1', '2', '3']);
    await fake.aborted;
  });

  it('maps a refused connection to unreachable', async () => {
    const e = await failure(collect({ baseUrl: await refusedBaseUrl(), model: 'm' }));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('connection refused');
  });

  it('times out when the response does not start in time', async () => {
    fake = await startFakeLlm({ kind: 'slow', delayMs: 2000 });
    const e = await failure(collect({ baseUrl: fake.baseUrl, model: 'fake-model', timeoutMs: 100 }));
    expect(e.kind).toBe('timeout');
  });

  it('accepts a non-streaming chat.completion reply', async () => {
    fake = await startFakeLlm({ kind: 'json', text: 'whole answer' });
    const events = await collect({ baseUrl: fake.baseUrl, model: 'fake-model' });
    expect(text(events)).toBe('whole answer');
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
  });

  it('rejects a bad base URL or an empty model as a config error naming the field', async () => {
    expect((await failure(collect({ baseUrl: 'localhost:11434', model: 'm' }))).message).toContain('base URL');
    expect((await failure(collect({ baseUrl: 'ftp://x/v1', model: 'm' }))).kind).toBe('config');
    expect((await failure(collect({ baseUrl: 'http://x/v1', model: ' ' }))).message).toContain('model');
  });
});

describe('listModels', () => {
  it('lists model ids from GET /models, or null when nothing answers', async () => {
    fake = await startFakeLlm();
    expect(await listModels(fake.baseUrl)).toEqual(['fake-model', 'fake-small']);
    expect(await listModels(await refusedBaseUrl())).toBeNull();
  });
});

describe('normalizeBaseUrl', () => {
  it('drops trailing slashes: http://localhost:11434/v1/ → http://localhost:11434/v1', () => {
    expect(normalizeBaseUrl('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1');
  });
});
