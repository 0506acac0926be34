import { test } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, screenshot, watchErrors } from './helpers';
import { loadEntries } from '../../src/atlas/load';

const AXE_PAGES = [
  '/',
  '/architectures/grouped-query-attention/',
  '/architectures/state-space-models/',
  '/architectures/mcp/',
];
const ALL_PAGES = ['/', '/404.html', ...loadEntries().map((e) => `/architectures/${e.facts.slug}/`)];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    // axe is injected as an inline script, which the site's CSP (rightly) blocks.
    test.use({ colorScheme, bypassCSP: true });
    for (const path of AXE_PAGES) {
      test(`axe reports no violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
}

test.describe('360 px wide', () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test('no page scrolls horizontally', async ({ page }) => {
    const overflowing: string[] = [];
    for (const path of ALL_PAGES) {
      await page.goto(path);
      if ((await horizontalOverflow(page)) > 0) overflowing.push(path);
    }
    expect(overflowing).toEqual([]);
  });
});

test.describe('screenshots (reports/screenshots)', () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`home and an entry at ${width} px, ${colorScheme}`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto('/');
        await screenshot(page, `home-${width}-${colorScheme}`);
        await page.goto('/architectures/grouped-query-attention/');
        await screenshot(page, `entry-gqa-${width}-${colorScheme}`);
        expect(errors).toEqual([]);
      });
    }
  }
});
