/**
 * Fuzzing `ai-arch mcp` over stdio: 1,200 seeded frames (bad JSON, JSON that is not JSON-RPC, unknown methods,
 * tool calls with wrong types and huge numbers, valid requests, notifications, stray responses), written in random
 * slices. Every request must be answered once under its id, every malformed line must get a −32700 / −32600 error,
 * stdout must carry only JSON-RPC, and the server must still answer and exit cleanly afterwards.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mulberry32, type Rng } from '../core/random';

const BIN = fileURLToPath(new URL('../../bin/ai-arch.mjs', import.meta.url));
const FRAMES = 1200;
const SEED = 20260728;

type Expect = { kind: 'id'; id: number | string } | { kind: 'null'; code: number } | { kind: 'none' };

interface Frame {
  line: string;
  expect: Expect;
}

const TOOLS = [
  'search-atlas',
  'get-entry',
  'estimate-kv-cache',
  'count-parameters',
  'attention-mask',
  'compare-architectures',
  'list-models',
];
const FIELDS = [
  'query',
  'k',
  'slug',
  'model',
  'config',
  'tokens',
  'batch',
  'dtype',
  'pattern',
  'n',
  'token',
  'direction',
  'window',
  'global',
  'slugs',
];

function generator(rng: Rng) {
  const int = (max: number) => Math.floor(rng() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const text = (max: number) => Array.from({ length: int(max) }, () => String.fromCharCode(32 + int(95))).join('');
  const value = (depth = 0): unknown => {
    switch (int(depth > 2 ? 9 : 11)) {
      case 0:
        return pick([1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, 0.5, 2 ** 53, 1e-300]);
      case 1:
        return int(20_000_000) - 1000;
      case 2:
        return text(40);
      case 3:
        return 'x'.repeat(int(20_000));
      case 4:
        return null;
      case 5:
        return rng() < 0.5;
      case 6:
        return pick(['llama-3.1-8b', 'sliding', 'rope', 'bf16', 'causal', 'mixtral-8x7b', 'gpt-5']);
      case 7:
        return pick([16, 131072, 1, 1024, 4096]);
      case 8:
        return pick(['', '  ', '\u0000', 'é€😀', '<script>']);
      case 9:
        return Array.from({ length: int(6) }, () => value(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: int(5) }, () => [pick([...FIELDS, text(8)]), value(depth + 1)]));
    }
  };
  let nextId = 1000;
  let strayId = 900_000;

  return (): Frame => {
    const roll = rng();
    if (roll < 0.15) {
      const valid = JSON.stringify({ jsonrpc: '2.0', id: nextId, method: 'tools/list' });
      let line = pick([
        () => valid.slice(0, 1 + int(valid.length - 2)),
        () => `{${text(30)}`,
        () => text(60).replace(/^[\s[{"0-9tfn-]/, '@'),
        () => `${valid}}`,
        () => "{'jsonrpc': '2.0'}",
        () => '{"a":1,}',
      ])();
      try {
        JSON.parse(line);
        line = `${line}}{`;
      } catch {
        /* malformed, as intended */
      }
      if (line.trim() === '') line = '{';
      return { line, expect: { kind: 'null', code: -32700 } };
    }
    if (roll < 0.25) {
      const id = nextId++;
      const [json, hasId] = pick<[unknown, boolean]>([
        [int(1000), false],
        [text(10), false],
        [[{ jsonrpc: '2.0', id, method: 'tools/list' }], false],
        [{}, false],
        [{ jsonrpc: '1.0', id, method: 'tools/list' }, true],
        [{ jsonrpc: '2.0', id, method: 42 }, true],
        [{ jsonrpc: '2.0', id, method: 'tools/call', params: int(9) }, true],
        [{ jsonrpc: '2.0', id: { nested: id }, method: 'ping' }, false],
        [{ jsonrpc: '2.0', id: id + 0.5, method: 'ping' }, false],
      ]);
      return {
        line: JSON.stringify(json),
        expect: hasId ? { kind: 'id', id } : { kind: 'null', code: -32600 },
      };
    }
    if (roll < 0.85) {
      const id = rng() < 0.2 ? `s-${nextId++}` : nextId++;
      const request = pick([
        () => ({ method: `${text(12)}/${text(6)}`, params: {} }),
        () => ({
          method: pick(['server/discover', 'logging/setLevel', 'subscriptions/listen', 'resources/subscribe']),
          params: { _meta: value() },
        }),
        () => ({ method: 'tools/call', params: { name: pick([...TOOLS, text(10)]), arguments: value() } }),
        () => ({
          method: 'tools/call',
          params: { name: pick(TOOLS), arguments: Object.fromEntries(FIELDS.map((f) => [f, value()])) },
        }),
        () => ({
          method: 'tools/call',
          params: { name: 'estimate-kv-cache', arguments: { model: 'llama-3.1-8b', tokens: value(), batch: value() } },
        }),
        () => ({
          method: 'tools/call',
          params: {
            name: 'attention-mask',
            arguments: {
              pattern: pick(['sliding', 'dilated', 'local-global', 'chunked']),
              n: value(),
              token: value(),
              window: value(),
              global: value(),
            },
          },
        }),
        () => ({
          method: 'resources/read',
          params: {
            uri: pick([
              'atlas://entries/rope',
              `atlas://entries/${text(10)}`,
              'atlas://models/deepseek-v3',
              text(20),
              `atlas://models/${'a'.repeat(int(5000))}`,
            ]),
          },
        }),
        () => ({
          method: 'prompts/get',
          params: { name: pick(['explain-architecture', 'choose-attention', text(5)]), arguments: value() },
        }),
        () => ({
          method: 'completion/complete',
          params: {
            ref: {
              type: pick(['ref/prompt', 'ref/resource']),
              name: 'explain-architecture',
              uri: 'atlas://entries/{slug}',
            },
            argument: { name: pick(['slug', 'audience', 'x']), value: text(5) },
          },
        }),
        () => ({ method: pick(['tools/list', 'resources/list', 'resources/templates/list', 'prompts/list', 'ping']) }),
        () => ({ method: 'initialize', params: value() }),
      ])();
      return { line: JSON.stringify({ jsonrpc: '2.0', id, ...request }), expect: { kind: 'id', id } };
    }
    if (roll < 0.95) {
      const method = pick([
        'notifications/initialized',
        'notifications/roots/list_changed',
        `notifications/${text(8)}`,
        'notifications/cancelled',
      ]);
      if (rng() < 0.3) {
        const params = pick([5, 'text', [1, 2], null, true]);
        return { line: JSON.stringify({ jsonrpc: '2.0', method, params }), expect: { kind: 'null', code: -32600 } };
      }
      const params = method === 'notifications/cancelled' ? { requestId: strayId++ } : { value: value() };
      return { line: JSON.stringify({ jsonrpc: '2.0', method, params }), expect: { kind: 'none' } };
    }
    const response = rng() < 0.5 ? { result: { value: value() } } : { error: { code: int(100), message: text(10) } };
    return { line: JSON.stringify({ jsonrpc: '2.0', id: strayId++, ...response }), expect: { kind: 'none' } };
  };
}

describe('`ai-arch mcp` under fuzzing', () => {
  it(`answers or rejects each of ${FRAMES} random and malformed frames and stays alive`, async () => {
    const rng = mulberry32(SEED);
    const next = generator(rng);
    const frames = Array.from({ length: FRAMES }, next);
    const child = spawn(process.execPath, [BIN, 'mcp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.resume();
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

    const byId = new Map<string | number, number>();
    let nullErrors = { '-32700': 0, '-32600': 0 } as Record<string, number>;
    const notJsonRpc: string[] = [];
    let pending = '';
    let onLine: (() => void) | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let i: number;
      while ((i = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, i);
        pending = pending.slice(i + 1);
        let message: { jsonrpc?: string; id?: string | number | null; error?: { code: number } };
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          notJsonRpc.push(line);
          continue;
        }
        if (message.jsonrpc !== '2.0' || !('id' in message)) notJsonRpc.push(line);
        else if (message.id === null) {
          const code = String(message.error?.code);
          nullErrors = { ...nullErrors, [code]: (nullErrors[code] ?? 0) + 1 };
        } else byId.set(message.id!, (byId.get(message.id!) ?? 0) + 1);
        onLine?.();
      }
    });
    const waitFor = (done: () => boolean, ms: number, explain: () => string = () => '') =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for answers ${explain()}`)), ms);
        const check = () => {
          if (!done()) return;
          clearTimeout(timer);
          onLine = undefined;
          resolve();
        };
        onLine = check;
        check();
      });

    const write = (text: string) =>
      new Promise<void>((resolve) => (child.stdin.write(text) ? resolve() : child.stdin.once('drain', resolve)));
    await write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'fuzz', version: '1' } } })}\n` +
        `${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`,
    );
    await waitFor(() => byId.has('init'), 20_000);

    const stream = frames.map((f) => `${f.line}\n`).join('');
    for (let at = 0; at < stream.length;) {
      const size = 1 + Math.floor(rng() * 4096);
      await write(stream.slice(at, at + size));
      at += size;
    }

    const ids = frames.flatMap((f) => (f.expect.kind === 'id' ? [f.expect.id] : []));
    const expectedNull = (code: number) =>
      frames.filter((f) => f.expect.kind === 'null' && f.expect.code === code).length;
    await waitFor(
      () =>
        ids.every((id) => byId.has(id)) &&
        nullErrors['-32700'] === expectedNull(-32700) &&
        nullErrors['-32600'] === expectedNull(-32600),
      25_000,
      () => {
        const missing = frames.filter((f) => f.expect.kind === 'id' && !byId.has(f.expect.id));
        return JSON.stringify({
          missing: missing.length,
          examples: missing.slice(0, 5).map((f) => f.line.slice(0, 300)),
          nullErrors,
          expected: { '-32700': expectedNull(-32700), '-32600': expectedNull(-32600) },
        });
      },
    );

    expect(ids.length + expectedNull(-32700) + expectedNull(-32600)).toBeGreaterThan(1000);
    expect([...byId.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(notJsonRpc).toEqual([]);

    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 'still-alive', method: 'tools/list' })}\n`);
    await waitFor(() => byId.has('still-alive'), 10_000);
    expect(child.exitCode).toBeNull();

    child.stdin.end();
    expect(await exited).toBe(0);
  }, 60_000);
});
