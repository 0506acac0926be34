import { test } from '@playwright/test';
import { expect, hydrated, watchErrors } from './helpers';

test.describe('header search', () => {
  test('finds GQA from "grouped query" and opens it with Enter', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await hydrated(page);
    const box = page.getByRole('combobox', { name: 'Search the atlas' });
    await box.fill('grouped query');
    const options = page.getByRole('option');
    await expect(options.first()).toContainText('Grouped Query Attention (GQA)');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/architectures/grouped-query-attention/');
    expect(errors).toEqual([]);
  });

  test('arrow keys move the selection and Escape closes the list', async ({ page }) => {
    await page.goto('/architectures/rope/');
    await hydrated(page);
    const box = page.getByRole('combobox', { name: 'Search the atlas' });
    await box.fill('kv cache memory');
    await expect(page.getByRole('option').first()).toContainText('KV Cache');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', /option-1$/);
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('listbox')).toBeHidden();
  });

  test('"/" focuses the search box and an unmatched query says so', async ({ page }) => {
    await page.goto('/');
    await hydrated(page);
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search the atlas' });
    await expect(box).toBeFocused();
    await page.keyboard.type('zzqx');
    await expect(page.locator('.search').getByRole('status')).toHaveText('No entries match “zzqx”.');
  });
});
