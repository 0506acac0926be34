import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const BIN = fileURLToPath(new URL('../../bin/ai-arch.mjs', import.meta.url));

describe.each([
  ['legacy', { mode: 'legacy' as const }],
  ['modern', { mode: 'auto' as const }],
])('`ai-arch mcp` over stdio, %s era', (era, versionNegotiation) => {
  it(`serves tools, resources and prompts to a ${era} client and exits when stdin closes`, async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], stderr: 'pipe' });
    const stderr: string[] = [];
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const client = new Client({ name: 'stdio-test', version: '1' }, { versionNegotiation });
    await client.connect(transport);
    expect(client.getProtocolEra()).toBe(era);

    const kv = await client.callTool({
      name: 'estimate-kv-cache',
      arguments: { model: 'llama-3.1-8b', tokens: 131072, dtype: 'bf16' },
    });
    expect(kv.structuredContent).toMatchObject({ bytes: 17179869184 });
    const bad = await client.callTool({ name: 'attention-mask', arguments: { pattern: 'causal', n: 8, token: 9 } });
    expect(bad.isError).toBe(true);
    const entry = await client.readResource({ uri: 'atlas://entries/kv-cache' });
    expect((entry.contents[0] as { text: string }).text).toMatch(/^# /);
    await expect(client.readResource({ uri: 'atlas://entries/none' })).rejects.toMatchObject({ code: -32602 });
    const prompt = await client.getPrompt({
      name: 'choose-attention',
      arguments: { memoryBudget: '24 GiB', contextLength: '32768' },
    });
    expect(prompt.messages).toHaveLength(1);

    const pid = transport.pid;
    await client.close();
    expect(pid).toBeTypeOf('number');
    await expect.poll(() => isRunning(pid!), { timeout: 10_000 }).toBe(false);
    expect(stderr.join('')).toContain('ai-arch mcp: 22 entries on stdio');
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
