import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';

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

afterEach(() => vi.restoreAllMocks());

describe('ai-arch params', () => {
  it('params --config mixtral-8x7b --json gives {"total": 46702792704, "active": 12879925248} and a breakdown', async () => {
    const { code, stdout } = await run('params', '--config', 'mixtral-8x7b', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect([out.total, out.active]).toEqual([46_702_792_704, 12_879_925_248]);
    expect(out.breakdown.find((b: { component: string }) => b.component === 'experts')).toEqual({
      component: 'experts',
      label: 'Routed experts',
      total: 45_097_156_608,
      active: 11_274_289_152,
    });
    expect(out.activeConvention).toMatch(/input embedding/);
  });

  it('params on a config.json: GPT-2 is 124,439,808', async () => {
    const path = fileURLToPath(new URL('../../models/fixtures/gpt2.json', import.meta.url));
    const { stdout } = await run('params', '--config', path, '--json');
    expect(JSON.parse(stdout).total).toBe(124_439_808);
  });

  it('without --json prints total, active and a table', async () => {
    const { code, stdout } = await run('params', '--config', 'gpt-oss-120b');
    expect(code).toBe(0);
    expect(stdout).toContain('total   116,829,156,672 (116.83B)');
    expect(stdout).toContain('without the input embedding');
    expect(stdout).toContain('5,132,849,472');
  });

  it('a missing or unknown --config exits 2 naming the flag', async () => {
    expect((await run('params')).stderr).toContain('--config is required');
    const unknown = await run('params', '--config', 'gpt-5');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('--config must be a preset id')]);
  });
});
