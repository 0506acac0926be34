/**
 * One tool-calling turn against an OpenAI-compatible chat-completions endpoint (`POST {baseUrl}/chat/completions`
 * with `tools` and `stream: false`; Ollama, llama.cpp's llama-server, vLLM and hosted APIs accept it): the request
 * body, the reply parsed into text and tool calls, and the messages that carry a tool's result back. Uses the same
 * LlmConfig as the streaming client in llm.ts, so the /api/chat proxy and the page's settings apply unchanged.
 * Failures are LlmErrors with a kind (unreachable, timeout, http, malformed, aborted).
 */
import { LlmError, normalizeBaseUrl, type LlmConfig } from './llm';

/** A tool as the model sees it: the MCP tool's name, description and input JSON Schema. */
export interface ToolSpec {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

/** A tool call as the chat-completions wire format carries it (arguments are a JSON string). */
export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ToolChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: WireToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

/** A parsed tool call: `args` is the decoded arguments object, `raw` the string the model wrote. */
export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  raw: string;
}

export interface ToolChatReply {
  content: string | null;
  toolCalls: ToolCall[];
  finishReason: string | null;
}

/** The JSON body of one non-streaming request offering `tools` (temperature 0: a tool call should be repeatable). */
export function toolChatBody(model: string, messages: readonly ToolChatMessage[], tools: readonly ToolSpec[]) {
  return {
    model,
    messages,
    stream: false,
    temperature: 0,
    ...(tools.length > 0
      ? {
          tools: tools.map((t) => ({
            type: 'function',
            function: { name: t.name, description: t.description ?? '', parameters: t.parameters },
          })),
          tool_choice: 'auto',
        }
      : {}),
  };
}

interface ReplyShape {
  error?: { message?: string } | string;
  choices?: {
    finish_reason?: string | null;
    message?: {
      content?: string | null;
      tool_calls?: { id?: unknown; function?: { name?: unknown; arguments?: unknown } }[];
    };
  }[];
}

/** Parses a chat.completion into text and tool calls; a malformed LlmError names what is missing. */
export function parseToolReply(body: unknown): ToolChatReply {
  const reply = body as ReplyShape | null;
  if (reply === null || typeof reply !== 'object') throw new LlmError('malformed', 'the reply is not a JSON object');
  if (reply.error) {
    const message = typeof reply.error === 'string' ? reply.error : (reply.error.message ?? 'unknown error');
    throw new LlmError('http', `the model server reported: ${message.slice(0, 300)}`);
  }
  const choice = Array.isArray(reply.choices) ? reply.choices[0] : undefined;
  const message = choice?.message;
  if (!message) throw new LlmError('malformed', 'the reply has no choices[0].message');
  const toolCalls = (message.tool_calls ?? []).map((call, i): ToolCall => {
    const name = call.function?.name;
    if (typeof name !== 'string' || !name) throw new LlmError('malformed', `tool_calls[${i}].function.name is missing`);
    const raw = call.function?.arguments;
    let args: unknown = raw ?? {};
    if (typeof raw === 'string') {
      try {
        args = raw.trim() ? JSON.parse(raw) : {};
      } catch {
        throw new LlmError('malformed', `tool_calls[${i}].function.arguments is not JSON: ${raw.slice(0, 120)}`);
      }
    }
    if (args === null || typeof args !== 'object' || Array.isArray(args))
      throw new LlmError('malformed', `tool_calls[${i}].function.arguments must be a JSON object`);
    return {
      id: typeof call.id === 'string' && call.id ? call.id : `call_${i}`,
      name,
      args: args as Record<string, unknown>,
      raw: typeof raw === 'string' ? raw : JSON.stringify(args),
    };
  });
  return {
    content: typeof message.content === 'string' ? message.content : null,
    toolCalls,
    finishReason: choice?.finish_reason ?? null,
  };
}

/** The assistant message that made `call` and the tool message answering it, to append before the next turn. */
export function toolResultMessages(call: ToolCall, result: string): ToolChatMessage[] {
  return [
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.raw } }],
    },
    { role: 'tool', tool_call_id: call.id, content: result },
  ];
}

/** Sends one turn and returns the parsed reply. Throws LlmError. */
export async function chatWithTools(
  config: LlmConfig,
  messages: readonly ToolChatMessage[],
  tools: readonly ToolSpec[],
  signal?: AbortSignal,
): Promise<ToolChatReply> {
  if (!config.model.trim()) throw new LlmError('config', 'model must not be empty (e.g. llama3.2 for Ollama)');
  const url = config.endpoint ?? `${normalizeBaseUrl(config.baseUrl)}/chat/completions`;
  const target = config.baseUrl || url;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs ?? 60_000);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let res: Response;
    try {
      res = await (config.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : {}),
          ...config.headers,
        },
        body: JSON.stringify(toolChatBody(config.model, messages, tools)),
        signal: controller.signal,
      });
    } catch (error) {
      if (signal?.aborted) throw new LlmError('aborted', 'stopped');
      if (timedOut) throw new LlmError('timeout', `no response from ${target} in time`);
      throw new LlmError('unreachable', `could not reach ${target} (${(error as Error).message})`);
    }
    const text = await res.text();
    if (!res.ok) throw new LlmError('http', `HTTP ${res.status} from ${target}: ${text.slice(0, 300)}`, res.status);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new LlmError('malformed', `the reply is not JSON: ${text.slice(0, 120)}`);
    }
    return parseToolReply(body);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
