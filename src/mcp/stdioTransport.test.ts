import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { AtlasStdioTransport } from './stdioTransport';

function setup(maxLineBytes?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  const transport = new AtlasStdioTransport(input, output, maxLineBytes);
  const received: JSONRPCMessage[] = [];
  const written: unknown[] = [];
  transport.onmessage = (m) => received.push(m);
  output.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) written.push(JSON.parse(line));
  });
  return { input, transport, received, written };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('AtlasStdioTransport', () => {
  it('reassembles a message split across chunks, including a multi-byte character', async () => {
    const { input, transport, received } = setup();
    await transport.start();
    const line = Buffer.from(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { q: 'é€' } })}\r\n`);
    input.write(line.subarray(0, 40));
    input.write(line.subarray(40, 41));
    input.write(line.subarray(41));
    await tick();
    expect(received).toEqual([{ jsonrpc: '2.0', id: 1, method: 'ping', params: { q: 'é€' } }]);
  });

  it('answers a line that is not JSON with −32700 and id null', async () => {
    const { input, transport, written, received } = setup();
    await transport.start();
    input.write('{"jsonrpc": oops}\n\n   \n');
    await tick();
    expect(received).toEqual([]);
    expect(written).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error: /) } },
    ]);
  });

  it('answers JSON that is not JSON-RPC with −32600, keeping a usable id', async () => {
    const { input, transport, written } = setup();
    await transport.start();
    input.write('[1,2]\n{"jsonrpc":"1.0","id":"x","method":"ping"}\n');
    await tick();
    expect(written).toMatchObject([
      { id: null, error: { code: -32600 } },
      { id: 'x', error: { code: -32600 } },
    ]);
  });

  it('discards a line longer than the limit with one −32600 error and reads the next line', async () => {
    const { input, transport, written, received } = setup(64);
    await transport.start();
    input.write('x'.repeat(50));
    input.write('x'.repeat(50));
    input.write(`${'x'.repeat(50)}\n{"jsonrpc":"2.0","method":"notifications/initialized"}\n`);
    await tick();
    expect(written).toMatchObject([
      { id: null, error: { code: -32600, message: expect.stringContaining('64 bytes') } },
    ]);
    expect(received).toEqual([{ jsonrpc: '2.0', method: 'notifications/initialized' }]);
  });

  it('closes when the input ends and resolves `closed`', async () => {
    const { input, transport } = setup();
    let closed = false;
    transport.onclose = () => (closed = true);
    await transport.start();
    input.end();
    await transport.closed;
    expect(closed).toBe(true);
  });
});
