// Live tokenizer (issue 8): once both encodings have loaded, typing in the text box → re-encode with o200k_base and
// cl100k_base, redraw the chips, counts and KV figure → painted frame. `inputToPaint` per keystroke, next to the same
// harness on a change that does nothing (its floor: two vsync frames). Prints figures only; nothing is asserted.
import { inputToPaint, summarize } from './harness.mjs';

export const name = 'live tokenizer: typing → repaint once loaded';

const COUNT = 80;

/** Appends one character (cycling through a sentence) to the text box and fires the input event Preact listens to. */
const TYPE = `
  const box = document.querySelector('.tok textarea');
  const source = 'The quick brown fox tokenizes 12345 words, 東京 and 🚀. ';
  const chars = Array.from(source);
  box.value = box.value + chars[i % chars.length];
  box.dispatchEvent(new Event('input', { bubbles: true }));
`;
const NOTHING = `void i;`;

export async function run({ baseUrl, browser }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${baseUrl}/explore/tokenizer/`);
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    const start = Date.now();
    await page.getByRole('button', { name: /Load the tokenizer/ }).click();
    await page.locator('[data-testid="count-cl100k_base"]').waitFor();
    await page.locator('[data-testid="count-o200k_base"]').waitFor();
    console.log(`encodings loaded (local server, cached nothing): ${Date.now() - start} ms`);
    const floor = await inputToPaint(page, COUNT, NOTHING);
    console.log(`harness floor (no change):          ${summarize(floor)}`);
    const typing = await inputToPaint(page, COUNT, TYPE);
    console.log(`typing, default text (~60 tokens):  ${summarize(typing)}`);
    await page.evaluate(() => {
      const box = document.querySelector('.tok textarea');
      box.value = 'Tokenizers split text into subword pieces. '.repeat(60);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const long = await inputToPaint(page, COUNT, TYPE);
    console.log(`typing, ~2,600 characters:          ${summarize(long)}`);
  } finally {
    await page.close();
  }
}
