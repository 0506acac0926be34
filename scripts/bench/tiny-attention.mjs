// The tiny trained model widget: time until the weights are loaded and drawn, and input → repaint for typing one
// character (both models' hand-written forward passes with their KV caches, 16 heatmaps repainted) and for moving the
// query. The harness waits two animation frames, so a change that does nothing measures about 33 ms at 60 Hz: that
// floor is printed too, with the synchronous work per keystroke (script, style and layout, forced). Prints figures.
import { inputToPaint, percentile, summarize } from './harness.mjs';

export const name = 'tiny-attention (grouped-query-attention entry)';

const SHORT = 'Zoe found the farmer behind the old bridge.';
const LONG = 'Every morning the village woke to the sound of the river. Did Bo';

/** A change that types or deletes the last character of `text`, alternately. */
const typing = (text) => `
  const el = document.querySelector('figure.ta input[type="text"]');
  const text = ${JSON.stringify(text)};
  el.value = i % 2 === 0 ? text.slice(0, -1) : text;
  el.dispatchEvent(new Event('input', { bubbles: true }));`;

export async function run({ baseUrl, browser }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseUrl}/architectures/grouped-query-attention/`);
  const start = Date.now();
  await page.locator('figure.ta').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('figure.ta button.ta-head').length === 16);
  console.log(`weights fetched, decoded and drawn ${Date.now() - start} ms after scrolling into view`);
  console.log(`floor (a change that paints nothing): ${summarize(await inputToPaint(page, 60, 'void i;'))}`);
  for (const [label, text] of [
    ['typing at 43 characters', SHORT],
    ['typing at 64 characters (full context)', LONG],
  ]) {
    await inputToPaint(page, 20, typing(text));
    console.log(`input → repaint, ${label}: ${summarize(await inputToPaint(page, 200, typing(text)))}`);
    const work = await page.evaluate(
      async ({ source, count }) => {
        const change = new Function('i', source);
        const times = [];
        for (let i = 0; i < count; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          const t0 = performance.now();
          change(i);
          // Preact renders in a microtask queued by the input handler, before this continuation.
          await Promise.resolve();
          void document.body.offsetHeight;
          times.push(performance.now() - t0);
        }
        return times;
      },
      { source: typing(text), count: 100 },
    );
    console.log(
      `  synchronous work per keystroke (script + style + layout): p50 ${percentile(work, 50).toFixed(2)} ms · p95 ${percentile(work, 95).toFixed(2)} ms`,
    );
  }
  const hover = `document.querySelectorAll('figure.ta .ta-strip__char')[i % 40].dispatchEvent(new MouseEvent('mouseenter'));`;
  console.log(`input → repaint, moving the query: ${summarize(await inputToPaint(page, 100, hover))}`);
  await page.close();
}
