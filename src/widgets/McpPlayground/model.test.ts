import { describe, expect, it } from 'vitest';
import { describeMessage, logRows } from './log';
import { formFields, initialValues, splitFields, toArguments, TOOL_EXAMPLES, type JsonSchema } from './model';
import { inventoryLine, resultView, statusLine } from './output';
import { TOOL_NAMES, fromUrl, toUrl } from './state';

/** attention-mask's input schema as tools/list returns it (trimmed descriptions). */
const MASK: JsonSchema = {
  type: 'object',
  properties: {
    pattern: { type: 'string', enum: ['full', 'causal', 'sliding'], description: 'The attention pattern.' },
    n: { default: 16, type: 'integer', minimum: 1, maximum: 1024, description: 'Sequence length.' },
    token: { type: 'integer', minimum: 1, maximum: 1024, description: 'The query token.' },
    direction: { default: 'causal', type: 'string', enum: ['causal', 'bidirectional'], description: 'Direction.' },
    window: { type: 'integer', minimum: 1, maximum: 1024, description: 'Window W.' },
    global: { type: 'array', maxItems: 1024, items: { type: 'integer', minimum: 1, maximum: 1024 } },
  },
  required: ['pattern', 'token'],
};

const KV: JsonSchema = {
  type: 'object',
  properties: {
    config: { anyOf: [{ type: 'object' }, { type: 'string' }], description: 'A config.json.' },
    tokens: { type: 'integer', minimum: 1, maximum: 10_000_000 },
    slugs: { type: 'array', minItems: 2, maxItems: 6, items: { type: 'string' } },
  },
  required: ['tokens'],
};

describe('formFields', () => {
  it('turns the attention-mask schema into typed fields with hints naming the range and default', () => {
    const fields = formFields(MASK);
    expect(fields.map((f) => [f.name, f.kind, f.required, f.hint])).toEqual([
      ['pattern', 'choice', true, 'one of 3'],
      ['n', 'integer', false, 'integer 1–1,024 · default 16'],
      ['token', 'integer', true, 'integer 1–1,024'],
      ['direction', 'choice', false, 'one of 2 · default causal'],
      ['window', 'integer', false, 'integer 1–1,024 · optional'],
      ['global', 'integer-list', false, 'comma-separated integers 1–1,024 · optional'],
    ]);
    expect(fields[0]!.options).toEqual(['full', 'causal', 'sliding']);
    expect(fields[3]!.options).toEqual(['', 'causal', 'bidirectional']);
  });

  it('reads unions as JSON fields and string arrays as lists', () => {
    expect(formFields(KV).map((f) => [f.kind, f.hint])).toEqual([
      ['json', 'JSON (an object, or its text) · optional'],
      ['integer', 'integer 1–10,000,000'],
      ['string-list', 'comma-separated (2–6) · optional'],
    ]);
  });

  it('puts required and example fields first and folds the optional rest', () => {
    const { main, more } = splitFields(formFields(MASK), TOOL_EXAMPLES['attention-mask']);
    expect(main.map((f) => f.name)).toEqual(['pattern', 'n', 'token', 'direction', 'window']);
    expect(more.map((f) => f.name)).toEqual(['global']);
  });

  it('gives no fields for a tool without arguments', () => {
    expect(formFields({ type: 'object', properties: {} })).toEqual([]);
    expect(formFields(undefined)).toEqual([]);
  });
});

describe('form text and arguments', () => {
  it('starts from the example and sends typed arguments, leaving empty optional fields out', () => {
    const fields = formFields(MASK);
    const values = initialValues(fields, TOOL_EXAMPLES['attention-mask']);
    expect(values).toEqual({ pattern: 'sliding', n: '16', token: '9', direction: 'causal', window: '5', global: '' });
    expect(toArguments(fields, values)).toEqual({
      pattern: 'sliding',
      n: 16,
      token: 9,
      direction: 'causal',
      window: 5,
    });
  });

  it('sends what does not parse as typed, so the server names the field and range', () => {
    const fields = formFields(MASK);
    expect(toArguments(fields, { pattern: 'sliding', token: 'nine', global: '1, 2,x' })).toEqual({
      pattern: 'sliding',
      token: 'nine',
      global: [1, 2, 'x'],
    });
  });

  it('parses JSON fields and splits string lists', () => {
    const fields = formFields(KV);
    expect(toArguments(fields, { config: '{"num_hidden_layers": 2}', tokens: '4,096', slugs: 'rope, alibi,' })).toEqual(
      {
        config: { num_hidden_layers: 2 },
        tokens: 4096,
        slugs: ['rope', 'alibi'],
      },
    );
    expect(toArguments(fields, { config: '{oops', tokens: '1' }).config).toBe('{oops');
  });

  it('shows list examples as comma-separated text', () => {
    expect(initialValues(formFields(KV), TOOL_EXAMPLES['compare-architectures']).slugs).toBe(
      'multi-head-attention, grouped-query-attention, multi-query-attention',
    );
  });
});

describe('status, results and log', () => {
  it('says where the server runs and which protocol is spoken', () => {
    const server = { name: 'ai-architectures', version: '0.1.0' };
    expect(statusLine({ era: 'modern', target: 'page', protocolVersion: '2026-07-28', server })).toBe(
      'Connected to ai-architectures 0.1.0 in this page · protocol 2026-07-28 (stateless, Streamable HTTP to the in-page handler)',
    );
    expect(statusLine({ era: 'legacy', target: 'endpoint', protocolVersion: '2025-11-25', server })).toBe(
      'Connected to ai-architectures 0.1.0 at this site’s /mcp endpoint · protocol 2025-11-25 (initialize handshake, Streamable HTTP)',
    );
    expect(inventoryLine(7, 42, 1)).toBe('7 tools, 42 resources and 1 prompt');
  });

  it('renders a tool result and its readout, errors included', () => {
    const ok = resultView('attention-mask', {
      content: [{ type: 'text', text: 'Token 9 can attend to tokens 5–9 (Sliding window).\nMore.' }],
      structuredContent: { count: 5 },
    });
    expect(ok).toEqual({
      isError: false,
      text: 'Token 9 can attend to tokens 5–9 (Sliding window).\nMore.',
      structured: '{\n  "count": 5\n}',
      readout: 'attention-mask returned: Token 9 can attend to tokens 5–9 (Sliding window).',
    });
    const bad = resultView('attention-mask', { isError: true, content: [{ type: 'text', text: 'token: must be…' }] });
    expect(bad.readout).toBe('attention-mask returned an error: token: must be…');
    expect(bad.structured).toBeNull();
  });

  it.each([
    [
      { jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'attention-mask' } },
      'tools/call #4 attention-mask',
    ],
    [{ jsonrpc: '2.0', method: 'notifications/initialized' }, 'notifications/initialized (notification)'],
    [{ jsonrpc: '2.0', id: 4, result: { isError: true } }, 'result #4 (isError)'],
    [
      { jsonrpc: '2.0', id: 5, error: { code: -32602, message: 'Resource not found' } },
      'error #5 −32602: Resource not found',
    ],
    ['text', 'not a JSON-RPC message'],
  ])('describes %j as %s', (message, text) => {
    expect(describeMessage(message)).toBe(text);
  });

  it('turns HTTP exchanges into log rows with headers and bodies', () => {
    const rows = logRows([
      {
        seq: 1,
        at: 3,
        direction: 'out',
        transport: 'http',
        messages: [{ jsonrpc: '2.0', id: 1, method: 'tools/list' }],
        http: { method: 'POST', url: 'http://in-page.invalid/mcp', headers: [['mcp-method', 'tools/list']] },
      },
      {
        seq: 2,
        at: 1250,
        direction: 'in',
        transport: 'http',
        messages: [],
        http: { status: 405, headers: [] },
        raw: 'Method not allowed',
      },
    ]);
    expect(rows.map((r) => [r.arrow, r.summary, r.meta])).toEqual([
      ['→', 'POST (in-page) /mcp · tools/list #1', '+3 ms · 46 B'],
      ['←', 'HTTP 405 · non-JSON body', '+1,250 ms · 18 B'],
    ]);
    expect(rows[0]!.headers).toEqual([['mcp-method', 'tools/list']]);
    expect(rows[1]!.body).toBe('Method not allowed');
  });
});

describe('URL state', () => {
  it('knows every tool the examples cover', () => {
    expect(Object.keys(TOOL_EXAMPLES)).toEqual([...TOOL_NAMES]);
  });

  it('restores a linked era and tool', () => {
    expect(fromUrl(new URLSearchParams('mcpEra=legacy&mcpTool=estimate-kv-cache'))).toEqual({
      era: 'legacy',
      tool: 'estimate-kv-cache',
      notes: [],
    });
  });

  it('falls back to the defaults with a note for unknown values', () => {
    expect(fromUrl(new URLSearchParams('mcpEra=2024&mcpTool=rm-rf'))).toEqual({
      era: 'modern',
      tool: 'attention-mask',
      notes: [
        'mcpEra "2024" is not modern or legacy; using modern',
        'mcpTool "rm-rf" is not an atlas tool; using attention-mask',
      ],
    });
  });

  it('keeps defaults out of the URL', () => {
    expect(toUrl('modern', 'attention-mask')).toEqual({ mcpEra: undefined, mcpTool: undefined });
    expect(toUrl('legacy', 'get-entry')).toEqual({ mcpEra: 'legacy', mcpTool: 'get-entry' });
  });
});
