/**
 * Taps for the playground's message log: a fetch wrapper that records each HTTP exchange (method, URL, status,
 * headers and the JSON-RPC messages in the body, including SSE-framed ones) and a transport wrapper that records
 * in-memory messages. Browser-safe; nothing here changes what is sent.
 */
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';

/** One half of an exchange as the log shows it. */
export interface LogEntry {
  seq: number;
  /** Milliseconds since the session opened. */
  at: number;
  direction: 'out' | 'in';
  transport: 'http' | 'memory';
  /** The JSON-RPC messages carried (an HTTP body may carry none, e.g. a 202 or a 405). */
  messages: unknown[];
  /** Present for HTTP: request line or status, and every header. */
  http?: { method?: string; url?: string; status?: number; headers: [string, string][] };
  /** Body text that was not JSON (an error page, a partial stream). */
  raw?: string;
}

export type LogSink = (entry: Omit<LogEntry, 'seq' | 'at'>) => void;

type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

const headerList = (headers: Headers): [string, string][] => [...headers.entries()];

/** JSON-RPC messages in a body: JSON (one message or a batch) or server-sent events with `data:` lines. */
export function bodyMessages(text: string, contentType: string | null): { messages: unknown[]; raw?: string } {
  if (!text.trim()) return { messages: [] };
  if (contentType?.includes('text/event-stream')) {
    const messages: unknown[] = [];
    for (const event of text.split(/\r?\n\r?\n/)) {
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (!data) continue;
      try {
        messages.push(JSON.parse(data));
      } catch {
        return { messages, raw: text };
      }
    }
    return { messages };
  }
  try {
    const json = JSON.parse(text) as unknown;
    return { messages: Array.isArray(json) ? json : [json] };
  } catch {
    return { messages: [], raw: text.slice(0, 2000) };
  }
}

/** Wraps `inner` so every request and response is logged; the response is returned untouched. */
export function tapFetch(inner: (request: Request) => Promise<Response>, log: LogSink): FetchLike {
  return async (url, init) => {
    const request = new Request(url, init);
    const body = typeof init?.body === 'string' ? init.body : '';
    log({
      direction: 'out',
      transport: 'http',
      ...bodyMessages(body, 'application/json'),
      http: { method: request.method, url: String(url), headers: headerList(request.headers) },
    });
    const response = await inner(request);
    const contentType = response.headers.get('content-type');
    const entry = { direction: 'in' as const, transport: 'http' as const };
    const http = { status: response.status, headers: headerList(response.headers) };
    response
      .clone()
      .text()
      .then(
        (text) => log({ ...entry, ...bodyMessages(text, contentType), http }),
        () => log({ ...entry, messages: [], http, raw: '(stream closed)' }),
      );
    return response;
  };
}

/** Logs every message `transport` sends, as `direction`. */
export function tapTransport<T extends Transport>(transport: T, direction: 'out' | 'in', log: LogSink): T {
  const send = transport.send.bind(transport);
  transport.send = (message: JSONRPCMessage, options) => {
    log({ direction, transport: 'memory', messages: [message] });
    return send(message, options);
  };
  return transport;
}
