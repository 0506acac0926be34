import { describe, expect, it } from 'vitest';
import { LlmError } from './llm';
import { chatWithTools, parseToolReply, toolChatBody, toolResultMessages, type ToolSpec } from './toolChat';

const TOOLS: ToolSpec[] = [
  {
    name: 'estimate-kv-cache',
    description: 'Exact KV-cache bytes.',
    parameters: { type: 'object', properties: { tokens: { type: 'integer' } }, required: ['tokens'] },
  },
];

const completion = (message: object, finish = 'tool_calls') => ({ choices: [{ message, finish_reason: finish }] });

describe('toolChatBody', () => {
  it('offers the tools as functions, non-streaming, temperature 0', () => {
    expect(toolChatBody('llama3.2', [{ role: 'user', content: 'hi' }], TOOLS)).toEqual({
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'hi' }],
      stream: false,
      temperature: 0,
      tools: [
        {
          type: 'function',
          function: {
            name: 'estimate-kv-cache',
            description: 'Exact KV-cache bytes.',
            parameters: TOOLS[0]!.parameters,
          },
        },
      ],
      tool_choice: 'auto',
    });
  });

  it('leaves tools out when there are none (the final-answer turn)', () => {
    expect(toolChatBody('m', [], [])).toEqual({ model: 'm', messages: [], stream: false, temperature: 0 });
  });
});

describe('parseToolReply', () => {
  it('decodes a tool call’s JSON arguments and keeps the raw string', () => {
    const reply = parseToolReply(
      completion({
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'estimate-kv-cache', arguments: '{"tokens":131072}' } },
        ],
      }),
    );
    expect(reply).toEqual({
      content: null,
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_1', name: 'estimate-kv-cache', args: { tokens: 131072 }, raw: '{"tokens":131072}' }],
    });
  });

  it('accepts arguments given as an object (Ollama) and a plain text answer', () => {
    const reply = parseToolReply(completion({ tool_calls: [{ function: { name: 'x', arguments: { a: 1 } } }] }));
    expect(reply.toolCalls[0]).toEqual({ id: 'call_0', name: 'x', args: { a: 1 }, raw: '{"a":1}' });
    expect(parseToolReply(completion({ content: 'Done.' }, 'stop'))).toEqual({
      content: 'Done.',
      toolCalls: [],
      finishReason: 'stop',
    });
  });

  it('names what is malformed', () => {
    expect(() => parseToolReply({ choices: [] })).toThrow('the reply has no choices[0].message');
    expect(() => parseToolReply(completion({ tool_calls: [{ function: { arguments: '{}' } }] }))).toThrow(
      'tool_calls[0].function.name is missing',
    );
    expect(() => parseToolReply(completion({ tool_calls: [{ function: { name: 'x', arguments: '{oops' } }] }))).toThrow(
      'tool_calls[0].function.arguments is not JSON: {oops',
    );
    expect(() => parseToolReply({ error: { message: 'model not found' } })).toThrow(
      'the model server reported: model not found',
    );
  });
});

describe('chatWithTools', () => {
  it('posts to {baseUrl}/chat/completions with the key and returns the parsed reply', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify(completion({ content: 'ok' }, 'stop')), {
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof globalThis.fetch;
    const reply = await chatWithTools(
      { baseUrl: 'http://localhost:11434/v1/', model: 'llama3.2', apiKey: 'k', fetch },
      [{ role: 'user', content: 'hi' }],
      TOOLS,
    );
    expect(reply.content).toBe('ok');
    expect(seen[0]!.url).toBe('http://localhost:11434/v1/chat/completions');
    expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer k');
    expect(JSON.parse(seen[0]!.init.body as string).tools).toHaveLength(1);
  });

  it('goes through the proxy endpoint with its header when configured', async () => {
    let url = '';
    let headers: Record<string, string> = {};
    const fetch = (async (u: string, init: RequestInit) => {
      url = u;
      headers = init.headers as Record<string, string>;
      return new Response(JSON.stringify(completion({ content: 'ok' }, 'stop')));
    }) as unknown as typeof globalThis.fetch;
    await chatWithTools(
      {
        baseUrl: 'http://x.test/v1',
        model: 'm',
        endpoint: '/api/chat',
        headers: { 'X-Atlas-Base-Url': 'http://x.test/v1' },
        fetch,
      },
      [],
      [],
    );
    expect(url).toBe('/api/chat');
    expect(headers['X-Atlas-Base-Url']).toBe('http://x.test/v1');
  });

  it('turns HTTP errors and unreachable servers into LlmErrors with a kind', async () => {
    const notFound = (async () => new Response('no such model', { status: 404 })) as unknown as typeof fetch;
    await expect(
      chatWithTools({ baseUrl: 'http://x.test', model: 'm', fetch: notFound }, [], []),
    ).rejects.toMatchObject({ kind: 'http', status: 404 });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const error = await chatWithTools({ baseUrl: 'http://x.test', model: 'm', fetch: down }, [], []).catch((e) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.kind).toBe('unreachable');
  });
});

describe('toolResultMessages', () => {
  it('echoes the call as an assistant message and answers it with a tool message', () => {
    expect(toolResultMessages({ id: 'c1', name: 'x', args: {}, raw: '{}' }, 'result')).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'x', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'result' },
    ]);
  });
});
