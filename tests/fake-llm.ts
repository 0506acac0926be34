/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests (rag.md §6.4): `GET /v1/models`, and
 * `POST /v1/chat/completions` answering with a scripted behaviour — a normal SSE stream, an HTTP error, malformed
 * chunks, a mid-stream error, a slow start, a one-shot JSON completion, or events split byte by byte with CRLF line
 * ends. Every request is recorded. All traffic stays on loopback.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeBehaviour =
  | { kind: 'stream'; tokens: string[]; delayMs?: number; crlf?: boolean; byteByByte?: boolean }
  | { kind: 'http-error'; status: number; message: string }
  | { kind: 'malformed' }
  | { kind: 'stream-error'; after: string[]; message: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'json'; text: string };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FakeLlm {
  /** e.g. http://127.0.0.1:38121/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Set before a request to choose how the next completions are answered. */
  behaviour: FakeBehaviour;
  /** Resolves when the client disconnected during a stream (abort observed server-side). */
  aborted: Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function chunk(content: string | null, finish: string | null = null): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    model: 'fake-model',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
  });
}

/** Starts the fake server on an ephemeral loopback port. */
export async function startFakeLlm(behaviour: FakeBehaviour = { kind: 'stream', tokens: ['Hello', ' world'] }) {
  let markAborted: () => void = () => {};
  const fake: FakeLlm = {
    baseUrl: '',
    requests: [],
    behaviour,
    aborted: new Promise<void>((done) => (markAborted = done)),
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await new Promise<string>((done) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => done(body));
    });
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // keep the raw text
    }
    fake.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model' }, { id: 'fake-small' }] }));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const b = fake.behaviour;
    res.on('close', () => {
      if (!res.writableEnded) markAborted();
    });
    if (b.kind === 'http-error') {
      res.writeHead(b.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: b.message, type: 'invalid_request_error' } }));
      return;
    }
    if (b.kind === 'json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: b.text }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
        }),
      );
      return;
    }
    if (b.kind === 'slow') await sleep(b.delayMs);
    if (res.destroyed) return;
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const nl = b.kind === 'stream' && b.crlf ? '\r\n' : '\n';
    const send = async (data: string) => {
      const text = `data: ${data}${nl}${nl}`;
      if (b.kind === 'stream' && b.byteByByte) {
        for (const ch of text) {
          if (res.destroyed) return;
          res.write(ch);
          await sleep(0);
        }
      } else if (!res.destroyed) res.write(text);
    };
    if (b.kind === 'malformed') {
      await send(chunk('ok'));
      await send('{"choices": [ this is not json');
      res.end();
      return;
    }
    if (b.kind === 'stream-error') {
      for (const t of b.after) await send(chunk(t));
      await send(JSON.stringify({ error: { message: b.message } }));
      res.end();
      return;
    }
    await send(chunk('', null).replace('{}', '{"role":"assistant","content":""}'));
    res.write(`: ping${nl}${nl}`);
    const tokens = b.kind === 'stream' ? b.tokens : ['slow answer'];
    for (const t of tokens) {
      if (res.destroyed) return;
      await send(chunk(t));
      if (b.kind === 'stream' && b.delayMs) await sleep(b.delayMs);
    }
    await send(chunk(null, 'stop'));
    await send(JSON.stringify({ choices: null, usage: { prompt_tokens: 10, completion_tokens: 4, total_tokens: 14 } }));
    await send('[DONE]');
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return fake;
}

/** A base URL on a loopback port that was just freed, so connecting is refused. */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}/v1`;
}
