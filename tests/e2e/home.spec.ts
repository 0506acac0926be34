import { test } from '@playwright/test';
import { expect, hydrated, watchErrors } from './helpers';

const SECTIONS = [
  'Neural Network Architectures',
  'Generative Models',
  'Attention Mechanisms & Position Encodings',
  'Inference & Memory',
  'Tooling & Application Patterns',
];

test.describe('home page', () => {
  test('shows the five sections in order, 22 cards, and the visualizations band after attention', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await expect(page).toHaveTitle('AI Architectures');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI Architectures');
    const headings = page.locator('main section > header h2');
    await expect(headings).toHaveText([...SECTIONS.slice(0, 3), 'Interactive Visualizations', ...SECTIONS.slice(3)]);
    await expect(page.locator('article.card')).toHaveCount(22);
    await expect(page.locator('#attention-mechanisms article.card')).toHaveCount(9);
    expect(errors).toEqual([]);
  });

  test('a card shows name with acronym, kind, three characteristics and use-case and example chips', async ({
    page,
  }) => {
    await page.goto('/');
    const card = page.locator('article.card', {
      has: page.getByRole('link', { name: 'Grouped Query Attention (GQA)' }),
    });
    await expect(card.locator('.kind')).toHaveText('Attention Mechanism');
    await expect(card.locator('.card__traits li:visible')).toHaveCount(3);
    await expect(card.locator('#card-grouped-query-attention-uses-list li:visible')).toHaveCount(4);
    await expect(card.getByRole('button', { name: 'Show 1 more use cases' })).toBeVisible();
    await expect(card.locator('.chip--example')).toHaveCount(4);
    await expect(card.getByRole('link')).toHaveAttribute('href', '/architectures/grouped-query-attention/');
  });

  test('"+1 more" reveals the fourth characteristic by mouse', async ({ page }) => {
    await page.goto('/');
    const card = page.locator('#card-rope-traits-list');
    const toggle = page.locator('button[aria-controls="card-rope-traits-list"]');
    await expect(toggle).toHaveText('+1 more');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(card.locator('li:visible')).toHaveCount(4);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toHaveText('Show less');
    await toggle.click();
    await expect(card.locator('li:visible')).toHaveCount(3);
  });

  test('"+1 more" works from the keyboard', async ({ page }) => {
    await page.goto('/');
    const toggle = page.locator('button[aria-controls="card-mcp-traits-list"]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#card-mcp-traits-list li:visible')).toHaveCount(4);
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('section filter chips show one section and keep the choice in the URL', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Inference & Memory', exact: true }).click();
    await expect(page).toHaveURL(/\?section=inference-memory$/);
    await expect(page.locator('article.card:visible')).toHaveCount(3);
    await page.reload();
    await expect(page.locator('article.card:visible')).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Inference & Memory', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expect(page.locator('article.card:visible')).toHaveCount(22);
  });

  test('the theme toggle switches and persists across pages', async ({ page }) => {
    await page.goto('/');
    await hydrated(page);
    const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(after).not.toBe(before);
    await page.goto('/architectures/rope/');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(after);
  });
});
