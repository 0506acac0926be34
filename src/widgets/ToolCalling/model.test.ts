import { Client, InMemoryTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeAtlasSource } from '../../mcp/nodeSource';
import { createServer } from '../../mcp/server';
import { DEFAULT_SETTINGS } from '../AskAtlas/model';
import {
  SCENARIOS,
  SCRIPTED,
  field,
  firstMessages,
  initialLoop,
  loopEndpoint,
  loopReadout,
  reduceLoop,
  scenarioFromUrl,
  shownTool,
  templateAnswer,
  toolSpecs,
} from './model';

let client: Client;

beforeAll(async () => {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createServer(nodeAtlasSource()).connect(serverSide);
  client = new Client({ name: 'tool-calling-test', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' } });
  await client.connect(clientSide);
});

afterAll(() => client.close());

const call = async (name: string, args: Record<string, unknown>) => {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  return { text, structured: r.structuredContent ?? null, isError: r.isError === true };
};

describe('scripted scenarios against the real atlas tools', () => {
  it('every scenario names a listed tool, and its arguments are accepted', async () => {
    const names = (await client.listTools()).tools.map((t) => t.name);
    for (const s of SCENARIOS) {
      expect(names).toContain(s.tool);
      expect((await call(s.tool, s.args)).isError).toBe(false);
    }
  });

  it('Llama-3.1-8B at 128k tokens: the template fills in 16 GiB and the formula from the real result', async () => {
    const kv = SCENARIOS.find((s) => s.id === 'kv')!;
    expect(templateAnswer(kv, await call(kv.tool, kv.args))).toBe(
      'Llama-3.1-8B needs 16 GiB of KV cache for 131,072 tokens of one sequence in bf16: 32 full-attention layers × ' +
        '131,072 tokens × 2·8·128 × 2 B = 17,179,869,184 B (16 GiB).',
    );
  });

  it('the other scenarios: Mixtral’s 46.7B and 12.9B, the sliding window’s keys, the speculative-decoding entry', async () => {
    const answers = await Promise.all(
      SCENARIOS.slice(1).map(async (s) => templateAnswer(s, await call(s.tool, s.args))),
    );
    expect(answers).toEqual([
      'Mixtral-8x7B-v0.1 stores 46.7B parameters but each token passes through only 12.9B of them.',
      'Token 12 can attend to tokens 8–12: 5 keys, as in Longformer: The Long-Document Transformer.',
      expect.stringMatching(
        /^The best match is Speculative Decoding \(\/architectures\/speculative-decoding\/#[a-z-]+\): “/,
      ),
    ]);
  });

  it('a refused call or a result without the expected fields still gives an answer', () => {
    const kv = SCENARIOS[0]!;
    expect(
      templateAnswer(kv, { text: 'tokens: must be at most 10,000,000\nmore', structured: null, isError: true }),
    ).toBe('The tool refused the call: tokens: must be at most 10,000,000');
    expect(templateAnswer(kv, { text: 'first line\nsecond', structured: {}, isError: false })).toBe(
      'The tool returned: first line',
    );
  });
});

describe('the loop reducer and sentences', () => {
  it('walks the five steps; the scripted call is labelled as such', () => {
    let s = initialLoop('kv');
    expect(loopReadout(s)).toBe(
      'Step 1 of 5: the user asks “How much KV cache does Llama-3.1-8B need at 128k tokens?”',
    );
    s = reduceLoop(s, { type: 'busy' });
    expect(loopReadout(s)).toBe('Step 1 of 5 done; running step 2…');
    s = reduceLoop(s, {
      type: 'tools',
      tools: [{ name: 'estimate-kv-cache', description: 'd', inputSchema: { type: 'object' } }],
      server: 'ai-architectures 0.1.0',
      model: null,
      endpointNote: 'n',
    });
    expect(shownTool(s)?.name).toBe('estimate-kv-cache');
    s = reduceLoop(s, {
      type: 'call',
      call: {
        name: 'estimate-kv-cache',
        args: { model: 'llama-3.1-8b', tokens: 131072 },
        source: SCRIPTED,
        scripted: true,
      },
    });
    expect(loopReadout(s)).toBe(
      'Step 3 of 5: the model’s call (scripted — no language model configured): estimate-kv-cache with ' +
        '{"model":"llama-3.1-8b","tokens":131072}.',
    );
    s = reduceLoop(s, { type: 'result', text: 'Llama-3.1-8B: 16 GiB\nmore', structured: {}, isError: false });
    expect(loopReadout(s)).toBe('Step 4 of 5: the tool answered: Llama-3.1-8B: 16 GiB');
    s = reduceLoop(s, { type: 'answer', text: 'It needs 16 GiB.', source: 'template' });
    expect([s.reached, loopReadout(s)]).toEqual([5, 'Step 5 of 5: It needs 16 GiB.']);
  });

  it('failures are kept as notes and the step stays where it was', () => {
    const s = reduceLoop(reduceLoop(initialLoop('kv'), { type: 'busy' }), { type: 'failed', message: 'boom' });
    expect([s.reached, s.busy, s.notes]).toEqual([1, false, ['boom']]);
  });
});

describe('endpoint, prompt and tool format', () => {
  it('with no server config and no settings the loop is scripted, and says so', () => {
    const { llm, note } = loopEndpoint(null, DEFAULT_SETTINGS);
    expect(llm).toBeNull();
    expect(note).toBe(
      'No language model configured: the model’s call and the final answer are scripted; the tool’s result is real.',
    );
    expect(loopEndpoint(null, { ...DEFAULT_SETTINGS, useModel: false }).note).toBe(
      'Language model turned off: the model’s call and the final answer are scripted; the tool’s result is real.',
    );
  });

  it('uses the /api/chat proxy with the Ask page’s settings when the server offers it', () => {
    const config = { proxy: true, server: { baseUrl: null, model: null, hasKey: false }, ollama: { available: false } };
    const { llm } = loopEndpoint(config, { ...DEFAULT_SETTINGS, baseUrl: 'http://localhost:8080/v1', model: 'qwen3' });
    expect(llm).toMatchObject({
      endpoint: '/api/chat',
      model: 'qwen3',
      headers: { 'X-Atlas-Base-Url': 'http://localhost:8080/v1' },
    });
  });

  it('passes MCP tools to the model with their input schema as parameters; the question goes last', () => {
    expect(toolSpecs([{ name: 'a', description: 'b', inputSchema: { type: 'object' } }])).toEqual([
      { name: 'a', description: 'b', parameters: { type: 'object' } },
    ]);
    expect(firstMessages('q?').map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('reads dotted fields of a JSON value, numbers grouped', () => {
    expect(field({ a: { b: [{ c: 131072 }] } }, 'a.b.0.c')).toBe('131,072');
    expect(field({ a: 1 }, 'a.b')).toBeNull();
  });

  it('an unknown scenario in the link falls back with a note', () => {
    expect(scenarioFromUrl(new URLSearchParams('tool.q=nope'))).toEqual({
      id: 'kv',
      notes: ['From the link: tool.q "nope" is not one of kv, params, mask, search; using kv.'],
    });
  });
});
