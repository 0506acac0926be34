// Input → repaint for the KV-cache calculator's token slider on /explore/kv-cache/ (and the home band's comparison).
// Prints p50/p95/max; asserts nothing.
import { inputToPaint, summarize } from './harness.mjs';

export const name = 'kv-cache';

/** Moves the first range input inside `figure` to position 20 + 7i mod 120 (1 … 10M tokens on the log scale). */
const moveSlider = (figure) => `
  const el = document.querySelector('${figure} input[type="range"]');
  el.value = String(20 + ((i * 7) % 120));
  el.dispatchEvent(new Event('input', { bubbles: true }));
`;

async function measure(browser, url, figure, label) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.locator(figure).first().scrollIntoViewIfNeeded();
  await page.locator(`astro-island:not([ssr]) ${figure}`).first().waitFor();
  await inputToPaint(page, 20, moveSlider(figure));
  const ms = await inputToPaint(page, 200, moveSlider(figure));
  console.log(`${label}: ${summarize(ms)}`);
  await page.close();
}

export async function run({ baseUrl, browser }) {
  await measure(
    browser,
    `${baseUrl}/explore/kv-cache/`,
    'figure.kvcalc',
    'token slider → repaint, /explore/kv-cache/ (Llama-3.1-8B + 3 compared)',
  );
  await measure(
    browser,
    `${baseUrl}/explore/kv-cache/?model=llama-3.1-405b&compare=gemma-3-27b,deepseek-v3,jamba-v0.1&batch=64`,
    'figure.kvcalc',
    'token slider → repaint, /explore/kv-cache/ (Llama-3.1-405B, batch 64, 3 compared)',
  );
  await measure(browser, `${baseUrl}/`, 'figure.kvc', 'token slider → repaint, home band comparison');
}
