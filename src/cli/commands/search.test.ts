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

describe('ai-arch search', () => {
  it('search "grouped query attention" --k 3 --json returns 3 ranked GQA chunks with slug, chunkId, heading, score', async () => {
    const { code, stdout } = await run('search', 'grouped query attention', '--k', '3', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { slug: string; chunkId: string; heading: string; score: number }[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ slug: 'grouped-query-attention' });
    expect(rows[0]?.chunkId).toMatch(/^grouped-query-attention#/);
    expect(typeof rows[0]?.heading).toBe('string');
    expect(rows[0]!.score).toBeGreaterThanOrEqual(rows[1]!.score);
  });

  it("prints a numbered list with both legs' ranks", async () => {
    const { code, stdout } = await run('search', 'paged attention block table');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ 1\. kv-cache#\S+\s+0\.\d{4}\s+\(lexical \d+, dense (\d+|–)\)/);
  });

  it('rejects a missing query and --k out of 1–50 with exit 2, naming the flag', async () => {
    expect((await run('search')).code).toBe(2);
    const bad = await run('search', 'rope', '--k', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--k must be an integer from 1 to 50');
  });
});
