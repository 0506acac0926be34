import { test, type Page } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, hydrated, screenshot, watchErrors } from './helpers';

const PAGE = '/explore/diffusion/';
const ENTRY = '/architectures/diffusion-models/';

const forward = (page: Page) => page.locator('figure.dfwd').first();
const toy = (page: Page) => page.locator('figure.d2d').first();
const quality = (page: Page) => toy(page).locator('.d2d__quality-value[data-quality]');
const status = (page: Page) => toy(page).locator('.d2d__status');

async function open(page: Page, path = PAGE) {
  await page.goto(path);
  await toy(page).scrollIntoViewIfNeeded();
  await hydrated(page);
}

/** Waits for a finished sampling run and returns its quality figure. */
async function finishedQuality(page: Page): Promise<number> {
  await expect(quality(page)).toBeVisible({ timeout: 30_000 });
  return Number(await quality(page).getAttribute('data-quality'));
}

test.describe('diffusion explorer', () => {
  test('hydrates; the timestep slider works from the keyboard and the URL keeps it', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page);
    const readout = forward(page).locator('p.widget__readout');
    await expect(readout).toContainText('t = 300 of 1000.');
    const slider = forward(page).getByRole('slider', { name: 'Timestep t' });
    await slider.focus();
    await page.keyboard.press('End');
    await expect(readout).toContainText('t = 1000 of 1000. Linear: ᾱ = 4.04 × 10⁻⁵');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowLeft');
    await expect(readout).toHaveText(
      't = 899 of 1000. Linear: ᾱ = 2.8 × 10⁻⁴, SNR 2.8 × 10⁻⁴ (−35.5 dB). Cosine: ᾱ = 0.0246, SNR 0.0252 (−16.0 dB).',
    );
    await expect(page).toHaveURL(/fwd\.t=899/);
    await page.reload();
    await hydrated(page);
    await expect(forward(page).locator('p.widget__readout')).toContainText('t = 899 of 1000.');
    await page.goto(`${PAGE}?fwd.t=abc&toy.steps=zzz`);
    await hydrated(page);
    await expect(forward(page).getByText(/fwd\.t "abc" is not an integer from 0 to 1000; using 300/)).toBeVisible();
    await expect(toy(page).getByText(/toy\.steps "zzz" is not an integer/)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('loads the shipped weights without jax-js, samples, and shows the quality figure', async ({ page }) => {
    const errors = watchErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await open(page);
    await expect(toy(page).getByText('Trained by this project · 20,000 steps')).toBeVisible();
    const first = await finishedQuality(page);
    // The shipped figure (manifest.json): DDIM-20, 400 samples, seed 2024.
    expect(first).toBeCloseTo(0.044044, 5);
    expect(requests).toContain('/models/diffusion/moons.f16.bin');
    expect(requests.some((p) => p.includes('worker'))).toBe(false);
    // Few DDIM steps from the keyboard: Home puts the step slider at its minimum (2).
    const steps = toy(page).getByRole('slider', { name: 'Denoising steps' });
    await steps.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(toy(page).locator('p.widget__readout')).toContainText('DDIM, 4 steps, unconditional): quality', {
      timeout: 30_000,
    });
    const few = await finishedQuality(page);
    expect(Number.isFinite(few)).toBe(true);
    expect(few).not.toBe(first);
    // Guidance towards the lower moon: the readout reports the share of samples on it.
    await toy(page).getByRole('radio', { name: 'lower moon' }).check();
    await expect(toy(page).locator('p.widget__readout')).toContainText(/% of them are nearest to the lower moon/, {
      timeout: 30_000,
    });
    await expect(page).toHaveURL(/toy\.steps=4/);
    await expect(page).toHaveURL(/toy\.class=b/);
    expect(errors).toEqual([]);
  });

  test('a short live training run in the Worker shows a finite, falling loss, then samples from it', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await open(page);
    await finishedQuality(page);
    await toy(page).getByRole('combobox', { name: 'Training steps' }).selectOption('500');
    await toy(page).getByRole('button', { name: 'Train live' }).click();
    await expect(status(page)).toContainText('Loading jax-js (≈ 101 KB gzip)');
    await expect(status(page)).toHaveAttribute('data-status', 'training', { timeout: 60_000 });
    await expect
      .poll(async () => Number(await status(page).getAttribute('data-step')), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(80);
    const loss = Number(await status(page).getAttribute('data-loss'));
    const firstLoss = Number(await status(page).getAttribute('data-first-loss'));
    expect(Number.isFinite(loss)).toBe(true);
    expect(firstLoss).toBeCloseTo(0.9706, 3);
    expect(loss).toBeLessThan(firstLoss);
    await toy(page).getByRole('button', { name: 'Stop' }).click();
    await expect(status(page)).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
    await expect(toy(page).getByText(/^Computed live · trained here, \d+ steps$/)).toBeVisible();
    expect(Number.isFinite(await finishedQuality(page))).toBe(true);
    await toy(page).getByRole('button', { name: 'Use pre-trained weights' }).click();
    await expect(toy(page).getByText('Trained by this project · 20,000 steps')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('drawing with the keyboard adds points and enables training', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page);
    await toy(page).getByRole('radio', { name: 'Your points' }).check();
    const canvas = toy(page).getByRole('application');
    await canvas.focus();
    await page.keyboard.press(' ');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press(' ');
    await expect(toy(page).locator('p.widget__readout')).toHaveText(
      '10 points drawn. Train a model on them to sample.',
    );
    await page.keyboard.press('Backspace');
    await expect(toy(page).getByText('5 points', { exact: true })).toBeVisible();
    await expect(toy(page).getByRole('button', { name: 'Train live' })).toBeDisabled();
    await canvas.click({ position: { x: 60, y: 60 } });
    await expect(toy(page).getByRole('button', { name: 'Train live' })).toBeEnabled();
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} theme`, () => {
      test.use({ colorScheme, bypassCSP: true });
      test('axe reports no violations on the explorer and the entry', async ({ page }) => {
        await open(page);
        await finishedQuality(page);
        expect(await axeViolations(page)).toEqual([]);
        await open(page, ENTRY);
        await forward(page).scrollIntoViewIfNeeded();
        await hydrated(page);
        await finishedQuality(page);
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
        await open(page);
        await finishedQuality(page);
        expect(await horizontalOverflow(page)).toBe(0);
        // The sticky header would be stitched over widgets taller than the viewport.
        await page.addStyleTag({ content: '.site-header { position: static !important; }' });
        await forward(page).screenshot({ path: `reports/screenshots/diffusion-forward-${width}-${colorScheme}.png` });
        await toy(page).screenshot({ path: `reports/screenshots/diffusion-toy-${width}-${colorScheme}.png` });
      }
      await screenshot(page, `diffusion-explore-${width}`);
      await open(page, ENTRY);
      await finishedQuality(page);
      await forward(page).scrollIntoViewIfNeeded();
      await hydrated(page);
      await expect
        .poll(() =>
          forward(page)
            .locator('canvas')
            .last()
            .evaluate((c) => (c as HTMLCanvasElement).getContext('2d')?.getImageData(10, 10, 1, 1).data[3] ?? 0),
        )
        .toBe(255);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `diffusion-entry-${width}`);
      expect(errors).toEqual([]);
    });
  }
});
