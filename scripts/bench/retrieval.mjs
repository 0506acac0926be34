// Ask the atlas (issue 6): retrieval latency in headless Chromium and the size of the prebuilt index. src/rag is
// bundled with esbuild (Vite's own copy) into the served /ask/ page, which loads /rag/*.json exactly as the widget
// does; then every evaluation question runs through retrieve() (analysis → BM25 → LSA → RRF). Per question: the
// median of 15 warm runs; the summary is over questions. Also the header box's type-ahead search per keystroke.
// Prints figures only; nothing is asserted. Standalone: `node scripts/bench/retrieval.mjs` (after `npm run build`).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openSite, percentile, summarize } from './harness.mjs';

export const name = 'ask the atlas: retrieval latency per query and index size';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 15;

/** The retrieval code as one browser script exposing window.__ragBench. */
async function bundle() {
  const require = createRequire(createRequire(import.meta.url).resolve('vite/package.json'));
  const esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  const result = await esbuild.build({
    stdin: {
      contents: `
        import { fetchRagIndex } from './src/rag/client';
        import { retrieve } from './src/rag/retrieve';
        import { searchEntries } from './src/rag/entries';
        window.__ragBench = { fetchRagIndex, retrieve, searchEntries };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function indexSizes() {
  const dir = `${ROOT}dist/rag/`;
  let raw = 0;
  let gz = 0;
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const text = readFileSync(dir + f);
      const g = gzipSync(text, { level: 9 }).length;
      raw += text.length;
      gz += g;
      return `${f} ${(text.length / 1000).toFixed(1)} kB (${(g / 1000).toFixed(1)} kB gzip)`;
    });
  return { parts, raw, gz };
}

export async function run({ baseUrl, browser }) {
  const sizes = indexSizes();
  console.log(`index: ${sizes.parts.join(' · ')}`);
  console.log(
    `index total: ${(sizes.raw / 1000).toFixed(1)} kB, ${(sizes.gz / 1000).toFixed(1)} kB gzip (budget 300 kB gzip)`,
  );

  const questions = JSON.parse(readFileSync(`${ROOT}src/rag/eval/questions.json`, 'utf8')).map((q) => q.q);
  const script = await bundle();
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/ask/`);
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      async ({ questions, runs }) => {
        const bench = window.__ragBench;
        const t0 = performance.now();
        const index = await bench.fetchRagIndex({ dense: true, chunks: true });
        const load = performance.now() - t0;
        const c0 = performance.now();
        bench.retrieve(index, questions[0]);
        const cold = performance.now() - c0;
        const perQuestion = [];
        for (const q of questions) {
          for (let i = 0; i < 3; i += 1) bench.retrieve(index, q);
          const times = [];
          for (let i = 0; i < runs; i += 1) {
            const s = performance.now();
            bench.retrieve(index, q);
            times.push(performance.now() - s);
          }
          times.sort((a, b) => a - b);
          perQuestion.push(times[Math.floor(times.length / 2)]);
        }
        const typed = [];
        for (const q of questions.slice(0, 30)) {
          for (let n = 2; n <= Math.min(q.length, 24); n += 1) {
            const s = performance.now();
            bench.searchEntries(index, q.slice(0, n), 8);
            typed.push(performance.now() - s);
          }
        }
        return { load, cold, perQuestion, typed };
      },
      { questions, runs: RUNS },
    );
    console.log(`index load in the page (fetch + parse + decode, local server): ${result.load.toFixed(1)} ms`);
    console.log(`first query (cold JIT): ${result.cold.toFixed(2)} ms`);
    console.log(`retrieve() per question, median of ${RUNS} warm runs: ${summarize(result.perQuestion)}`);
    const p95 = percentile(result.perQuestion, 95);
    console.log(`p95 ${p95.toFixed(2)} ms against the issue's 5 ms target: ${p95 <= 5 ? 'within' : 'OVER'}`);
    console.log(`header type-ahead searchEntries() per keystroke: ${summarize(result.typed)}`);
  } finally {
    await context.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const site = await openSite();
  try {
    console.log(`## ${name}`);
    await run(site);
  } finally {
    await site.close();
  }
}
