import { readFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, hydrated, screenshot, watchErrors } from './helpers';

const PAGE = '/lab/';
const lab = (page: Page) => page.locator('figure.lab').first();
const status = (page: Page) => lab(page).locator('.lab__status');

async function open(page: Page, path = PAGE) {
  await page.goto(path);
  await hydrated(page);
}

/** The step the status line reports (data-step). */
async function stepOf(page: Page): Promise<number> {
  return Number(await status(page).getAttribute('data-step'));
}

test.describe('architecture lab', () => {
  test('starts from the recorded run: curves, figures from the cores, summary and samples; no jax-js fetched', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await open(page);
    await expect(status(page)).toHaveAttribute('data-status', 'recorded');
    await expect(status(page)).toContainText('Recorded run: 200 of 200 steps, seed 1');
    await expect(lab(page).locator('.chart__line')).toHaveCount(8);
    const rows = lab(page).locator('.lab__table').first().locator('tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toContainText('MHA (8 KV heads)');
    await expect(rows.nth(0)).toContainText('1,024 B');
    await expect(rows.nth(2)).toContainText('160 B');
    await expect(rows.nth(3)).toContainText('10.3 KiB state');
    await expect(lab(page).getByText(/^Lowest validation loss: /)).toBeVisible();
    await expect(lab(page).locator('.lab__samples li')).toHaveCount(4);
    await expect(lab(page).locator('p.widget__readout')).toContainText('Recorded run, step 200 of 200.');
    await expect(lab(page)).not.toContainText('NaN');
    expect(requests.some((p) => p.includes('worker'))).toBe(false);
    expect(errors).toEqual([]);
  });

  test('settings from the keyboard land in the URL, survive a reload, and bad links fall back with notes', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await open(page);
    const second = lab(page).getByLabel('Variant 2', { exact: true });
    await second.focus();
    await second.selectOption('mqa');
    await expect(page).toHaveURL(/lab\.v=mha%2Cmqa%2Cmla16%2Cssm16/);
    await lab(page).getByRole('button', { name: 'Remove variant 4' }).press('Enter');
    await expect(page).toHaveURL(/lab\.v=mha%2Cmqa%2Cmla16(&|$)/);
    await page.reload();
    await hydrated(page);
    await expect(lab(page).locator('.lab__row')).toHaveCount(3);
    await expect(lab(page).getByLabel('Variant 2', { exact: true })).toHaveValue('mqa');
    await page.goto(`${PAGE}?lab.v=mha,rnn&lab.steps=7`);
    await hydrated(page);
    await expect(lab(page).getByText(/lab\.v ignores "rnn"/)).toBeVisible();
    await expect(lab(page).getByText(/lab\.steps "7" is not one of/)).toBeVisible();
    await expect(lab(page).locator('.lab__row')).toHaveCount(4);
    expect(errors).toEqual([]);
  });

  test('trains two variants live: finite, falling losses, a responsive page, pause, samples, attention, export', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const errors = watchErrors(page);
    await open(page, `${PAGE}?lab.v=mha,gqa2&lab.steps=50`);
    await lab(page).getByRole('button', { name: 'Start training' }).click();
    await expect(status(page)).toHaveAttribute('data-status', 'training', { timeout: 60_000 });
    await expect.poll(() => stepOf(page), { timeout: 200_000, intervals: [1000] }).toBeGreaterThanOrEqual(10);
    // The page answers while the Worker trains: keyboard focus moves and Pause takes effect.
    const pause = lab(page).getByRole('button', { name: 'Pause' });
    await pause.focus();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
    const trainCells = lab(page).locator('.lab__table tbody td[data-cell="train"]');
    for (const text of await trainCells.allTextContents()) {
      expect(Number.isFinite(Number(text))).toBe(true);
      expect(Number(text)).toBeLessThan(4.0);
    }
    // The run as JSON: both curves start near ln 59 ≈ 4.08 and fall.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      lab(page).getByRole('button', { name: 'Export run (JSON)' }).click(),
    ]);
    const run = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
    expect(run.source).toBe('browser');
    expect(run.curves.map((c: { id: string }) => c.id)).toEqual(['mha', 'gqa2']);
    for (const curve of run.curves as { train: [number, number][]; val: [number, number][] }[]) {
      const initial = curve.val[0]?.[1] ?? NaN;
      expect(initial).toBeGreaterThan(3.9);
      expect(curve.train.length).toBeGreaterThanOrEqual(2);
      expect(curve.train.every(([, loss]) => Number.isFinite(loss))).toBe(true);
      expect(curve.train.at(-1)?.[1]).toBeLessThan(curve.train[0]?.[1] ?? 0);
      expect(curve.train.at(-1)?.[1]).toBeLessThan(initial);
    }
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      lab(page).getByRole('button', { name: 'Chart as PNG' }).click(),
    ]);
    expect(
      readFileSync((await png.path()) as string)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // Samples and attention maps from the paused models.
    await lab(page).getByRole('button', { name: 'Sample from each' }).click();
    await expect(lab(page).locator('.lab__samples li')).toHaveCount(2, { timeout: 60_000 });
    await expect(lab(page).locator('.lab__samples li').first()).toContainText(/^MHA \(8 KV heads\)The .{10,}/s);
    await lab(page).getByRole('button', { name: 'Show attention' }).click();
    await expect(lab(page).locator('.lab__heads li')).toHaveCount(8, { timeout: 60_000 });
    await expect(lab(page).locator('.lab__heads li').first()).toContainText(
      /^Head 1: the last character looks most at/,
    );
    await lab(page).getByRole('button', { name: 'Resume' }).click();
    await expect(status(page)).toHaveAttribute('data-status', /training|done/, { timeout: 30_000 });
    await lab(page).getByRole('button', { name: 'Reset' }).click();
    await expect(status(page)).toHaveAttribute('data-status', 'recorded');
    await expect(lab(page)).not.toContainText('NaN');
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} theme`, () => {
      test.use({ colorScheme, bypassCSP: true });
      test('axe finds no violations', async ({ page }) => {
        await open(page);
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  }

  for (const width of [360, 1280]) {
    test(`at ${width} px: no horizontal scroll; screenshots light and dark`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await open(page);
        expect(await horizontalOverflow(page)).toBe(0);
        await lab(page).screenshot({ path: `reports/screenshots/lab-${width}-${colorScheme}.png` });
      }
      await screenshot(page, `lab-${width}`);
    });
  }
});
