/**
 * A streaming client for OpenAI-compatible chat completions (`POST {baseUrl}/chat/completions` with
 * `stream: true`, answered with server-sent events; Ollama, llama.cpp's llama-server, vLLM and hosted APIs speak
 * it). Hand-written on fetch, so it runs in Node 20 and browsers alike. Every failure becomes an LlmError with a
 * kind the caller can act on: unreachable, timeout, http, malformed, stream (an error event mid-answer), aborted.
 */
import type { ChatMessage } from './prompt';

export interface LlmConfig {
  /** e.g. http://localhost:11434/v1 */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer …`; never logged. */
  apiKey?: string;
  /** Full request URL instead of `{baseUrl}/chat/completions` (the /api/chat proxy). */
  endpoint?: string;
  /** Extra request headers (the proxy's target header). */
  headers?: Record<string, string>;
  /** Time allowed until the response starts (default 60 s: local models may need to load). */
  timeoutMs?: number;
  /** Time allowed between two chunks of the stream (default 60 s). */
  idleTimeoutMs?: number;
  temperature?: number;
  /** Injected fetch (tests); defaults to the global one. */
  fetch?: typeof fetch;
}

export type LlmErrorKind = 'config' | 'unreachable' | 'timeout' | 'http' | 'malformed' | 'stream' | 'aborted';

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

export type StreamEvent =
  { type: 'delta'; text: string } | { type: 'done'; finishReason: string | null; usage: Usage | null };

/** Incremental SSE parser: feed text as it arrives, get the `data:` payload of every complete event. */
export class SseParser {
  private buffer = '';

  push(text: string): string[] {
    this.buffer += text;
    const out: string[] = [];
    let match: RegExpExecArray | null;
    while ((match = /\r?\n\r?\n|\r\r/.exec(this.buffer))) {
      const event = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const data = event
        .split(/\r?\n|\r/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length) out.push(data.join('\n'));
    }
    return out;
  }

  /** What is left when the stream ends without a final blank line. */
  flush(): string[] {
    const rest = this.buffer;
    this.buffer = '';
    return rest.trim() ? this.push(`${rest}\n\n`) : [];
  }
}

/** The base URL checked and normalised (no trailing slash); a config LlmError for anything but http(s). */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LlmError(
      'config',
      `base URL must be an absolute http(s) URL such as http://localhost:11434/v1, got "${raw}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LlmError('config', `base URL must use http or https, got "${url.protocol}"`);
  }
  return url.href.replace(/\/+$/, '');
}

function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; message?: string };
    const msg = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (msg) return msg.slice(0, 300);
  } catch {
    // Not JSON: fall through to the raw excerpt.
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 300) || '(empty body)';
}

function networkError(error: unknown, target: string): LlmError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code === 'ECONNREFUSED' ? 'connection refused' : (cause?.code ?? (error as Error).message);
  return new LlmError('unreachable', `could not reach ${target} (${detail})`);
}

interface ChunkShape {
  error?: { message?: string } | string;
  choices?: { delta?: { content?: string | null }; message?: { content?: string }; finish_reason?: string | null }[];
  usage?: Usage | null;
}

function parseJson(data: string): ChunkShape {
  try {
    const value = JSON.parse(data) as unknown;
    if (value === null || typeof value !== 'object') throw new Error('not an object');
    return value as ChunkShape;
  } catch {
    throw new LlmError('malformed', `malformed stream chunk: ${data.slice(0, 120)}`);
  }
}

/** Streams a chat completion; yields text deltas, then one `done`. Throws LlmError. */
export async function* streamChat(
  config: LlmConfig,
  messages: readonly ChatMessage[],
  signal?: AbortSignal,
): AsyncGenerator<StreamEvent> {
  if (!config.model.trim()) throw new LlmError('config', 'model must not be empty (e.g. llama3.2 for Ollama)');
  const url = config.endpoint ?? `${normalizeBaseUrl(config.baseUrl)}/chat/completions`;
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
  };
  const onAbort = () => controller.abort();
  if (signal?.aborted) throw new LlmError('aborted', 'stopped');
  signal?.addEventListener('abort', onAbort, { once: true });
  const failure = (error: unknown): LlmError => {
    if (error instanceof LlmError) return error;
    if (signal?.aborted) return new LlmError('aborted', 'stopped');
    if (timedOut) return new LlmError('timeout', `no response from ${config.baseUrl || url} in time`);
    return networkError(error, config.baseUrl || url);
  };

  try {
    arm(config.timeoutMs ?? 60_000);
    let res: Response;
    try {
      res = await (config.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'text/event-stream',
          ...(config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : {}),
          ...config.headers,
        },
        body: JSON.stringify({
          model: config.model,
          messages,
          stream: true,
          temperature: config.temperature ?? 0.2,
          stream_options: { include_usage: true },
        }),
        signal: controller.signal,
      });
    } catch (error) {
      throw failure(error);
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      throw new LlmError('http', `HTTP ${res.status} from ${config.baseUrl || url}: ${errorMessage(body)}`, res.status);
    }
    if (!res.body) throw new LlmError('malformed', 'the response has no body');
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('application/json')) {
      // A server that ignores `stream: true` answers with one chat.completion.
      const chunk = parseJson(await res.text());
      if (chunk.error) throw new LlmError('stream', errorMessage(JSON.stringify(chunk)));
      const text = chunk.choices?.[0]?.message?.content;
      if (typeof text !== 'string') throw new LlmError('malformed', 'the completion has no choices[0].message.content');
      yield { type: 'delta', text };
      yield { type: 'done', finishReason: chunk.choices?.[0]?.finish_reason ?? null, usage: chunk.usage ?? null };
      return;
    }
    yield* readStream(res.body, () => arm(config.idleTimeoutMs ?? 60_000), failure);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}

async function* readStream(
  body: ReadableStream<Uint8Array>,
  onChunk: () => void,
  failure: (error: unknown) => LlmError,
): AsyncGenerator<StreamEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  let received = false;
  const handle = function* (payloads: string[]): Generator<StreamEvent, boolean> {
    for (const data of payloads) {
      if (data === '[DONE]') return true;
      const chunk = parseJson(data);
      if (chunk.error) throw new LlmError('stream', `the model server reported: ${errorMessage(data)}`);
      received = true;
      if (chunk.usage) usage = chunk.usage;
      const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
      const text = choice?.delta?.content;
      if (typeof text === 'string' && text) yield { type: 'delta', text };
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }
    return false;
  };
  try {
    onChunk();
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        throw failure(error);
      }
      if (step.done) break;
      onChunk();
      if (yield* handle(parser.push(decoder.decode(step.value, { stream: true })))) {
        yield { type: 'done', finishReason, usage };
        return;
      }
    }
    const ended = yield* handle(parser.flush());
    if (!ended && !received) throw new LlmError('malformed', 'the stream ended without any completion chunk');
    yield { type: 'done', finishReason, usage };
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** Model ids from `GET {baseUrl}/models`, or null when the server does not answer in time. */
export async function listModels(
  baseUrl: string,
  options: { timeoutMs?: number; apiKey?: string; fetch?: typeof fetch } = {},
): Promise<string[] | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 800);
  try {
    const res = await (options.fetch ?? fetch)(`${normalizeBaseUrl(baseUrl)}/models`, {
      headers: options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {},
      signal: controller.signal,
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { data?: { id?: unknown }[] };
    return (body.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
