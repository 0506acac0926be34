import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';

/** Runs `ai-arch …` in-process and captures what it writes. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

const fixture = (name: string) => fileURLToPath(new URL(`../../models/fixtures/${name}.json`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ai-arch-kv-'));

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ai-arch kv', () => {
  it('kv --config llama-3.1-8b --tokens 131072 --json gives 17,179,869,184 bytes (16 GiB), all KV, no state', async () => {
    const { code, stdout } = await run('kv', '--config', 'llama-3.1-8b', '--tokens', '131072', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect([out.bytes, out.kvBytes, out.stateBytes]).toEqual([17_179_869_184, 17_179_869_184, 0]);
    expect(out.breakdown).toEqual([
      expect.objectContaining({ type: 'full-attention', layers: 32, tokensCached: 131_072, bytesPerToken: 4096 }),
    ]);
  });

  it('kv on a config.json path: Gemma-3-1B at 32,768 tokens is 139 MiB with a per-layer-type breakdown', async () => {
    const { code, stdout } = await run('kv', '--config', fixture('gemma-3-1b'), '--tokens', '32768', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.bytes).toBe(145_752_064);
    expect(out.breakdown.map((b: { type: string; layers: number }) => [b.type, b.layers])).toEqual([
      ['full-attention', 4],
      ['sliding-attention', 22],
    ]);
  });

  it('kv --dtype q4_0 --batch 4 multiplies and prices block scales (Llama-3.1-8B, 32K: 4 × 1.125 GiB)', async () => {
    const { stdout } = await run(
      'kv',
      '--config',
      'llama-3.1-8b',
      '--tokens',
      '32768',
      '--dtype',
      'q4_0',
      '--batch',
      '4',
      '--json',
    );
    expect(JSON.parse(stdout).bytes).toBe(4 * 1_207_959_552);
  });

  it('kv --state-dtype fp16 --conv-layout d_conv gives Mamba-2.8B its 12.5 MiB', async () => {
    const { stdout } = await run(
      'kv',
      '--config',
      'mamba-2.8b',
      '--tokens',
      '1',
      '--state-dtype',
      'fp16',
      '--conv-layout',
      'd_conv',
      '--json',
    );
    expect(JSON.parse(stdout).stateBytes).toBe(13_107_200);
  });

  it('without --json prints a readable summary with the formula, in GiB or (--decimal) GB', async () => {
    const binary = await run('kv', '--config', 'gemma-3-27b', '--tokens', '131072');
    expect(binary.code).toBe(0);
    expect(binary.stdout).toContain('Total      11,173,625,856 B (10.41 GiB)');
    expect(binary.stdout).toContain(
      'Formula: 10 full-attention layers × 131,072 tokens × 2·16·128 × 2 B + 52 sliding-attention layers × min(131,072, 1,024) tokens × 2·16·128 × 2 B',
    );
    expect(binary.stdout).toContain('some engines allocate more');
    const decimal = await run('kv', '--config', 'gemma-3-27b', '--tokens', '131072', '--decimal');
    expect(decimal.stdout).toContain('Total      11,173,625,856 B (11.17 GB)');
  });

  it.each([
    [['--config', 'llama-3.1-8b'], '--tokens is required (an integer from 1 to 10000000)'],
    [['--config', 'llama-3.1-8b', '--tokens', '0'], '--tokens must be an integer from 1 to 10000000, got "0"'],
    [['--config', 'llama-3.1-8b', '--tokens', '10000001'], '--tokens must be an integer from 1 to 10000000'],
    [['--config', 'llama-3.1-8b', '--tokens', '1e3'], '--tokens must be an integer from 1 to 10000000, got "1e3"'],
    [['--config', 'llama-3.1-8b', '--tokens', '8', '--batch=-1'], '--batch must be an integer from 1 to 1000000'],
    [
      ['--config', 'llama-3.1-8b', '--tokens', '8', '--dtype', 'fp12'],
      '--dtype must be one of fp32, fp16, bf16, fp8, int8, int4, q8_0, q4_0, got "fp12"',
    ],
    [['--config', 'llama-3.1-8b', '--tokens', '8', '--windows', 'maybe'], '--windows must be one of cap, ignore'],
    [['--tokens', '8'], '--config is required (a preset id such as llama-3.1-8b, or a path to a config.json)'],
    [['--config', 'llama-9', '--tokens', '8'], '--config must be a preset id (llama-2-7b, '],
    [['--config', 'llama-3.1-405b', '--tokens', '10000000', '--batch', '1000000'], 'past Number.MAX_SAFE_INTEGER'],
    [['--config', 'llama-3.1-8b', '--tokens', '8', '--bogus'], "Unknown option '--bogus'"],
  ])('kv %j exits 2 naming the flag: %s', async (flags, message) => {
    const { code, stderr } = await run('kv', ...flags);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: ai-arch kv');
  });

  it('a bad config file exits 1 with a message naming the file and the field', async () => {
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{"num_hidden_layers": 32,');
    const missing = join(tmp, 'missing-heads.json');
    writeFileSync(
      missing,
      JSON.stringify({ model_type: 'llama', num_hidden_layers: 32, hidden_size: 4096, vocab_size: 32000 }),
    );
    const a = await run('kv', '--config', broken, '--tokens', '8');
    expect([a.code, a.stderr]).toEqual([
      1,
      expect.stringContaining(`config.json at ${broken}: config is not valid JSON`),
    ]);
    const b = await run('kv', '--config', missing, '--tokens', '8');
    expect([b.code, b.stderr]).toEqual([
      1,
      expect.stringContaining('num_attention_heads (or n_head) is missing (a positive integer up to 100,000)'),
    ]);
    const c = await run('kv', '--config', tmp, '--tokens', '8');
    expect([c.code, c.stderr]).toEqual([1, expect.stringContaining('not a file')]);
  });

  it('runs as a real process: node bin/ai-arch.mjs kv --config deepseek-v3 --tokens 163840 --json', () => {
    const bin = fileURLToPath(new URL('../../../bin/ai-arch.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'kv', '--config', 'deepseek-v3', '--tokens', '163840', '--json'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).bytes).toBe(11_513_364_480);
  });
});
