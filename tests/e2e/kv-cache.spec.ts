import { readFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, screenshot, watchErrors } from './helpers';

const EXPLORER = '/explore/kv-cache/';

const compare = (page: Page) => page.locator('figure.kvc').first();
const calc = (page: Page) => page.locator('figure.kvcalc').first();
const readout = (fig: ReturnType<typeof calc>) => fig.locator('.widget__readout');

/** Loads `path` and waits for the widget to hydrate (embeds are client:visible, so scroll them into view first). */
async function open(page: Page, path: string, selector: 'figure.kvc' | 'figure.kvcalc') {
  await page.goto(path);
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.locator(`astro-island:not([ssr]) ${selector}`).first().waitFor();
}

const MISTRAL = JSON.stringify({
  _name_or_path: 'mistralai/Mistral-7B-v0.1',
  model_type: 'mistral',
  num_hidden_layers: 32,
  hidden_size: 4096,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  intermediate_size: 14336,
  vocab_size: 32000,
  max_position_embeddings: 32768,
  sliding_window: 4096,
});

test.describe('KV-cache comparison on the home band', () => {
  test('the seed default: Llama-2-7B geometry, fp16, 6,400 tokens → 3200 / 800 / 100 MiB', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, '/', 'figure.kvc');
    const fig = compare(page);
    await expect(page.locator('#visualizations figure.kvc')).toHaveCount(1);
    await expect(fig.getByText('Llama-2-7B geometry: 32 layers, head_dim 128, 32 query heads; fp16')).toBeVisible();
    const rows = fig.locator('.kvc__row');
    await expect(rows.locator('.kvc__value')).toHaveText(['3200 MiB', '800 MiB', '100 MiB', '225 MiB']);
    await expect(rows.locator('.kvc__factor')).toHaveText(['1.0×', '4.0×', '32.0×', '14.2×']);
    await expect(fig.getByText(/shown at the same 32 layers/)).toBeVisible();
    await expect(readout(fig)).toHaveText(
      '6,400 cached tokens in fp16: MHA 3200 MiB; GQA (8 KV heads) 800 MiB, 4.0× smaller; MQA (1 KV head) 100 MiB, 32.0× smaller; MLA (512 + 64 latent) 225 MiB, 14.2× smaller.',
    );
    expect(errors).toEqual([]);
  });

  test('keyboard: GQA heads, units and tokens change the bars and the readout', async ({ page }) => {
    await open(page, '/', 'figure.kvc');
    const fig = compare(page);
    await fig.getByRole('radio', { name: '16' }).focus();
    await page.keyboard.press('Space');
    await expect(fig.locator('.kvc__row[data-design="gqa"] .kvc__factor')).toHaveText('2.0×');
    await fig.getByRole('radio', { name: 'Decimal' }).check();
    await expect(fig.locator('.kvc__row[data-design="mha"] .kvc__value')).toHaveText('3355.4 MB');
    const tokens = fig.getByRole('textbox', { name: 'Tokens (exact)' });
    await tokens.fill('12800');
    await tokens.press('Enter');
    await expect(readout(fig)).toContainText('12,800 cached tokens in fp16: MHA 6710.9 MB');
    await fig.getByRole('slider', { name: 'Cached tokens' }).focus();
    await page.keyboard.press('End');
    await expect(readout(fig)).toContainText('10,000,000 cached tokens');
  });
});

test.describe('KV-cache calculator', () => {
  test('the default and a preset switch: Gemma-3-27B shows windows, sources and caveats', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, EXPLORER, 'figure.kvcalc');
    const fig = calc(page);
    await expect(readout(fig)).toHaveText(
      'Llama-3.1-8B, 131,072 tokens × 1 sequence, bf16 cache: weights 14.96 GiB + KV cache 16 GiB = 30.96 GiB; smallest card it fits: 40 GB.',
    );
    await fig.getByLabel('Model', { exact: true }).selectOption('gemma-3-27b');
    await expect(readout(fig)).toContainText('Gemma-3-27B, 131,072 tokens × 1 sequence, bf16 cache');
    await expect(fig.locator('.kvcalc__totals')).toContainText('10.41 GiB');
    await expect(fig.locator('.kvcalc__table tbody tr')).toHaveCount(2);
    await expect(fig.getByText(/52 local layers \(window 1,024\) and 10 global layers/)).toBeVisible();
    await fig.getByText(/Sources for Gemma-3-27B/).click();
    await expect(fig.locator('.kvcalc__sources a').first()).toHaveAttribute('href', /^https:\/\/github\.com\//);
    await fig.getByLabel(/Count sliding-window layers at full size/).check();
    await expect(fig.locator('.kvcalc__totals')).toContainText('62 GiB');
    await expect(page).toHaveURL(/model=gemma-3-27b/);
    expect(errors).toEqual([]);
  });

  test('a pasted config.json is used; malformed JSON keeps the previous model and names the problem', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await open(page, `${EXPLORER}?tokens=32768`, 'figure.kvcalc');
    const fig = calc(page);
    await fig.getByText('Paste or upload a config.json').click();
    const text = fig.getByLabel('config.json contents (Hugging Face format)');
    await text.fill(MISTRAL);
    await fig.getByRole('button', { name: 'Use this config' }).click();
    await expect(readout(fig)).toContainText('mistralai/Mistral-7B-v0.1, 32,768 tokens');
    await expect(fig.locator('.kvcalc__totals')).toContainText('512 MiB');
    await expect(fig.getByText('Computed from your config.json')).toBeVisible();

    await text.fill('{"num_hidden_layers": 32,');
    await fig.getByRole('button', { name: 'Use this config' }).click();
    await expect(fig.getByRole('alert')).toContainText('config is not valid JSON');
    await expect(readout(fig)).toContainText('mistralai/Mistral-7B-v0.1');

    await text.fill('{"model_type": "llama", "num_hidden_layers": 32}');
    await fig.getByRole('button', { name: 'Use this config' }).click();
    await expect(fig.getByRole('alert')).toContainText('hidden_size');
    await expect(readout(fig)).toContainText('mistralai/Mistral-7B-v0.1');
    expect(errors).toEqual([]);
  });

  test('an uploaded config.json file is used', async ({ page }) => {
    await open(page, EXPLORER, 'figure.kvcalc');
    const fig = calc(page);
    await fig.getByText('Paste or upload a config.json').click();
    await fig
      .locator('input[type="file"]')
      .setInputFiles({ name: 'config.json', mimeType: 'application/json', buffer: Buffer.from(MISTRAL) });
    await expect(readout(fig)).toContainText('mistralai/Mistral-7B-v0.1');
  });

  test('the URL round-trip: a link restores the state, changes are written back, bad values get a note', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await open(
      page,
      `${EXPLORER}?model=deepseek-v3&tokens=163840&batch=2&dtype=q8_0&wdtype=fp8&compare=llama-2-7b`,
      'figure.kvcalc',
    );
    const fig = calc(page);
    await expect(readout(fig)).toContainText('DeepSeek-V3, 163,840 tokens × 2 sequences, q8_0 cache');
    await expect(fig.getByLabel('Weights dtype')).toHaveValue('fp8');
    await expect(fig.locator('.chart__legend li')).toHaveText(['DeepSeek-V3 (current)', 'Llama-2-7B']);
    const batch = fig.getByRole('textbox', { name: 'Batch (exact)' });
    await batch.fill('4');
    await batch.press('Enter');
    await expect(page).toHaveURL(/batch=4/);
    await page.reload();
    await page.locator('astro-island:not([ssr]) figure.kvcalc').waitFor();
    await expect(readout(calc(page))).toContainText('DeepSeek-V3, 163,840 tokens × 4 sequences, q8_0 cache');

    await open(page, `${EXPLORER}?model=gpt-5&tokens=-3`, 'figure.kvcalc');
    await expect(calc(page).locator('.widget__notes')).toContainText('model="gpt-5" in the link is not a preset id');
    await expect(calc(page).locator('.widget__notes')).toContainText('tokens="-3" in the link is not a whole number');
    await expect(readout(calc(page))).toContainText('Llama-3.1-8B, 131,072 tokens');
    expect(errors).toEqual([]);
  });

  test('CSV export downloads the breakdown with exact bytes', async ({ page }) => {
    await open(page, `${EXPLORER}?model=gemma-3-27b`, 'figure.kvcalc');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      calc(page).getByRole('button', { name: 'Download the breakdown as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kv-cache_gemma-3-27b_131072x1_bf16.csv');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain('KV cache (attention and MLA),,,,,,,11173625856,');
  });

  test('keyboard: the token slider, typed batch and selects change the readout', async ({ page }) => {
    await open(page, EXPLORER, 'figure.kvcalc');
    const fig = calc(page);
    await fig.getByRole('slider', { name: 'Tokens per sequence (log scale)' }).focus();
    await page.keyboard.press('Home');
    await expect(readout(fig)).toContainText('Llama-3.1-8B, 1 token × 1 sequence');
    await page.keyboard.press('ArrowRight');
    await expect(readout(fig)).toContainText('2 tokens × 1 sequence');
    await fig.getByLabel('KV cache dtype').focus();
    await page.keyboard.press('ArrowDown');
    await expect(readout(fig)).toContainText('fp8 cache');
    await fig.getByLabel('Memory per GPU').selectOption('24');
    await expect(fig.locator('.kvcalc__solve')).toContainText('Longest context at 1 sequence');
  });

  test('an embedded copy starts from its preset and leaves the URL alone', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, '/architectures/multi-query-attention/', 'figure.kvcalc');
    const fig = calc(page);
    await expect(readout(fig)).toContainText('Falcon-7B, 2,048 tokens × 1 sequence, bf16 cache');
    await expect(fig.locator('.kvcalc__totals')).toContainText('16 MiB');
    await fig.getByRole('textbox', { name: 'Tokens (exact)' }).fill('4096');
    await fig.getByRole('textbox', { name: 'Tokens (exact)' }).press('Enter');
    await expect(readout(fig)).toContainText('4,096 tokens');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).search).toBe('');
    await expect(fig.getByRole('link', { name: 'Open the full calculator with these settings' })).toHaveAttribute(
      'href',
      /\/explore\/kv-cache\/\?model=falcon-7b&tokens=4096/,
    );
    expect(errors).toEqual([]);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, bypassCSP: true });
    test('axe: no violations on the calculator page and the home band', async ({ page }) => {
      await open(page, EXPLORER, 'figure.kvcalc');
      await calc(page)
        .getByText(/Sources for/)
        .click();
      await calc(page).getByText('Paste or upload a config.json').click();
      expect(await axeViolations(page)).toEqual([]);
      await open(page, '/', 'figure.kvc');
      await compare(page).getByText('Formulas with these numbers').click();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test.describe('360 px wide', () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test('no horizontal scroll on the calculator, an entry with it, and the home band', async ({ page }) => {
    for (const path of [EXPLORER, `${EXPLORER}?model=gemma-3-27b`, '/architectures/hybrid-ssm-attention/']) {
      await open(page, path, 'figure.kvcalc');
      expect(await horizontalOverflow(page), path).toBe(0);
    }
    await open(page, '/', 'figure.kvc');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

test.describe('screenshots (reports/screenshots)', () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`calculator and comparison at ${width} px, ${colorScheme}`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await open(page, `${EXPLORER}?model=gemma-3-27b`, 'figure.kvcalc');
        // Back to the top, so the sticky header sits where it belongs in the full-page shot.
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `kv-calculator-${width}-${colorScheme}`);
        await open(page, '/', 'figure.kvc');
        // Clip a full-page shot scrolled to the top, so the sticky header is not drawn over the widget.
        const box = await compare(page).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
        });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({
          path: `reports/screenshots/kv-compare-${width}-${colorScheme}.png`,
          fullPage: true,
          clip: box,
        });
        expect(errors).toEqual([]);
      });
    }
  }
});
