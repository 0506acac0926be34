import { test, type Page } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, hydrated, screenshot, watchErrors } from './helpers';

const EXPLORER = '/explore/mcp/';
const fig = (page: Page) => page.locator('figure.mcpp').first();
const readout = (page: Page) => fig(page).locator('.widget__readout');

/** Loads the page, records which scripts it fetches, and opens the playground. */
async function openPlayground(page: Page, path = EXPLORER) {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(path);
  await fig(page).scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr]) figure.mcpp').first().waitFor();
  await hydrated(page);
  const before = scripts.filter((s) => /\/Session\.[\w-]+\.js$/.test(s));
  await fig(page).getByRole('button', { name: 'Open the playground' }).click();
  await expect(fig(page).getByRole('combobox', { name: 'Tool' })).toBeVisible({ timeout: 20_000 });
  return { before, scripts };
}

/** Fills the attention-mask form and calls it. */
async function callMask(page: Page, token: string) {
  const box = fig(page).getByRole('textbox', { name: /^token( required)?$/ });
  await box.fill(token);
  await box.press('Enter');
}

test.describe('MCP playground', () => {
  test('loads the SDK only when opened, lists tools, calls attention-mask from the form and logs every message', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const { before, scripts } = await openPlayground(page);
    expect(before).toEqual([]);
    expect(scripts.some((s) => /\/Session\.[\w-]+\.js$/.test(s))).toBe(true);

    const f = fig(page);
    await expect(f.locator('.mcpp__status')).toContainText('protocol 2026-07-28 (stateless');
    await expect(readout(page)).toContainText('7 tools, 42 resources and 2 prompts');
    await expect(f.getByRole('combobox', { name: 'Tool' }).locator('option')).toHaveText([
      'search-atlas',
      'get-entry',
      'estimate-kv-cache',
      'count-parameters',
      'attention-mask',
      'compare-architectures',
      'list-models',
    ]);
    await expect(f.getByRole('combobox', { name: 'Tool' })).toHaveValue('attention-mask');

    await callMask(page, '12');
    await expect(f.locator('.mcpp__text')).toContainText(
      'Token 12 can attend to tokens 8–12 (Sliding window, causal, n = 16).',
    );
    await expect(readout(page)).toHaveText(
      'attention-mask returned: Token 12 can attend to tokens 8–12 (Sliding window, causal, n = 16).',
    );

    const log = f.locator('.mcpp__entry');
    await expect(log.filter({ hasText: 'server/discover' }).first()).toBeVisible();
    const call = log.filter({ hasText: 'tools/call' }).filter({ hasText: 'attention-mask' }).first();
    await call.locator('summary').click();
    await expect(call.locator('.mcpp__headers')).toContainText('mcp-method');
    await expect(call.locator('.mcpp__headers')).toContainText('tools/call');
    await expect(call.locator('.mcpp__json')).toContainText('"token": 12');
    await expect(log.filter({ hasText: /HTTP 200 · result #\d+/ }).last()).toBeVisible();

    await callMask(page, '99');
    await expect(f.locator('.mcpp__badge')).toHaveText('isError');
    await expect(f.locator('.mcpp__text')).toContainText('token: must be an integer from 1 to 16 (n = 16), got 99');
    expect(errors).toEqual([]);
  });

  test('switches to the 2025-11-25 era (initialize over an in-memory pair) and keeps it in the URL', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openPlayground(page);
    const f = fig(page);
    await f.getByRole('radio', { name: '2025-11-25' }).check();
    await expect(f.locator('.mcpp__status')).toContainText(
      'protocol 2025-11-25 (initialize handshake, in-memory transport)',
    );
    await expect(
      f
        .locator('.mcpp__entry')
        .filter({ hasText: /initialize #\d+/ })
        .first(),
    ).toBeVisible();
    await expect(f.locator('.mcpp__entry').filter({ hasText: 'notifications/initialized (notification)' })).toHaveCount(
      1,
    );
    await callMask(page, '3');
    await expect(f.locator('.mcpp__text')).toContainText('Token 3 can attend to tokens 1–3');
    await expect(page).toHaveURL(/mcpEra=legacy/);
    expect(errors).toEqual([]);
  });

  test('restores era and tool from the URL, and notes bad values', async ({ page }) => {
    await openPlayground(page, `${EXPLORER}?mcpEra=legacy&mcpTool=estimate-kv-cache`);
    const f = fig(page);
    await expect(f.getByRole('combobox', { name: 'Tool' })).toHaveValue('estimate-kv-cache');
    await expect(f.getByRole('radio', { name: '2025-11-25' })).toBeChecked();
    await f.getByRole('button', { name: 'Call estimate-kv-cache' }).click();
    await expect(f.locator('.mcpp__text')).toContainText('Llama-3.1-8B: 17,179,869,184 bytes (16 GiB)');

    await page.goto(`${EXPLORER}?mcpEra=1999&mcpTool=rm`);
    await hydrated(page);
    await expect(fig(page).locator('.widget__notes')).toContainText(
      'mcpEra "1999" is not modern or legacy; using modern',
    );
  });

  test('talks to this site’s /mcp endpoint when served by ai-arch serve', async ({ page }) => {
    const errors = watchErrors(page);
    await openPlayground(page);
    const f = fig(page);
    const server = f.getByRole('combobox', { name: 'Server' });
    await expect(server.locator('option')).toHaveCount(2);
    await server.selectOption('endpoint');
    await expect(f.locator('.mcpp__status')).toContainText('at this site’s /mcp endpoint · protocol 2026-07-28');
    await f.getByRole('combobox', { name: 'Tool' }).selectOption('search-atlas');
    await f.getByRole('button', { name: 'Call search-atlas' }).click();
    await expect(f.locator('.mcpp__text')).toContainText('Grouped Query Attention (GQA) — grouped-query-attention');
    const entry = f
      .locator('.mcpp__entry')
      .filter({ hasText: /POST \/mcp · tools\/call/ })
      .first();
    await expect(entry).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('reads a resource and gets a prompt', async ({ page }) => {
    await openPlayground(page);
    const f = fig(page);
    await f.getByRole('radio', { name: 'Resources' }).check();
    const uri = f.getByRole('textbox', { name: 'URI to read' });
    await uri.fill('atlas://entries/rope');
    await f.getByRole('button', { name: 'Read resource' }).click();
    await expect(f.locator('.mcpp__text')).toContainText('# Rotary Position Embedding (RoPE)');
    await uri.fill('atlas://entries/nope');
    await f.getByRole('button', { name: 'Read resource' }).click();
    await expect(f.locator('.mcpp__text')).toContainText('(JSON-RPC error −32602)');
    await f.getByRole('radio', { name: 'Prompts' }).check();
    await f.getByRole('button', { name: 'Get prompt' }).click();
    await expect(f.locator('.mcpp__text')).toContainText('[embedded resource atlas://entries/mcp, text/markdown');
  });

  test('is embedded in the MCP entry and opens there', async ({ page }) => {
    await openPlayground(page, '/architectures/mcp/');
    await expect(readout(page)).toContainText('7 tools, 42 resources and 2 prompts');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`MCP playground, ${colorScheme}`, () => {
    test.use({ colorScheme, bypassCSP: true });
    test('axe reports no violations, closed and open with a result and an expanded log entry', async ({ page }) => {
      await page.goto(EXPLORER);
      await hydrated(page);
      expect(await axeViolations(page)).toEqual([]);
      await fig(page).getByRole('button', { name: 'Open the playground' }).click();
      await callMask(page, '9');
      await expect(fig(page).locator('.mcpp__text')).toContainText('Token 9');
      await fig(page).locator('.mcpp__entry summary').first().click();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test.describe('MCP playground at 360 px', () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test('does not scroll horizontally, open or closed', async ({ page }) => {
    await page.goto(EXPLORER);
    await hydrated(page);
    expect(await horizontalOverflow(page)).toBe(0);
    await fig(page).getByRole('button', { name: 'Open the playground' }).click();
    await callMask(page, '9');
    await expect(fig(page).locator('.mcpp__text')).toContainText('Token 9');
    await fig(page).locator('.mcpp__entry summary').first().click();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

test.describe('screenshots (reports/screenshots)', () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`MCP playground at ${width} px, ${colorScheme}`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(EXPLORER);
        await hydrated(page);
        await screenshot(page, `mcp-closed-${width}-${colorScheme}`);
        await fig(page).getByRole('button', { name: 'Open the playground' }).click();
        await callMask(page, '9');
        await expect(fig(page).locator('.mcpp__text')).toContainText('Token 9');
        await fig(page).locator('.mcpp__entry').filter({ hasText: 'tools/call' }).first().locator('summary').click();
        await screenshot(page, `mcp-open-${width}-${colorScheme}`);
        expect(errors).toEqual([]);
      });
    }
  }
});
