/**
 * The contract every embedded widget keeps, as reusable tests: it hydrates when scrolled into view, answers the
 * keyboard with a new readout that survives a reload from the URL, notes a bad URL value visibly, and passes axe in
 * light and dark themes. Spec files list their widgets and call widgetContract.
 */
import { test, type Locator, type Page } from '@playwright/test';
import { axeViolations, expect, watchErrors } from './helpers';

export interface WidgetCase {
  name: string;
  path: string;
  figure: string;
  /** Accessible name of the slider the keyboard test moves. */
  slider: string;
  /** The query-string key that slider writes. */
  key: string;
}

/** Scrolls the widget into view (its island is client:visible) and waits until that island has hydrated. */
export async function openWidget(page: Page, path: string, figure: string): Promise<Locator> {
  await page.goto(path);
  const widget = page.locator(figure).first();
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => {
    const island = document.querySelector(sel)?.closest('astro-island');
    return island !== null && island !== undefined && !island.hasAttribute('ssr');
  }, figure);
  return widget;
}

/** Registers the contract's tests for each widget. */
export function widgetContract(widgets: readonly WidgetCase[]): void {
  for (const w of widgets) {
    test.describe(`${w.name} widget`, () => {
      test('hydrates, answers the keyboard with a new readout, and keeps it in the URL', async ({ page }) => {
        const errors = watchErrors(page);
        const widget = await openWidget(page, w.path, w.figure);
        const readout = widget.locator('.widget__readout');
        const before = await readout.textContent();
        expect(before).toBeTruthy();
        await widget.getByRole('slider', { name: w.slider }).focus();
        await page.keyboard.press('ArrowRight');
        await expect(readout).not.toHaveText(before!);
        const after = await readout.textContent();
        expect(after).not.toContain('NaN');
        await expect.poll(() => new URL(page.url()).searchParams.get(w.key)).not.toBeNull();
        const restored = await openWidget(page, page.url(), w.figure);
        await expect(restored.locator('.widget__readout')).toHaveText(after!);
        expect(errors).toEqual([]);
      });

      test('a bad URL value falls back with a visible note', async ({ page }) => {
        const widget = await openWidget(page, `${w.path}?${w.key}=not-a-number`, w.figure);
        await expect(widget.locator('.widget__notes')).toContainText(`${w.key} "not-a-number"`);
      });
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`axe, ${colorScheme} theme`, () => {
      test.use({ colorScheme, bypassCSP: true });
      for (const w of widgets) {
        test(`${w.name}: no violations`, async ({ page }) => {
          await openWidget(page, w.path, w.figure);
          expect(await axeViolations(page, w.figure)).toEqual([]);
        });
      }
    });
  }
}
