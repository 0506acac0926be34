import { describe, expect, it } from 'vitest';
import { bodyMessages, tapFetch, type LogEntry } from './tap';

describe('bodyMessages', () => {
  it('reads JSON-RPC messages from server-sent events', () => {
    const sse =
      'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{}}\n\n: keep-alive\n\nevent: message\ndata: {"jsonrpc":"2.0","method":"x"}\n\n';
    expect(bodyMessages(sse, 'text/event-stream')).toEqual({
      messages: [
        { jsonrpc: '2.0', id: 1, result: {} },
        { jsonrpc: '2.0', method: 'x' },
      ],
    });
  });

  it('reads a JSON body, a batch, an empty body and a non-JSON body', () => {
    expect(bodyMessages('{"id":1}', 'application/json').messages).toEqual([{ id: 1 }]);
    expect(bodyMessages('[{"id":1},{"id":2}]', 'application/json').messages).toHaveLength(2);
    expect(bodyMessages('', null)).toEqual({ messages: [] });
    expect(bodyMessages('Method not allowed', 'text/plain')).toEqual({ messages: [], raw: 'Method not allowed' });
  });
});

describe('tapFetch', () => {
  it('logs the request with its headers and the response with its status, and returns the response untouched', async () => {
    const log: Omit<LogEntry, 'seq' | 'at'>[] = [];
    const fetch = tapFetch(
      async () =>
        new Response('{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}', {
          headers: { 'content-type': 'application/json' },
        }),
      (entry) => log.push(entry),
    );
    const response = await fetch('http://in-page.invalid/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'mcp-method': 'tools/list' },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    });
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 1, result: { tools: [] } });
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual([
      {
        direction: 'out',
        transport: 'http',
        messages: [{ jsonrpc: '2.0', id: 1, method: 'tools/list' }],
        http: {
          method: 'POST',
          url: 'http://in-page.invalid/mcp',
          headers: [
            ['content-type', 'application/json'],
            ['mcp-method', 'tools/list'],
          ],
        },
      },
      {
        direction: 'in',
        transport: 'http',
        messages: [{ jsonrpc: '2.0', id: 1, result: { tools: [] } }],
        http: { status: 200, headers: [['content-type', 'application/json']] },
      },
    ]);
  });
});
