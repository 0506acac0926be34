import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { MAX_BODY_BYTES, mcpRoute } from './mcp';
import { defaultRoutes } from './routes';
import { startServer, type RunningServer } from './server';

const MODERN = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};
const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be anything. */
function raw(
  server: RunningServer,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
): Promise<RawResponse> {
  const { port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: init.path ?? '/mcp',
        method: init.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...init.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', fail);
    if (init.chunked && init.body) {
      const body = Buffer.from(init.body);
      for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
      req.end();
    } else req.end(init.body);
  });
}

function fixtureRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-mcp-dist-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Atlas</title>');
  return root;
}

async function client(server: RunningServer, mode: 'legacy' | 'auto'): Promise<Client> {
  const c = new Client({ name: 'http-test', version: '1' }, { versionNegotiation: { mode } });
  await c.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  return c;
}

describe('/mcp on the site server', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ root: fixtureRoot(), port: 0, routes: defaultRoutes(), log: () => {} });
  });
  afterAll(() => server.close());

  it.each([
    ['auto', 'modern'],
    ['legacy', 'legacy'],
  ] as const)('serves a %s client in the %s era over Streamable HTTP', async (mode, era) => {
    const c = await client(server, mode);
    expect(c.getProtocolEra()).toBe(era);
    const r = await c.callTool({ name: 'estimate-kv-cache', arguments: { model: 'llama-3.1-8b', tokens: 131072 } });
    expect(r.structuredContent).toMatchObject({ bytes: 17179869184 });
    const bad = await c.callTool({ name: 'estimate-kv-cache', arguments: { model: 'llama-3.1-8b', tokens: -1 } });
    expect(bad.isError).toBe(true);
    await c.close();
  });

  it('still serves the static site next to /mcp', async () => {
    const res = await raw(server, { method: 'GET', path: '/', headers: {} });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Atlas</title>');
  });

  it('answers a modern server/discover with supported versions and cache fields', async () => {
    const res = await raw(server, {
      headers: { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 'd', method: 'server/discover', params: { _meta: MODERN } }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).result).toMatchObject({
      supportedVersions: ['2026-07-28'],
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'ai-architectures' } },
      ttlMs: 3_600_000,
      cacheScope: 'public',
    });
  });

  it('answers a legacy initialize without a session id (stateless)', async () => {
    const res = await raw(server, { body: INITIALIZE });
    expect(res.status).toBe(200);
    expect(res.headers['mcp-session-id']).toBeUndefined();
    expect(res.body).toContain('"protocolVersion":"2025-11-25"');
  });

  it.each(['GET', 'DELETE', 'PUT'])('refuses %s with 405 and Allow: POST', async (method) => {
    const res = await raw(server, { method, headers: {} });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST, OPTIONS');
    expect(JSON.parse(res.body)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000 } });
  });

  it.each([
    ['a foreign Host', { host: 'evil.example' }],
    ['a foreign Host with a localhost port', { host: 'evil.example:4321' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['another localhost port as Origin', { origin: 'http://localhost:5173' }],
    ['the opaque null Origin', { origin: 'null' }],
    ['an https lookalike Origin', { origin: 'https://127.0.0.1.evil.example' }],
  ])('refuses %s with 403', async (_what, headers) => {
    const res = await raw(server, { headers, body: INITIALIZE });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toMatch(/^Forbidden/);
  });

  it('accepts its own origin (the playground on the same site)', async () => {
    const { host } = new URL(server.url);
    const res = await raw(server, { headers: { origin: `http://${host}` }, body: INITIALIZE });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts localhost and [::1] style Host names', async () => {
    const { port } = new URL(server.url);
    expect((await raw(server, { headers: { host: `localhost:${port}` }, body: INITIALIZE })).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"jsonrpc":', {}, 400, -32700],
    [
      'an unknown modern method',
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/teleport', params: { _meta: MODERN } }),
      { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/teleport' },
      404,
      -32601,
    ],
    [
      'a modern body without MCP-Protocol-Version',
      JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list', params: { _meta: MODERN } }),
      {},
      400,
      -32020,
    ],
  ])('answers %s with a JSON-RPC error', async (_what, body, headers, status, code) => {
    const res = await raw(server, { headers, body });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error.code).toBe(code);
  });

  it('refuses a body over the limit with 413, by Content-Length and when chunked', async () => {
    const big = `{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}}`;
    const declared = await raw(server, { body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toContain(`${MAX_BODY_BYTES} bytes`);
    const chunked = await raw(server, { body: big, chunked: true });
    expect(chunked.status).toBe(413);
  });

  it('answers 404 below /mcp', async () => {
    expect((await raw(server, { path: '/mcp/tools', body: INITIALIZE })).status).toBe(404);
  });
});

describe('/mcp with a configured extra origin', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      root: fixtureRoot(),
      port: 0,
      routes: [mcpRoute({ allowedOrigins: ['http://localhost:5173'] })],
      log: () => {},
    });
  });
  afterAll(() => server.close());

  it('answers the CORS preflight and exposes the session header', async () => {
    const res = await raw(server, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(String(res.headers['access-control-allow-headers'])).toContain('Mcp-Session-Id');
    expect(String(res.headers['access-control-expose-headers'])).toContain('Mcp-Session-Id');
  });

  it('serves that origin and still refuses others', async () => {
    const ok = await raw(server, { headers: { origin: 'http://localhost:5173' }, body: INITIALIZE });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect((await raw(server, { headers: { origin: 'http://localhost:5174' }, body: INITIALIZE })).status).toBe(403);
  });
});
