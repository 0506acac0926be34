#!/usr/bin/env node
// `npm run bench:mcp`: throughput and latency of `estimate-kv-cache` over Streamable HTTP on loopback. The site
// server (with /mcp) runs in a child process so it has a core of its own; this process drives a bounded load: a fixed
// number of requests at a fixed concurrency over keep-alive connections, after a warm-up. Prints figures, asserts
// nothing. Flags: --requests N (default 5000), --concurrency C (default 16), --warmup N (default 500).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '500' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const WARMUP = Number(values.warmup);
const EXPECTED_BYTES = 17179869184; // llama-3.1-8b, 131,072 tokens, bf16

const SERVER = `
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
register();
const { startServer } = await import('./src/server/server.ts');
const root = mkdtempSync(join(tmpdir(), 'bench-mcp-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>bench</title>');
const server = await startServer({ root, port: 0, log: () => {} });
process.stdout.write(server.url + '\\n');
process.stdin.on('data', () => process.stdout.write(JSON.stringify(process.cpuUsage()) + '\\n'));
process.stdin.on('end', () => server.close().then(() => process.exit(0)));
`;

function startChild() {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve({ child, url: chunk.toString().trim() }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'bench-mcp', version: '1' },
};
const ARGS = { model: 'llama-3.1-8b', tokens: 131072, dtype: 'bf16' };

const ERAS = {
  modern: {
    headers: { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'estimate-kv-cache' },
    body: (id) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'estimate-kv-cache', arguments: ARGS, _meta: MODERN_META },
      }),
  },
  legacy: {
    headers: {},
    body: (id) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'estimate-kv-cache', arguments: ARGS },
      }),
  },
};

/** The server process's CPU time so far, in ms (user + system). */
function serverCpu(child) {
  return new Promise((resolve) => {
    child.stdout.once('data', (chunk) => {
      const { user, system } = JSON.parse(chunk.toString());
      resolve((user + system) / 1000);
    });
    child.stdin.write('cpu\n');
  });
}

function post(url, agent, era, id) {
  const body = ERAS[era].body(id);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'content-length': Buffer.byteLength(body),
          ...ERAS[era].headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ ms, ok: res.statusCode === 200 && text.includes(`"bytes":${EXPECTED_BYTES}`) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(url, era, count) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const id = next++;
        const { ms, ok } = await post(url, agent, era, id);
        latencies.push(ms);
        if (!ok) errors += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { latencies, errors, seconds };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const { child, url } = await startChild();
const endpoint = `${url}/mcp`;
try {
  console.log(`bench:mcp  estimate-kv-cache(llama-3.1-8b, 131072, bf16) over HTTP at ${endpoint}`);
  console.log(`           ${REQUESTS} requests per era, concurrency ${CONCURRENCY}, after ${WARMUP} warm-up requests`);
  console.log(
    `           load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  for (const era of ['modern', 'legacy']) {
    await run(endpoint, era, WARMUP);
    const cpuBefore = await serverCpu(child);
    const { latencies, errors, seconds } = await run(endpoint, era, REQUESTS);
    const cpuPerRequest = ((await serverCpu(child)) - cpuBefore) / REQUESTS;
    const sorted = latencies.sort((a, b) => a - b);
    const rps = REQUESTS / seconds;
    console.log(
      `${era.padEnd(6)} (${era === 'modern' ? '2026-07-28' : '2025-11-25'})  ${rps.toFixed(0).padStart(6)} req/s · ` +
        `p50 ${percentile(sorted, 50).toFixed(2)} ms · p99 ${percentile(sorted, 99).toFixed(2)} ms · ` +
        `max ${sorted[sorted.length - 1].toFixed(2)} ms · ${errors} errors · ${seconds.toFixed(2)} s`,
    );
    console.log(
      `${''.padEnd(19)}server CPU ${cpuPerRequest.toFixed(3)} ms per request → at most ` +
        `${(1000 / cpuPerRequest).toFixed(0)} req/s for its one core, whatever else the machine runs`,
    );
  }
} finally {
  child.stdin.end();
}
