import { test, type Page } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, screenshot, watchErrors } from './helpers';

const ENTRY = '/architectures/grouped-query-attention/';

const widget = (page: Page) => page.locator('figure.ta').first();
const readout = (page: Page) => widget(page).getByRole('status');
const input = (page: Page) => widget(page).getByRole('textbox', { name: /Your text/ });

/** Waits for this widget's island (other islands further down the entry stay unhydrated until scrolled to). */
const hydrated = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('astro-island')].some((i) => i.querySelector('figure.ta') && !i.hasAttribute('ssr')),
  );

/** Opens `path`, scrolls the widget into view (it hydrates client:visible) and waits for the 2 × 8 heatmaps. */
async function open(page: Page, path = ENTRY) {
  await page.goto(path);
  await widget(page).scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(widget(page).locator('button.ta-head')).toHaveCount(16);
}

/** A fingerprint of every heatmap's pixels. */
const pixels = (page: Page) =>
  widget(page)
    .locator('canvas')
    .evaluateAll((canvases) => canvases.map((c) => (c as HTMLCanvasElement).toDataURL()).join('|'));

test.describe('tiny trained model attention', () => {
  test('hydrates, says it is loading, then loads both trained models with their figures', async ({ page }) => {
    const errors = watchErrors(page);
    const weights: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/models/tiny/')) weights.push(new URL(r.url()).pathname);
    });
    await page.goto(ENTRY);
    await expect(widget(page).getByText('Tiny model trained by this project')).toBeVisible();
    await expect(widget(page).getByText('The trained weights load when this figure scrolls into view.')).toBeAttached();
    expect(weights).toEqual([]);
    await widget(page).scrollIntoViewIfNeeded();
    await hydrated(page);
    await expect(widget(page).locator('button.ta-head')).toHaveCount(16);
    expect(weights.sort()).toEqual([
      '/models/tiny/gqa.bin',
      '/models/tiny/gqa.json',
      '/models/tiny/mha.bin',
      '/models/tiny/mha.json',
    ]);
    await expect(widget(page).getByText('1,024 B/token (fp32, 2 layers)')).toBeVisible();
    await expect(widget(page).getByText('512 B/token (fp32, 2 layers)')).toBeVisible();
    await expect(widget(page).getByText(/^\d\.\d{3} nats\/char$/)).toHaveCount(2);
    await expect(widget(page).locator('.ta-group')).toHaveCount(2 * 4 + 2 * 2);
    await expect(readout(page)).toContainText('Query “.”, character 43 of 43.');
    expect(errors).toEqual([]);
  });

  test('typing changes the maps and the readout; an unknown character gets a visible note', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page);
    const before = await pixels(page);
    const text = await readout(page).textContent();
    await input(page).focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Ana');
    await expect(readout(page)).toContainText('character 47 of 47');
    expect(await readout(page).textContent()).not.toBe(text);
    expect(await pixels(page)).not.toBe(before);
    await page.keyboard.type('7');
    await expect(widget(page).getByText(/so left out: “7”/)).toBeVisible();
    await expect(readout(page)).toContainText('character 47 of 47');
    await input(page).fill('');
    await expect(readout(page)).toHaveText('Type some text to see the attention of the two trained models.');
    expect(errors).toEqual([]);
  });

  test('keyboard focus on a character makes it the query: its row is outlined and read out', async ({ page }) => {
    await open(page);
    await input(page).focus();
    await page.keyboard.press('Tab');
    const focused = page.locator('.ta-strip__char:focus');
    await expect(focused).toHaveAttribute('aria-label', /^Character 43: \./);
    await page.keyboard.press('Home');
    await expect(readout(page)).toContainText('Query “Z”, character 1 of 43.');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(readout(page)).toContainText('Query “␣”, character 4 of 43.');
    await expect(page.locator('.ta-strip__char:focus')).toHaveAttribute('aria-pressed', 'true');
    const row = widget(page).locator('.ta-heat__row').first();
    const top = await row.evaluate((el) => parseFloat((el as HTMLElement).style.top));
    expect(top).toBeCloseTo((3 / 43) * 100, 3);
    // Choosing another head from the keyboard re-targets the bars and the readout (hovering a map moves the query).
    await widget(page)
      .getByRole('button', { name: /^GQA layer 1 head 2 \(KV head 1\)/ })
      .focus();
    await page.keyboard.press('Enter');
    await expect(readout(page)).toContainText('GQA layer 1 head 2 (KV head 1): query “␣” attends most to');
    await expect(widget(page).locator('.ta__caption')).toContainText('GQA · layer 1 · head 2');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} theme`, () => {
      test.use({ colorScheme, bypassCSP: true });
      test('axe reports no violations with the weights loaded', async ({ page }) => {
        await open(page);
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  }

  for (const width of [360, 1280]) {
    test(`at ${width} px: no horizontal scroll; screenshots light and dark`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await open(page, '/architectures/multi-head-attention/');
        expect(await horizontalOverflow(page)).toBe(0);
        await widget(page).screenshot({ path: `reports/screenshots/tiny-attention-${width}-${colorScheme}.png` });
      }
      await screenshot(page, `tiny-attention-entry-${width}`);
      expect(errors).toEqual([]);
    });
  }
});
