import { test } from '@playwright/test';
import { loadEntries } from '../../src/atlas/load';
import { displayTitle } from '../../src/atlas/schema';
import { expect, watchErrors } from './helpers';

const entries = loadEntries();

test.describe('entry pages', () => {
  for (const { facts } of entries) {
    test(`/architectures/${facts.slug}/ renders its title, characteristics and references without console errors`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      const response = await page.goto(`/architectures/${facts.slug}/`);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle(`${displayTitle(facts)} · AI Architectures`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(facts.title);
      await expect(page.locator('.traits li')).toHaveText(facts.characteristics);
      await expect(page.locator('#references + ol > li')).toHaveCount(facts.references.length);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', facts.summary);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /AI Architectures/);
      await expect(page.locator('.prose h2').first()).toHaveText('How it works');
      await expect(page.locator('.prose .katex').first()).toBeVisible();
      expect(errors).toEqual([]);
    });
  }

  test('previous/next navigation walks the catalogue in order', async ({ page }) => {
    await page.goto('/architectures/hybrid-ssm-attention/');
    await page.getByRole('link', { name: /Next/ }).click();
    await expect(page).toHaveURL('/architectures/multimodal/');
    await page.getByRole('link', { name: /Previous/ }).click();
    await expect(page).toHaveURL('/architectures/hybrid-ssm-attention/');
  });

  test('an unknown page gets the 404 page', async ({ page }) => {
    const response = await page.goto('/architectures/does-not-exist/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the atlas');
  });

  test('the sitemap lists every entry', async ({ request }) => {
    const index = await (await request.get('/sitemap-index.xml')).text();
    const sitemapUrl = /<loc>([^<]+)<\/loc>/.exec(index)?.[1] ?? '';
    const sitemap = await (await request.get(new URL(sitemapUrl).pathname)).text();
    for (const { facts } of entries) expect(sitemap).toContain(`/architectures/${facts.slug}/`);
  });
});
