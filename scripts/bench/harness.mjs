// Shared pieces for `npm run bench`: the built site served by the project's server, headless Chromium, and
// percentile helpers. Benchmarks print figures; they never assert on time.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { register } from 'tsx/esm/api';

register();

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The p-th percentile (0–100) of `values` by nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** "p50 1.2 ms · p95 3.4 ms · max 5.6 ms (n = 200)" */
export function summarize(ms) {
  const f = (v) => `${v.toFixed(2)} ms`;
  return `p50 ${f(percentile(ms, 50))} · p95 ${f(percentile(ms, 95))} · max ${f(Math.max(...ms))} (n = ${ms.length})`;
}

/** Starts the site server on a free port and Chromium; returns them with a `close()` for both. */
export async function openSite() {
  if (!existsSync('dist/index.html')) throw new Error('no dist/: run `npm run build` first');
  const { startServer } = await import('../../src/server/server.ts');
  const server = await startServer({ port: 0, log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  return {
    baseUrl: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * In the page: time from an input change to the next painted frame, for `count` changes produced by `change(i)`.
 * Returns the list of milliseconds. `change` runs in the page and must trigger the widget's update synchronously
 * (dispatch an input event on a control).
 */
export async function inputToPaint(page, count, changeSource) {
  return page.evaluate(
    async ({ count, changeSource }) => {
      const change = new Function('i', changeSource);
      const times = [];
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
      for (let i = 0; i < count; i++) {
        await frame();
        const start = performance.now();
        change(i);
        await frame();
        // The second frame callback runs after the first frame has painted.
        await frame();
        times.push(performance.now() - start);
      }
      return times;
    },
    { count, changeSource },
  );
}
