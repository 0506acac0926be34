import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { InMemoryTransport, createMcpHandler, type McpHttpHandler } from '@modelcontextprotocol/server';
import { nodeAtlasSource } from './nodeSource';
import { CACHE_HINTS, createServer } from './server';

const source = nodeAtlasSource();

type Era = 'legacy' | 'modern';

/** legacy: the 2025-11-25 initialize handshake over an in-memory pair; modern: 2026-07-28 through handler.fetch. */
async function connect(era: Era): Promise<{ client: Client; close: () => Promise<void> }> {
  if (era === 'legacy') {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = createServer(source);
    await server.connect(serverSide);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(clientSide);
    return { client, close: async () => (await client.close(), await server.close()) };
  }
  const handler: McpHttpHandler = createMcpHandler(() => createServer(source));
  const client = new Client({ name: 'test', version: '1' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(
    new StreamableHTTPClientTransport(new URL('http://test.local/mcp'), {
      fetch: (url, init) => handler.fetch(new Request(url, init)),
    }),
  );
  return { client, close: async () => (await client.close(), await handler.close()) };
}

const text = (r: { content?: unknown }) => ((r.content as { text?: string }[])[0]?.text ?? '') as string;

describe.each<Era>(['legacy', 'modern'])('the atlas MCP server, %s era', (era) => {
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ client, close } = await connect(era));
  });
  afterAll(() => close());

  it(`negotiates the ${era} era and names itself`, () => {
    expect(client.getProtocolEra()).toBe(era);
    expect(client.getServerVersion()).toMatchObject({ name: 'ai-architectures', version: '0.1.0' });
    expect(client.getInstructions()).toContain('search-atlas');
    expect(client.getServerCapabilities()).toMatchObject({ tools: {}, resources: {}, prompts: {}, completions: {} });
  });

  it('lists the seven tools in order, read-only, with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'search-atlas',
      'get-entry',
      'estimate-kv-cache',
      'count-parameters',
      'attention-mask',
      'compare-architectures',
      'list-models',
    ]);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, openWorldHint: false });
      expect(tool.outputSchema).toMatchObject({ type: 'object' });
      expect(tool.description?.length).toBeGreaterThan(40);
    }
    const kv = tools.find((t) => t.name === 'estimate-kv-cache')!;
    expect(kv.inputSchema.properties?.tokens).toMatchObject({ type: 'integer', minimum: 1, maximum: 10_000_000 });
  });

  it('calls every tool with valid arguments and gets structuredContent plus text', async () => {
    const calls: [string, Record<string, unknown>][] = [
      ['search-atlas', { query: 'grouped query' }],
      ['get-entry', { slug: 'mcp' }],
      ['estimate-kv-cache', { model: 'llama-3.1-8b', tokens: 131072 }],
      ['count-parameters', { model: 'mixtral-8x7b' }],
      ['attention-mask', { pattern: 'sliding', n: 16, token: 9, window: 5 }],
      ['compare-architectures', { slugs: ['multi-head-attention', 'grouped-query-attention'] }],
      ['list-models', {}],
    ];
    const results = await Promise.all(calls.map(([name, args]) => client.callTool({ name, arguments: args })));
    for (const r of results) {
      expect(r.isError).toBeFalsy();
      expect(r.structuredContent).toBeTypeOf('object');
      expect(text(r).length).toBeGreaterThan(10);
    }
    const [search, entry, kv, params, mask, compare, models] = results.map(
      (r) => r.structuredContent as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    );
    expect(search!.results[0].slug).toBe('grouped-query-attention');
    expect(entry!.facts.acronym).toBe('MCP');
    expect(kv!.bytes).toBe(17179869184);
    expect(params!.total).toBe(46702792704);
    expect(mask!.sentence).toBe('Token 9 can attend to tokens 5–9');
    expect(compare!.entries).toHaveLength(2);
    expect(models!.models).toHaveLength(19);
  });

  it('answers invalid tool arguments with isError naming the field and range, never a thrown error', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['search-atlas', { query: '', k: 99 }, 'query: must not be empty'],
      ['get-entry', { slug: 'nope' }, 'slug: "nope" is not an atlas entry'],
      ['estimate-kv-cache', { model: 'llama-3.1-8b', tokens: 20_000_000 }, 'tokens: must be an integer from 1 to'],
      ['count-parameters', { config: { hidden_size: 'big' } }, 'config.'],
      ['attention-mask', { pattern: 'causal', n: 4, token: 5 }, 'token: must be an integer from 1 to 4 (n = 4)'],
      ['compare-architectures', { slugs: 'rope' }, 'slugs: must be a list of 2 to 6 entry slugs'],
      ['list-models', { extra: true }, ''],
    ];
    for (const [name, args, message] of cases) {
      const r = await client.callTool({ name, arguments: args });
      if (name === 'list-models') {
        expect(r.isError).toBeFalsy();
        continue;
      }
      expect(r.isError, name).toBe(true);
      expect(text(r)).toContain(message);
    }
  });

  it('rejects an unknown tool with −32602', async () => {
    await expect(client.callTool({ name: 'delete-everything', arguments: {} })).rejects.toMatchObject({
      code: -32602,
    });
  });

  it('lists atlas://entries and one templated resource per entry, and reads them', async () => {
    const { resources } = await client.listResources();
    expect(resources[0]).toMatchObject({ uri: 'atlas://entries', mimeType: 'application/json' });
    expect(resources.filter((r) => r.uri.startsWith('atlas://entries/'))).toHaveLength(22);
    expect(resources.filter((r) => r.uri.startsWith('atlas://models/'))).toHaveLength(19);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['atlas://entries/{slug}', 'atlas://models/{id}']);

    const index = await client.readResource({ uri: 'atlas://entries' });
    const entries = JSON.parse((index.contents[0] as { text: string }).text) as { slug: string }[];
    expect(entries).toHaveLength(22);
    expect(entries[0]!.slug).toBe('dense-transformer');

    const rope = await client.readResource({ uri: 'atlas://entries/rope' });
    expect(rope.contents[0]).toMatchObject({ uri: 'atlas://entries/rope', mimeType: 'text/markdown' });
    expect((rope.contents[0] as { text: string }).text).toMatch(/^# Rotary Position Embedding \(RoPE\)/);

    const model = await client.readResource({ uri: 'atlas://models/llama-3.1-8b' });
    const preset = JSON.parse((model.contents[0] as { text: string }).text) as { id: string; sources: string[] };
    expect(preset.id).toBe('llama-3.1-8b');
    expect(preset.sources.length).toBeGreaterThan(0);
  });

  it.each(['atlas://entries/nope', 'atlas://models/gpt-5', 'atlas://elsewhere', 'file:///etc/passwd'])(
    'reading %s is a −32602 error, never empty contents',
    async (uri) => {
      await expect(client.readResource({ uri })).rejects.toMatchObject({ code: -32602 });
    },
  );

  it('completes entry slugs and model ids in resource templates', async () => {
    const slugs = await client.complete({
      ref: { type: 'ref/resource', uri: 'atlas://entries/{slug}' },
      argument: { name: 'slug', value: 'multi' },
    });
    expect(slugs.completion.values).toEqual([
      'multimodal',
      'multi-head-attention',
      'multi-query-attention',
      'multi-head-latent-attention',
    ]);
    const ids = await client.complete({
      ref: { type: 'ref/resource', uri: 'atlas://models/{id}' },
      argument: { name: 'id', value: 'qwen3' },
    });
    expect(ids.completion.values).toEqual(['qwen3-235b-a22b', 'qwen3-30b-a3b']);
  });

  it('lists both prompts with descriptions and completable arguments', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => [p.name, p.arguments?.map((a) => [a.name, a.required])])).toEqual([
      [
        'explain-architecture',
        [
          ['slug', true],
          ['audience', false],
        ],
      ],
      [
        'choose-attention',
        [
          ['memoryBudget', true],
          ['contextLength', true],
        ],
      ],
    ]);
    expect(prompts.every((p) => (p.description ?? '').length > 20)).toBe(true);
    const audience = await client.complete({
      ref: { type: 'ref/prompt', name: 'explain-architecture' },
      argument: { name: 'audience', value: 'st' },
    });
    expect(audience.completion.values).toEqual(['student']);
    const slug = await client.complete({
      ref: { type: 'ref/prompt', name: 'explain-architecture' },
      argument: { name: 'slug', value: 'ro' },
    });
    expect(slug.completion.values).toEqual(['rope']);
    const budget = await client.complete({
      ref: { type: 'ref/prompt', name: 'choose-attention' },
      argument: { name: 'memoryBudget', value: '8' },
    });
    expect(budget.completion.values).toEqual(['80 GB']);
  });

  it('explain-architecture embeds the entry and asks for an explanation for the audience', async () => {
    const r = await client.getPrompt({
      name: 'explain-architecture',
      arguments: { slug: 'rope', audience: 'student' },
    });
    expect(r.messages[0]!.content).toMatchObject({
      type: 'resource',
      resource: { uri: 'atlas://entries/rope', mimeType: 'text/markdown' },
    });
    expect(r.messages[1]!.content).toMatchObject({ type: 'text' });
    expect((r.messages[1]!.content as { text: string }).text).toMatch(
      /^Explain Rotary Position Embedding \(RoPE\) to a student/,
    );
  });

  it('choose-attention turns the budget and context into bytes and tokens and names the tools to use', async () => {
    const r = await client.getPrompt({
      name: 'choose-attention',
      arguments: { memoryBudget: '80 GB', contextLength: '128k' },
    });
    const body = (r.messages[0]!.content as { text: string }).text;
    expect(body).toContain('80 GB (80,000,000,000 bytes)');
    expect(body).toContain('131,072 tokens');
    expect(body).toContain('estimate-kv-cache at tokens = 131072');
  });

  it.each([
    ['explain-architecture', { slug: 'nope' }, 'slug: "nope" is not an atlas entry'],
    ['explain-architecture', {}, 'slug'],
    ['choose-attention', { memoryBudget: 'lots', contextLength: '4096' }, 'memoryBudget: must be a memory size'],
    ['choose-attention', { memoryBudget: '80 GB', contextLength: '0' }, 'contextLength: must be a token count'],
    ['no-such-prompt', {}, 'no-such-prompt'],
  ])('prompts/get %s %j is a −32602 error naming the argument', async (name, args, message) => {
    const error = await client.getPrompt({ name, arguments: args as Record<string, string> }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32602 });
    expect(String((error as Error).message)).toContain(message);
  });
});

describe('cache hints (modern era)', () => {
  it('marks list and read results public for an hour', async () => {
    const handler = createMcpHandler(() => createServer(source));
    const post = (method: string, params: Record<string, unknown> = {}) =>
      handler
        .fetch(
          new Request('http://test.local/mcp', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json, text/event-stream',
              'mcp-protocol-version': '2026-07-28',
              'mcp-method': method,
              ...(params.uri ? { 'mcp-name': String(params.uri) } : {}),
            },
            body: JSON.stringify({
              jsonrpc: '2.0',
              id: 1,
              method,
              params: {
                ...params,
                _meta: {
                  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
                  'io.modelcontextprotocol/clientCapabilities': {},
                },
              },
            }),
          }),
        )
        .then((r) => r.json() as Promise<{ result: { ttlMs: number; cacheScope: string } }>);
    for (const method of [
      'server/discover',
      'tools/list',
      'prompts/list',
      'resources/list',
      'resources/templates/list',
    ]) {
      expect((await post(method)).result, method).toMatchObject({ ttlMs: 3_600_000, cacheScope: 'public' });
    }
    expect((await post('resources/read', { uri: 'atlas://entries/rope' })).result).toMatchObject(
      CACHE_HINTS['resources/read'],
    );
    await handler.close();
  });
});
