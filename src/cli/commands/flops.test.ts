import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../args';
import { flops } from './flops';

/** Runs the command in-process and captures stdout (usage errors are thrown; main() turns them into exit 2). */
async function run(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { code: await flops.run(argv), stdout };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('ai-arch flops', () => {
  it('flops --config llama-3.1-8b --tokens 8192 --json: C_forward 16,106,659,840, training 6N 41,877,528,576', async () => {
    const { code, stdout } = await run('--config', 'llama-3.1-8b', '--tokens', '8192', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect([out.n, out.kaplanForward, out.forward, out.training]).toEqual([
      6_979_588_096, 16_106_659_840, 17_157_332_992, 41_877_528_576,
    ]);
    expect(out.formula).toBe('2 × 6,979,588,096 + 2 × 32 × 8,192 × 4,096 = 16,106,659,840 FLOPs per token');
    expect(out.breakdown.map((r: { component: string }) => r.component)).toEqual([
      'attention',
      'mlp',
      'norms',
      'head',
      'context',
    ]);
  });

  it('mixtral-8x7b counts active parameters: N = 12,617,781,248 at any context', async () => {
    const out = JSON.parse((await run('--config', 'mixtral-8x7b', '--tokens', '1', '--json')).stdout);
    expect(out.n).toBe(12_617_781_248);
  });

  it('deepseek-v3 with --mla decompressed scores 128 × 192 per cached token per layer', async () => {
    const out = JSON.parse(
      (await run('--config', 'deepseek-v3', '--tokens', '1000', '--mla', 'decompressed', '--json')).stdout,
    );
    expect(out.contextFlops).toBe(2 * 61 * 1000 * 128 * 192);
  });

  it('a config.json works: GPT-2 small at its 1024 context, text output with the formula', async () => {
    const path = fileURLToPath(new URL('../../models/fixtures/gpt2.json', import.meta.url));
    const { code, stdout } = await run('--config', path, '--tokens', '1024');
    expect(code).toBe(0);
    expect(stdout).toContain('n_ctx 1,024');
    expect(stdout).toContain('2 × 12 × 1,024 × 768');
    expect(stdout).toContain('training ≈ 6N');
  });

  it('defaults to 4096 tokens; bad flags are usage errors naming the flag and range', async () => {
    expect(JSON.parse((await run('--config', 'gpt2-small', '--json')).stdout).tokens).toBe(4096);
    await expect(run('--config', 'gpt2-small', '--tokens', '0')).rejects.toThrow(
      /--tokens must be an integer from 1 to 10000000/,
    );
    await expect(run('--config', 'gpt2-small', '--mla', 'both')).rejects.toThrow(/--mla must be one of absorbed/);
    await expect(run('--tokens', '5')).rejects.toThrow(UsageError);
  });
});
