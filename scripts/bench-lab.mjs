#!/usr/bin/env node
// `npm run bench:lab`: training throughput (tokens per second) of every lab variant with jax-js on wasm, in Node and
// in headless Chromium (inside a module Worker, as on /lab/), and of the same MHA model written with tfjs-core on
// its wasm backend, in the same run; prints the figures and the jax-js / tfjs-wasm ratio (the goal is ≥ 4×).
// Each variant trains alone (batch 16 × 64 characters), after a warm-up that compiles. Nothing here asserts: on a
// shared 2-core machine read every figure as ±2×.
// Options: --steps N (timed steps, default 20), --warmup N (default 3), --variants mha,gqa2,… (default: the seven
// defaults), --webgpu (also train MHA on WebGPU in Chromium with SwiftShader and compare its losses to wasm).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const intFlag = (name, fallback, max) => {
  const value = Number(flag(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${name} must be an integer from 1 to ${max}`);
    process.exit(2);
  }
  return value;
};
const steps = intFlag('steps', 20, 1000);
const warmup = intFlag('warmup', 3, 100);
const variants = flag('variants', 'mha,gqa2,mqa,mla16,swa16,ssm16,moe4x2').split(',');
const webgpu = argv.includes('--webgpu');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const work = mkdtempSync(join(tmpdir(), 'bench-lab-'));
const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const quiet = { configFile: false, logLevel: 'error', root };

/** Bundles the runner for Node (everything inlined, one tfjs instance) and the Worker for the browser. */
async function bundle() {
  await build({
    ...quiet,
    ssr: { noExternal: true },
    build: {
      ssr: join(root, 'scripts/bench-lab/runner.ts'),
      outDir: join(work, 'node'),
      target: 'node20',
      rollupOptions: {
        output: {
          format: 'es',
          entryFileNames: 'runner.mjs',
          // tfjs's Node code calls require('util') and reads __dirname; give the ES module both.
          banner:
            "import { createRequire as __createRequire } from 'node:module'; import { dirname as __dirnameOf } from 'node:path'; " +
            "import { fileURLToPath as __toPath } from 'node:url'; const require = __createRequire(import.meta.url); " +
            'const __filename = __toPath(import.meta.url); const __dirname = __dirnameOf(__filename);',
        },
      },
    },
  });
  await build({
    ...quiet,
    build: {
      outDir: join(work, 'web'),
      target: 'es2022',
      rollupOptions: {
        input: { worker: join(root, 'scripts/bench-lab/worker.ts') },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
    copyFileSync(join(wasmDir, file), join(work, 'web', file));
}

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const PAGE = `<!doctype html><meta charset="utf-8"><title>bench:lab</title><script type="module">
const worker = new Worker('/worker.js', { type: 'module' });
let pending = null;
worker.onmessage = (e) => pending?.(e.data);
worker.onerror = (e) => pending?.({ error: e.message || 'worker failed' });
window.runBench = (request) => new Promise((resolve) => { pending = resolve; worker.postMessage(request); });
</script>`;

function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    try {
      const body = readFileSync(join(work, 'web', path.replace(/^\/+/, '').replace(/\.\./g, '')));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const fmt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function inBrowser(browser, baseUrl, request) {
  const page = await browser.newPage();
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => 'runBench' in window);
    return await page.evaluate((r) => window.runBench(r), request);
  } finally {
    await page.close();
  }
}

const started = performance.now();
console.log(`bench:lab — ${warmup} warm-up + ${steps} timed steps per model, batch 16 × 64 tokens`);
await bundle();
const { runBench } = await import(pathToFileURL(join(work, 'node', 'runner.mjs')).href);
const server = await serve();
const baseUrl = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--disable-gpu'],
});
const rows = [];
try {
  for (const variant of variants) {
    const request = { kind: 'jax', variant, device: 'wasm', warmup, steps };
    const node = await runBench(request, wasmDir + '/');
    const web = await inBrowser(browser, baseUrl, request);
    if (web.error) throw new Error(`${variant} in Chromium: ${web.error}`);
    rows.push({ name: `${variant} (jax-js wasm)`, node, web });
    console.log(`  measured ${variant}`);
  }
  const tfRequest = { kind: 'tfjs', variant: 'mha', device: 'wasm', warmup, steps: Math.max(3, Math.ceil(steps / 2)) };
  const tfNode = await runBench(tfRequest, wasmDir + '/');
  const tfWeb = await inBrowser(browser, baseUrl, tfRequest);
  if (tfWeb.error) throw new Error(`tfjs in Chromium: ${tfWeb.error}`);
  rows.push({ name: 'mha (tfjs-core 4.22.0 wasm)', node: tfNode, web: tfWeb });

  console.log(
    `\n${pad('model', 30)}${lpad('Node tokens/s', 15)}${lpad('Chromium tokens/s', 19)}${lpad('ms/step (Chromium)', 20)}`,
  );
  for (const r of rows)
    console.log(
      `${pad(r.name, 30)}${lpad(fmt(r.node.tokensPerSecond), 15)}${lpad(fmt(r.web.tokensPerSecond), 19)}${lpad(r.web.msPerStep.toFixed(1), 20)}`,
    );
  const mha = rows.find((r) => r.name.startsWith('mha (jax'));
  if (mha) {
    const ratio = (a, b) => `${(a / b).toFixed(1)}×`;
    console.log(
      `\nMHA, jax-js wasm / tfjs wasm: Node ${ratio(mha.node.tokensPerSecond, tfNode.tokensPerSecond)}, ` +
        `Chromium ${ratio(mha.web.tokensPerSecond, tfWeb.tokensPerSecond)} (goal ≥ 4×)`,
    );
    const last = (r) => r.losses.at(-1)?.toFixed(3);
    console.log(
      `last loss: MHA jax-js ${last(mha.node)} (Node) / ${last(mha.web)} (Chromium) after ${warmup + steps} steps; ` +
        `tfjs ${last(tfNode)} / ${last(tfWeb)} after ${tfRequest.warmup + tfRequest.steps} (both from ln 59 ≈ 4.08)`,
    );
  }
} finally {
  await browser.close();
}

if (webgpu) {
  const gpu = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan'],
  });
  try {
    const request = { kind: 'jax', variant: 'mha', device: 'webgpu', warmup: 1, steps: 3 };
    const onGpu = await inBrowser(gpu, baseUrl, request);
    const onWasm = await inBrowser(gpu, baseUrl, { ...request, device: 'wasm' });
    if (onGpu.error) console.log(`\nWebGPU (SwiftShader): ${onGpu.error}`);
    else {
      const diff = Math.max(...onGpu.losses.map((l, i) => Math.abs(l - (onWasm.losses[i] ?? NaN))));
      console.log(
        `\nWebGPU (SwiftShader, correctness only): MHA ${fmt(onGpu.tokensPerSecond)} tokens/s; ` +
          `losses ${onGpu.losses.map((l) => l.toFixed(4)).join(', ')} vs wasm, max difference ${diff.toExponential(1)}`,
      );
    }
  } finally {
    await gpu.close();
  }
}
server.close();
rmSync(work, { recursive: true, force: true });
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
