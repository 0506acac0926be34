import { test, type Page } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, screenshot, watchErrors } from './helpers';

const EXPLORER = '/explore/attention-patterns/';

const widget = (page: Page) => page.locator('figure.attn').first();
/** The live readout (the sliders' <output> elements are status regions too, hence the class). */
const readout = (page: Page) => widget(page).locator('.widget__readout');
/** The cells of the current token's row that it attends to. */
const markedCells = (page: Page) => widget(page).locator('tr.is-current td.is-mark');

/** Loads `path` and waits for the widget to hydrate (embeds are client:visible, so scroll them into view first). */
async function open(page: Page, path = EXPLORER) {
  await page.goto(path);
  await widget(page).scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr]) figure.attn').first().waitFor();
}

test.describe('attention patterns explorer', () => {
  test('the default view reproduces the source design: 16 tokens, bidirectional window of 5, token 1', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await open(page);
    await expect(readout(page)).toHaveText('Token 1 can attend to tokens 1–3');
    await expect(widget(page).locator('table[role="grid"] tbody tr')).toHaveCount(16);
    await expect(markedCells(page)).toHaveCount(3);
    await expect(
      widget(page).getByText('Decoder LLMs use the causal variant, where token 1 sees only itself.'),
    ).toBeVisible();
    await expect(widget(page).getByRole('link', { name: /Longformer/ })).toHaveAttribute(
      'href',
      'https://arxiv.org/abs/2004.05150',
    );
    expect(errors).toEqual([]);
  });

  test('stepping with the keyboard changes the readout: slider arrows, the Next button, a grid cell', async ({
    page,
  }) => {
    await open(page);
    const token = widget(page).getByRole('slider', { name: 'Token' });
    await token.focus();
    await page.keyboard.press('ArrowRight');
    await expect(readout(page)).toHaveText('Token 2 can attend to tokens 1–4');
    await page.keyboard.press('End');
    await expect(readout(page)).toHaveText('Token 16 can attend to tokens 14–16');
    await widget(page).getByRole('button', { name: 'Previous token' }).focus();
    await page.keyboard.press('Enter');
    await expect(readout(page)).toHaveText('Token 15 can attend to tokens 13–16');
    await page.keyboard.press('ArrowLeft');
    await expect(readout(page)).toHaveText('Token 14 can attend to tokens 12–16');

    // The grid has one tab stop; arrows move it, Enter makes the focused cell's query the current token.
    await page.locator('td[tabindex="0"]').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('td:focus')).toHaveAttribute('aria-label', 'Query 3 (every), key 2 (lets): attends');
    await expect(widget(page).locator('.attn__probe')).toHaveText('Query 3 (every) → key 2 (lets): can attend');
    await page.keyboard.press('Enter');
    await expect(readout(page)).toHaveText('Token 3 can attend to tokens 1–5');
    await expect(page.locator('td[tabindex="0"]')).toHaveCount(1);
  });

  test('switching direction and pattern changes the grid and the readout', async ({ page }) => {
    await open(page);
    await widget(page).getByRole('button', { name: 'Switch to causal' }).click();
    await expect(readout(page)).toHaveText('Token 1 can attend to token 1');
    await expect(markedCells(page)).toHaveCount(1);
    await expect(widget(page).getByRole('radio', { name: 'Causal' })).toBeChecked();
    await expect(widget(page).getByText(/Decoder LLMs use the causal variant/)).toHaveCount(0);

    await widget(page).getByRole('radio', { name: 'Bidirectional' }).check();
    await expect(readout(page)).toHaveText('Token 1 can attend to tokens 1–3');

    await widget(page).getByLabel('Pattern', { exact: true }).selectOption('dilated');
    await widget(page).getByRole('slider', { name: 'Token' }).fill('9');
    await expect(readout(page)).toHaveText('Token 9 can attend to tokens 5, 7, 9, 11, 13');
    await expect(markedCells(page)).toHaveCount(5);
    await expect(widget(page).getByRole('slider', { name: 'Dilation d' })).toBeVisible();

    await widget(page).getByLabel('Pattern', { exact: true }).selectOption('chunked');
    await expect(readout(page)).toHaveText('Token 9 can attend to token 9');
    await expect(widget(page).getByRole('group', { name: 'Direction' })).toHaveCount(0);
    await expect(widget(page).getByRole('slider', { name: 'Window W' })).toHaveCount(0);
    await expect(widget(page).getByRole('slider', { name: 'Chunk C' })).toBeVisible();
  });

  test('the state round-trips through the URL', async ({ page }) => {
    await open(page);
    await widget(page).getByLabel('Pattern', { exact: true }).selectOption('local-global');
    await widget(page).getByLabel('Global tokens').fill('1, 9');
    await widget(page).getByLabel('Global tokens').press('Enter');
    await widget(page).getByRole('radio', { name: 'Causal' }).check();
    await widget(page).getByRole('slider', { name: 'Token' }).fill('12');
    await expect(readout(page)).toHaveText('Token 12 can attend to tokens 1, 8–12');
    await expect(page).toHaveURL(/pattern=local-global/);
    await expect(page).toHaveURL(/token=12/);
    const url = page.url();
    await page.goto('about:blank');
    await open(page, url);
    await expect(readout(page)).toHaveText('Token 12 can attend to tokens 1, 8–12');
    await expect(widget(page).getByLabel('Pattern', { exact: true })).toHaveValue('local-global');
    await expect(widget(page).getByLabel('Global tokens')).toHaveValue('1, 9');
  });

  test('a malformed URL is clamped with visible notes, and N = 1024 draws the heatmap', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, `${EXPLORER}?n=5000&window=abc&pattern=spiral&token=1024`);
    const notes = widget(page).getByRole('list', { name: 'Notes' });
    await expect(notes).toContainText('From the link: n 5000 is out of range 1–1024; using 1024.');
    await expect(notes).toContainText('From the link: window "abc" is not an integer; using 5.');
    await expect(notes).toContainText('From the link: pattern "spiral" is not one of');
    await expect(readout(page)).toHaveText('Token 1024 can attend to tokens 1022–1024');
    const canvas = widget(page).locator('canvas');
    await expect(canvas).toHaveAttribute('aria-label', /^Attention mask of 1,024 × 1,024 query–key pairs/);
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas box');
    await page.mouse.move(box.x + box.width / 2, box.y + 2);
    await expect(widget(page).locator('.attn__probe')).toHaveText(/^Query \d → key 5\d\d: masked, cannot attend$/);
    expect(errors).toEqual([]);
  });

  test('a causal sliding window shows its receptive field, W·L, with a chart that follows the layer slider', async ({
    page,
  }) => {
    await open(page, `${EXPLORER}?direction=causal&window=64&n=1024&layers=32`);
    await expect(widget(page).getByText(/W·L = 64 × 32 = 2,048 tokens/)).toBeVisible();
    const chart = widget(page).locator('.attn-rf svg[role="img"]');
    await expect(chart).toHaveAttribute('aria-label', /1 to 32 stacked causal sliding-window layers of W = 64/);
    await widget(page).getByRole('slider', { name: 'Layers L' }).press('ArrowRight');
    await expect(widget(page).getByText(/W·L = 64 × 33 = 2,112 tokens/)).toBeVisible();
    await expect(chart).toHaveAttribute('aria-label', /1 to 33 stacked/);
  });
});

test.describe('embedded copies', () => {
  test('entry embeds start from their preset and leave the URL alone', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, '/architectures/sliding-window-attention/');
    await expect(readout(page)).toHaveText('Token 9 can attend to tokens 6–9');
    await widget(page).getByRole('button', { name: 'Next token' }).click();
    await expect(readout(page)).toHaveText('Token 10 can attend to tokens 7–10');
    await page.waitForTimeout(400);
    expect(new URL(page.url()).search).toBe('');
    await expect(
      widget(page).getByRole('link', { name: /Open this view in the attention patterns explorer/ }),
    ).toHaveAttribute('href', '/explore/attention-patterns/?token=10&direction=causal&window=4');

    await open(page, '/architectures/grouped-window-attention/');
    await expect(readout(page)).toHaveText('Token 10 can attend to tokens 1, 5, 9–13');
    await open(page, '/architectures/multi-head-attention/');
    await expect(readout(page)).toHaveText('Token 6 can attend to tokens 1–6');
    await open(page, '/architectures/flash-attention/');
    await expect(widget(page)).toContainText('skips 6 tiles where every pair is masked');
    expect(errors).toEqual([]);
  });

  test('the home page band shows the widget live', async ({ page }) => {
    await open(page, '/');
    const band = page.locator('#visualizations');
    await expect(band.locator('figure.attn .widget__readout')).toHaveText('Token 1 can attend to tokens 1–3');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme, bypassCSP: true });
    for (const path of [
      EXPLORER,
      `${EXPLORER}?n=200&pattern=local-global&global=1,100&tiles=1`,
      '/architectures/flash-attention/',
    ]) {
      test(`no violations on ${path}`, async ({ page }) => {
        await open(page, path);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
}

test.describe('layout and screenshots (reports/screenshots)', () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`explorer at ${width} px, ${colorScheme}: no horizontal scroll`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await open(page);
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot(page, `attention-patterns-${width}-${colorScheme}`);
        await open(page, `${EXPLORER}?n=1024&pattern=local-global&global=1,512&window=64&token=700&tiles=1`);
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot(page, `attention-patterns-heatmap-${width}-${colorScheme}`);
        expect(errors).toEqual([]);
      });
    }
  }
});
