/**
 * `/api/chat`: the LLM proxy behind the /ask/ page, so browsers can reach a local or hosted OpenAI-compatible
 * endpoint without CORS. `GET /api/chat/config` tells the page what is available (the server's configured endpoint
 * without its key, and whether a local Ollama answers); `POST /api/chat` forwards a chat-completions body to
 * `{base}/chat/completions` and streams the reply back unchanged. The target base URL comes from the
 * `X-Atlas-Base-Url` header (the page's settings), else ATLAS_LLM_BASE_URL, else a detected Ollama. Same-origin
 * requests only; bodies over 256 KB are refused; the API key is forwarded, never logged or echoed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { detectOllama, type Env } from '../rag/endpoint';
import { normalizeBaseUrl } from '../rag/llm';
import type { Route } from './routes';

export const CHAT_BODY_LIMIT = 256 * 1024;
export const BASE_URL_HEADER = 'x-atlas-base-url';

export interface ChatProxyOptions {
  env?: Env;
  fetch?: typeof fetch;
  /** Time allowed until the upstream answers (default 60 s). */
  timeoutMs?: number;
  bodyLimit?: number;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...JSON_HEADERS, ...extra });
  res.end(JSON.stringify(value));
}

const fail = (res: ServerResponse, status: number, message: string, extra?: Record<string, string>) =>
  sendJson(res, status, { error: { message } }, extra);

/** Browsers send Origin on POST; anything from another site is refused (this proxy carries the user's key). */
function sameOrigin(req: IncomingMessage): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return null;
  let size = 0;
  const parts: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}

function isChatBody(value: unknown): value is { model: string; messages: unknown[] } {
  const v = value as { model?: unknown; messages?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.model === 'string' && Array.isArray(v.messages);
}

/** The /api/chat route. */
export function chatRoute(options: ChatProxyOptions = {}): Route {
  const env = options.env ?? process.env;
  const limit = options.bodyLimit ?? CHAT_BODY_LIMIT;

  const config = async (res: ServerResponse) => {
    const configured = env.ATLAS_LLM_BASE_URL?.trim();
    const ollama = await detectOllama(env, { fetch: options.fetch });
    sendJson(res, 200, {
      proxy: true,
      server: {
        baseUrl: configured || null,
        model: env.ATLAS_LLM_MODEL?.trim() || null,
        hasKey: Boolean(env.ATLAS_LLM_API_KEY?.trim()),
      },
      ollama: ollama ? { available: true, baseUrl: ollama.baseUrl, models: ollama.models } : { available: false },
    });
  };

  const target = async (req: IncomingMessage): Promise<string | null> => {
    const header = req.headers[BASE_URL_HEADER];
    const raw = (Array.isArray(header) ? header[0] : header)?.trim() || env.ATLAS_LLM_BASE_URL?.trim();
    if (raw) return normalizeBaseUrl(raw);
    return (await detectOllama(env, { fetch: options.fetch }))?.baseUrl ?? null;
  };

  const proxy = async (req: IncomingMessage, res: ServerResponse) => {
    if (!sameOrigin(req)) return fail(res, 403, 'cross-origin requests to /api/chat are not allowed');
    const body = await readBody(req, limit);
    if (body === null) return fail(res, 413, `the request body must be at most ${limit} bytes`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return fail(res, 400, 'the body must be a JSON chat-completions request');
    }
    if (!isChatBody(parsed)) return fail(res, 400, 'the body needs "model" (a string) and "messages" (an array)');
    let base: string | null;
    try {
      base = await target(req);
    } catch (error) {
      return fail(res, 400, `${BASE_URL_HEADER}: ${(error as Error).message}`);
    }
    if (!base) return fail(res, 503, 'no model endpoint configured and no local Ollama found');

    const auth = req.headers.authorization ?? (env.ATLAS_LLM_API_KEY ? `Bearer ${env.ATLAS_LLM_API_KEY}` : undefined);
    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableEnded) controller.abort();
    };
    res.on('close', onClose);
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 60_000);
    let upstream: Response;
    try {
      upstream = await (options.fetch ?? fetch)(`${base}/chat/completions`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'text/event-stream',
          ...(auth ? { Authorization: auth } : {}),
        },
        body: JSON.stringify(parsed),
        signal: controller.signal,
      });
    } catch (error) {
      clearTimeout(timer);
      if (res.destroyed) return;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      if (controller.signal.aborted) return fail(res, 504, `${base} did not answer in time`);
      return fail(
        res,
        502,
        `could not reach ${base} (${cause === 'ECONNREFUSED' ? 'connection refused' : (cause ?? 'network error')})`,
      );
    }
    clearTimeout(timer);
    res.writeHead(upstream.status, {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    if (!upstream.body) return void res.end();
    const reader = upstream.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || res.destroyed) break;
        res.write(value);
      }
    } catch {
      // The upstream stream broke or the client left; end what we have.
    } finally {
      reader.cancel().catch(() => undefined);
      res.off('close', onClose);
      res.end();
    }
  };

  return {
    prefix: '/api/chat',
    async handle(req, res) {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/api/chat/config') {
        if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'use GET', { Allow: 'GET, HEAD' });
        return config(res);
      }
      if (path !== '/api/chat') return fail(res, 404, `no such endpoint ${path}`);
      if (req.method !== 'POST') return fail(res, 405, 'use POST with a chat-completions body', { Allow: 'POST' });
      return proxy(req, res);
    },
  };
}
