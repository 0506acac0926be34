import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../tests/unit/cli';

describe('ai-arch', () => {
  it('--help lists the commands and exits 0', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: node bin/ai-arch.mjs <command>');
    expect(stdout).toMatch(/^\s+list\s+List every atlas entry/m);
  });

  it('an unknown command prints usage and exits 2', () => {
    const { status, stderr } = runCli(['frobnicate']);
    expect(status).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
    expect(stderr).toContain('Commands:');
  });

  it('an unknown flag prints the command usage and exits 2', () => {
    const { status, stderr } = runCli(['list', '--colour']);
    expect(status).toBe(2);
    expect(stderr).toContain("Unknown option '--colour'");
    expect(stderr).toContain('Usage: ai-arch list [--json]');
  });

  it('list --json gives slug, title, section and kind for all 22 entries, from any directory', () => {
    const { status, stdout } = runCli(['list', '--json'], { cwd: tmpdir() });
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as { slug: string; title: string; section: string; kind: string }[];
    expect(rows).toHaveLength(22);
    expect(rows[0]).toEqual({
      slug: 'dense-transformer',
      title: 'Dense Transformer',
      acronym: null,
      section: 'Neural Network Architectures',
      kind: 'Architecture',
    });
    expect(rows.find((r) => r.slug === 'grouped-query-attention')).toMatchObject({
      title: 'Grouped Query Attention',
      kind: 'Attention Mechanism',
    });
  });

  it('list prints a readable table grouped by section', () => {
    const { stdout } = runCli(['list']);
    expect(stdout).toContain('Attention Mechanisms & Position Encodings');
    expect(stdout).toMatch(/grouped-query-attention\s+Grouped Query Attention \(GQA\) · Attention Mechanism/);
  });
});
