import { test, type Page } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, hydrated, screenshot, watchErrors } from './helpers';

const ENCODING_CHUNK = /\/(o200k_base|cl100k_base)\.[\w-]+\.js$/;

/** Records every request for an encoding chunk. */
function watchEncodings(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (ENCODING_CHUNK.test(new URL(r.url()).pathname)) urls.push(r.url());
  });
  return urls;
}

async function showWidget(page: Page, selector: string) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await hydrated(page);
}

async function loadTokenizer(page: Page) {
  await page.getByRole('button', { name: /Load the tokenizer/ }).click();
  await expect(page.getByTestId('count-o200k_base')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('count-cl100k_base')).toBeVisible({ timeout: 30_000 });
}

test.describe('tokenizer explorer', () => {
  test('loads the encodings only on demand and counts a known string exactly', async ({ page }) => {
    const errors = watchErrors(page);
    const chunks = watchEncodings(page);
    await page.goto('/explore/tokenizer/');
    await hydrated(page);
    const button = page.getByRole('button', { name: /Load the tokenizer/ });
    await expect(button).toHaveText('Load the tokenizer (≈ 1,467 KB)');
    await expect(page.locator('.tok .widget__readout')).toContainText('Tokens appear once the tokenizer is loaded');
    expect(chunks).toEqual([]);
    await loadTokenizer(page);
    expect(chunks).toHaveLength(2);
    await page.getByLabel('Text to tokenize').fill('hello world');
    await expect(page.getByTestId('count-o200k_base')).toHaveText('2 tokens');
    await expect(page.getByTestId('count-cl100k_base')).toHaveText('2 tokens');
    const o200k = page.getByRole('list', { name: 'o200k_base tokens' });
    await expect(o200k.getByRole('listitem')).toHaveText(['hello24912', '·world2375']);
    await expect(page.getByRole('list', { name: 'cl100k_base tokens' }).getByRole('listitem')).toHaveText([
      'hello15339',
      '·world1917',
    ]);
    await expect(page.locator('.tok .widget__readout')).toHaveText(
      '2 tokens in o200k_base and 2 in cl100k_base; 11 characters, 11 UTF-8 bytes. ' +
        '2 tokens cache 256 KiB of keys and values in Llama-3.1-8B (bf16, 128 KiB per token, one sequence).',
    );
    await expect(page.getByRole('link', { name: /Open these 2 tokens in the KV-cache calculator/ })).toHaveAttribute(
      'href',
      '/explore/kv-cache/?model=llama-3.1-8b&tokens=2',
    );
    expect(errors).toEqual([]);
  });

  test('focusing the text box starts loading; keyboard changes the model; the URL round-trips', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/explore/tokenizer/');
    await hydrated(page);
    await page.getByLabel('Text to tokenize').focus();
    await expect(page.getByTestId('count-o200k_base')).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Tokenization costs memory.');
    await expect(page.getByTestId('count-o200k_base')).toHaveText('5 tokens');
    const model = page.getByLabel('Model for the KV-cache figure');
    await model.focus();
    await model.selectOption('llama-2-7b');
    await expect(page.locator('.tok .widget__readout')).toContainText(
      '5 tokens cache 2.5 MiB of keys and values in Llama-2-7B',
    );
    await expect(page).toHaveURL(/text=Tokenization\+costs\+memory\.&model=llama-2-7b|model=llama-2-7b/);
    await page.reload();
    await hydrated(page);
    await expect(page.getByLabel('Text to tokenize')).toHaveValue('Tokenization costs memory.');
    await expect(model).toHaveValue('llama-2-7b');
    expect(errors).toEqual([]);
  });

  test('a bad model in the link falls back with a visible note', async ({ page }) => {
    await page.goto('/explore/tokenizer/?model=gpt-9');
    await hydrated(page);
    await expect(page.getByRole('list', { name: 'Notes' })).toContainText('Unknown model "gpt-9"');
  });
});

test.describe('PatchTokens', () => {
  test('on the ViT entry: keyboard moves the token, the encoder changes the counts, KV links are filled in', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/architectures/vision-transformer/');
    await showWidget(page, '.ptk');
    const readout = page.locator('.ptk .widget__readout');
    await expect(readout).toContainText('ViT-B/16 at 224 px: 14 × 14 = 196 patches + [CLS] = 197 tokens.');
    await expect(readout).toContainText('Position 1 of 0–196: patch 1 of 196, row 1 of 14, column 1 of 14');
    const slider = page.getByLabel('Token position');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(readout).toContainText('Position 2 of 0–196');
    await page.keyboard.press('Home');
    await expect(readout).toContainText('Position 0 is [CLS]');
    await page.getByLabel('Encoder', { exact: true }).selectOption('vit-l14-336');
    await expect(readout).toContainText('ViT-L/14 at 336 px (CLIP): 24 × 24 = 576 patches + [CLS] = 577 tokens');
    await expect(page.getByRole('link', { name: /open 576 tokens of Llama-2-7B/ })).toHaveAttribute(
      'href',
      '/explore/kv-cache/?model=llama-2-7b&tokens=576',
    );
    await expect(page.locator('.ptk__kv tbody tr').first()).toContainText('288 MiB');
    expect(errors).toEqual([]);
  });

  test('Qwen2-VL from a link: 1920 × 1080 becomes 2,691 tokens; typed sizes update it', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/architectures/vision-transformer/?patch.enc=qwen2-vl&patch.w=1920&patch.h=1080&patch.pos=5');
    await showWidget(page, '.ptk');
    const readout = page.locator('.ptk .widget__readout');
    await expect(readout).toContainText('merged 2×2 into 2,691 tokens, 2,693 with the two vision markers');
    await expect(readout).toContainText('Position 5 of 0–2,692');
    const width = page.getByLabel('Image width');
    await width.fill('224');
    await width.press('Enter');
    const height = page.getByLabel('Image height');
    await height.fill('224');
    await height.press('Enter');
    await expect(readout).toContainText('merged 2×2 into 64 tokens, 66 with the two vision markers');
    await expect(page).toHaveURL(/patch\.w=224&patch\.h=224/);
    await height.fill('0');
    await height.press('Enter');
    await expect(page.getByText('Image height must be an integer from 1 to 100,000')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('on the multimodal entry: LLaVA-1.5 puts 576 tokens in the sequence; bad links fall back with notes', async ({
    page,
  }) => {
    await page.goto('/architectures/multimodal/?patch.pos=x&patch.model=nope');
    await showWidget(page, '.ptk');
    await expect(page.locator('.ptk .widget__readout')).toContainText('become 576 image tokens in the LLM');
    await expect(page.locator('.ptk').getByRole('list', { name: 'Notes' })).toContainText('Unknown model "nope"');
    await expect(page.getByText("every layer's self-attention sees 584 positions")).toBeVisible();
  });
});

test.describe('header token count', () => {
  test('appears after typing in the search box and links to the tokenization entry', async ({ page }) => {
    const errors = watchErrors(page);
    const chunks = watchEncodings(page);
    await page.goto('/architectures/alibi/');
    await hydrated(page);
    expect(chunks).toEqual([]);
    await page.getByRole('combobox', { name: 'Search the atlas' }).fill('hello world');
    const count = page.getByRole('link', { name: /tokens? in o200k_base/ });
    await expect(count).toHaveText('2 tokens', { timeout: 30_000 });
    await expect(count).toHaveAttribute('href', '/architectures/tokenization/');
    expect(errors).toEqual([]);
  });
});

const AXE_PAGES: { path: string; widget: string; load?: boolean }[] = [
  { path: '/explore/tokenizer/', widget: '.tok', load: true },
  { path: '/architectures/tokenization/', widget: '.tok' },
  { path: '/architectures/vision-transformer/', widget: '.ptk' },
  { path: '/architectures/multimodal/?patch.enc=qwen2-vl', widget: '.ptk' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme, bypassCSP: true });
    for (const { path, widget, load } of AXE_PAGES) {
      test(`no violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        await showWidget(page, widget);
        if (load) await loadTokenizer(page);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
}

test.describe('360 px and screenshots', () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${width} px, ${colorScheme}`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        for (const { path, widget, load } of AXE_PAGES) {
          await page.goto(path);
          await showWidget(page, widget);
          if (load) await loadTokenizer(page);
          if (width === 360) expect(await horizontalOverflow(page)).toBe(0);
          const slug = path.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
          if (path !== '/architectures/tokenization/')
            await screenshot(page, `tokens-vision-${slug}-${width}-${colorScheme}`);
        }
        expect(errors).toEqual([]);
      });
    }
  }
});
