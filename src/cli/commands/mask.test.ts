import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ai-arch mask', () => {
  it('mask --pattern sliding --n 16 --window 5 --bidirectional --token 1 prints "Token 1 can attend to tokens 1–3"', async () => {
    const { code, stdout } = await run(
      'mask',
      '--pattern',
      'sliding',
      '--n',
      '16',
      '--window',
      '5',
      '--bidirectional',
      '--token',
      '1',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('Token 1 can attend to tokens 1–3\n');
  });

  it('mask --pattern local-global --n 16 --window 5 --global 1,5 --token 9 prints "Token 9 can attend to tokens 1, 5–9"', async () => {
    const { code, stdout } = await run(
      'mask',
      '--pattern',
      'local-global',
      '--n',
      '16',
      '--window',
      '5',
      '--global',
      '1,5',
      '--token',
      '9',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('Token 9 can attend to tokens 1, 5–9\n');
  });

  it('is causal by default: mask --pattern sliding --n 16 --token 1 sees only token 1', async () => {
    const { stdout } = await run('mask', '--pattern', 'sliding', '--n', '16', '--token', '1');
    expect(stdout).toBe('Token 1 can attend to token 1\n');
  });

  it('--json prints token, 1-based inclusive ranges, pairs and fraction', async () => {
    const { code, stdout } = await run(
      'mask',
      '--pattern',
      'grouped-window',
      '--n',
      '16',
      '--group',
      '4',
      '--token',
      '12',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      token: 12,
      ranges: [
        [1, 1],
        [5, 5],
        [9, 12],
      ],
      pairs: 64,
      fraction: 0.25,
    });
  });

  const bad: [string[], string][] = [
    [['--n', '16', '--token', '1'], '--pattern is required (one of full, causal, sliding'],
    [['--pattern', 'banded', '--n', '16', '--token', '1'], '--pattern must be one of full, causal, sliding'],
    [['--pattern', 'full', '--n', '0', '--token', '1'], '--n must be an integer from 1 to 1024, got "0"'],
    [['--pattern', 'full', '--n', '2000', '--token', '1'], '--n must be an integer from 1 to 1024, got "2000"'],
    [['--pattern', 'full', '--n', '16'], '--token is required (an integer from 1 to 16)'],
    [['--pattern', 'full', '--n', '16', '--token', '17'], '--token must be an integer from 1 to 16, got "17"'],
    [
      ['--pattern', 'sliding', '--n', '16', '--window', '0', '--token', '1'],
      '--window must be an integer from 1 to 16',
    ],
    [
      ['--pattern', 'dilated', '--n', '8', '--dilation', 'x', '--token', '1'],
      '--dilation must be an integer from 1 to 8',
    ],
    [['--pattern', 'prefix-lm', '--n', '8', '--prefix=-1', '--token', '1'], '--prefix must be an integer from 0 to 8'],
    [['--pattern', 'chunked', '--n', '8', '--chunk', '9', '--token', '1'], '--chunk must be an integer from 1 to 8'],
    [
      ['--pattern', 'grouped-window', '--n', '8', '--group', '1.5', '--token', '1'],
      '--group must be an integer from 1 to 8',
    ],
    [
      ['--pattern', 'local-global', '--n', '8', '--global', '1,9', '--token', '1'],
      '--global must be a comma-separated list of integers from 1 to 8, got "1,9"',
    ],
    [['--pattern', 'full', '--n', '8', '--token', '1', '--heads', '4'], "Unknown option '--heads'"],
  ];
  for (const [argv, message] of bad) {
    it(`mask ${argv.join(' ')} exits 2 naming the flag: ${message}`, async () => {
      const { code, stdout, stderr } = await run('mask', ...argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
      expect(stderr).toContain('Usage: ai-arch mask');
    });
  }

  it('node bin/ai-arch.mjs mask exits with status 2 on a bad flag and 0 on a good one', () => {
    const bin = fileURLToPath(new URL('../../../bin/ai-arch.mjs', import.meta.url));
    const bad = spawnSync(process.execPath, [bin, 'mask', '--pattern', 'full', '--n', '0', '--token', '1'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--n must be an integer from 1 to 1024');
    const good = spawnSync(process.execPath, [bin, 'mask', '--pattern', 'causal', '--n', '4', '--token', '4'], {
      encoding: 'utf8',
    });
    expect(good.status).toBe(0);
    expect(good.stdout).toBe('Token 4 can attend to tokens 1–4\n');
  });
});
