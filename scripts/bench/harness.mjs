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

/**
 * Main-thread CPU time per change (Chrome's ThreadTime metric, read through CDP before and after each change and its
 * next two frames), for `count` changes produced by `change(i)`. Unlike wall time it does not grow when other
 * processes compete for the CPU.
 */
export async function cpuTime(page, count, changeSource) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
  };
  const times = [];
  for (let i = 0; i < count; i++) {
    const before = await threadTime();
    await page.evaluate(
      async ({ i, changeSource }) => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
        new Function('i', changeSource)(i);
        await frame();
        await frame();
      },
      { i, changeSource },
    );
    times.push(((await threadTime()) - before) * 1000);
  }
  await cdp.detach();
  return times;
}

/**
 * In the page: the widget's own work for `count` changes produced by `change(i)`: from the change to the end of its
 * render (Preact renders in a microtask; canvases repaint in effects inside it), plus the style and layout of the
 * element matching `selector`.
 */
export async function workTime(page, count, changeSource, selector) {
  return page.evaluate(
    async ({ count, changeSource, selector }) => {
      const change = new Function('i', changeSource);
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
      const times = [];
      for (let i = 0; i < count; i++) {
        await frame();
        await frame();
        const start = performance.now();
        change(i);
        await Promise.resolve();
        await Promise.resolve();
        document.querySelector(selector)?.getBoundingClientRect();
        times.push(performance.now() - start);
      }
      return times;
    },
    { count, changeSource, selector },
  );
}
