import { afterEach, describe, expect, it, vi } from 'vitest';
import { rope } from './rope';

async function run(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { code: await rope.run(argv), stdout };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('ai-arch rope', () => {
  it('rope --dim 16 prints 8 pairs: θ_0 = 1 (λ 6.28 tokens) to θ_7 = 3.1623e-4 (λ 19,869 tokens)', async () => {
    const { code, stdout } = await run('--dim', '16');
    expect(code).toBe(0);
    expect(stdout).toContain('RoPE d = 16, base 10000');
    expect(stdout).toMatch(/\n\s+0\s+1\.0000\s+6\.28\s/);
    expect(stdout).toMatch(/\n\s+7\s+3\.1623e-4\s+19,869\s/);
  });

  it('rope --dim 128 --base 500000 --scaling llama3 --json: 29 kept, 6 blended, 29 interpolated bands', async () => {
    const out = JSON.parse((await run('--dim', '128', '--base', '500000', '--scaling', 'llama3', '--json')).stdout);
    expect(out.bands).toHaveLength(64);
    const count = (regime: string) => out.bands.filter((b: { regime: string }) => b.regime === regime).length;
    expect([count('kept'), count('blended'), count('interpolated')]).toEqual([29, 6, 29]);
    expect(out.bands[35].scaledTheta).toBeCloseTo(9.556212353964683e-5, 17);
  });

  it('bad flags are usage errors naming the flag and accepted range', async () => {
    await expect(run('--dim', '7')).rejects.toThrow(/--dim must be an even integer from 2 to 4096/);
    await expect(run()).rejects.toThrow(/--dim is required/);
    await expect(run('--dim', '64', '--base', '1')).rejects.toThrow(/--base must be a number from/);
    await expect(run('--dim', '64', '--scaling', 'rope2')).rejects.toThrow(/--scaling must be one of none, pi/);
    await expect(run('--dim', '64', '--factor', '0.5')).rejects.toThrow(/--factor must be a number from 1 to 1024/);
  });
});
