/**
 * The inference and application widgets in their entries (FlashTiles, speculative decoding, paged KV cache, ALiBi,
 * the tool-calling loop): each hydrates, answers the keyboard with a new readout, keeps its state in the URL, logs no
 * console errors, passes axe in light and dark themes, fits 360 px without horizontal scroll, and is screenshotted at
 * 360 and 1280 px. The tool-calling loop runs its scripted scenario end to end against the real MCP server in the
 * page, and once more with a model answering through a stubbed /api/chat.
 */
import { test } from '@playwright/test';
import { axeViolations, expect, horizontalOverflow, screenshot, watchErrors } from './helpers';
import { openWidget, widgetContract, type WidgetCase } from './widgetContract';

const WIDGETS: WidgetCase[] = [
  { name: 'flash', path: '/architectures/flash-attention/', figure: 'figure.flash', slider: 'Tile', key: 'flash.step' },
  {
    name: 'speculative',
    path: '/architectures/speculative-decoding/',
    figure: 'figure.spec',
    slider: 'Draft length γ',
    key: 'spec.k',
  },
  {
    name: 'paged',
    path: '/architectures/kv-cache/',
    figure: 'figure.paged',
    slider: 'Decoding step',
    key: 'paged.step',
  },
  { name: 'alibi', path: '/architectures/alibi/', figure: 'figure.alibi', slider: 'Head h', key: 'alibi.head' },
];

const TOOL = { path: '/architectures/tool-calling/', figure: 'figure.tc' };

widgetContract(WIDGETS);

test('FlashTiles: the last tile reports the match with naive attention', async ({ page }) => {
  const widget = await openWidget(page, '/architectures/flash-attention/', 'figure.flash');
  await widget.getByRole('slider', { name: 'Tile' }).focus();
  await page.keyboard.press('End');
  await expect(widget.locator('.widget__readout')).toContainText(
    'All 9 tiles done: the output matches naive attention',
  );
  await expect(widget.locator('.flash__table tbody tr')).toHaveCount(4);
});

test('speculative decoding plays its simulation forward', async ({ page }) => {
  const widget = await openWidget(page, '/architectures/speculative-decoding/', 'figure.spec');
  const rounds = widget.getByRole('slider', { name: 'Rounds simulated' });
  const start = await rounds.getAttribute('aria-valuetext');
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => rounds.getAttribute('aria-valuetext')).not.toBe(start);
  await widget.getByRole('button', { name: 'Pause' }).click();
});

test.describe('under reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('speculative decoding and paged KV offer no animation and say why', async ({ page }) => {
    for (const [path, figure] of [
      ['/architectures/speculative-decoding/', 'figure.spec'],
      ['/architectures/kv-cache/', 'figure.paged'],
    ]) {
      const widget = await openWidget(page, path!, figure!);
      await expect(widget.getByRole('button', { name: 'Play' })).toHaveCount(0);
      await expect(widget).toContainText('reduced motion');
    }
  });
});

test.describe('tool-calling loop', () => {
  test('loads the MCP engine only on the first step and runs the scripted scenario end to end', async ({ page }) => {
    const errors = watchErrors(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const widget = await openWidget(page, TOOL.path, TOOL.figure);
    const readout = widget.locator('.widget__readout');
    await expect(readout).toHaveText(
      'Step 1 of 5: the user asks “How much KV cache does Llama-3.1-8B need at 128k tokens?”',
    );
    expect(scripts.filter((s) => /\/(engine|session)\.[\w-]+\.js$/.test(s))).toEqual([]);

    const next = widget.getByRole('button', { name: 'Run step 2: list tools' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(readout).toContainText('Step 2 of 5: ai-architectures');
    await expect(readout).toContainText('lists 7 tools; estimate-kv-cache’s input schema is shown.');
    expect(scripts.some((s) => /\/engine\.[\w-]+\.js$/.test(s))).toBe(true);
    await expect(widget.getByRole('region', { name: 'Input schema of estimate-kv-cache' })).toContainText('"tokens"');

    await widget.getByRole('button', { name: 'Run all steps' }).click();
    await expect(readout).toHaveText(/^Step 5 of 5: Llama-3\.1-8B needs 16 GiB of KV cache for 131,072 tokens/);
    await expect(widget.locator('.tc__badge.is-scripted')).toHaveText('scripted — no language model configured');
    await expect(widget.getByRole('region', { name: 'The tool’s text result' })).toContainText(
      'Llama-3.1-8B: 17,179,869,184 bytes (16 GiB) of KV cache and state for 131,072 tokens',
    );
    await expect(widget.locator('.tc__answer')).toContainText('32 full-attention layers × 131,072 tokens');
    expect(errors).toEqual([]);
  });

  test('a scenario chosen with the keyboard is kept in the URL and runs its own tool', async ({ page }) => {
    const widget = await openWidget(page, TOOL.path, TOOL.figure);
    const select = widget.getByRole('combobox', { name: 'Question' });
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect(widget.locator('.widget__readout')).toContainText('Mixtral-8x7B');
    await expect.poll(() => new URL(page.url()).searchParams.get('tool.q')).toBe('params');
    await widget.getByRole('button', { name: 'Run all steps' }).click();
    await expect(widget.locator('.tc__answer')).toHaveText(
      'Mixtral-8x7B-v0.1 stores 46.7B parameters but each token passes through only 12.9B of them.',
    );
  });

  test('with a model configured, the call and the answer come from it (stubbed /api/chat)', async ({ page }) => {
    const errors = watchErrors(page);
    const bodies: { tools?: unknown[]; messages: { role: string }[] }[] = [];
    await page.route('**/api/chat/config', (route) =>
      route.fulfill({
        json: {
          proxy: true,
          server: { baseUrl: 'http://model.test/v1', model: 'stub-model', hasKey: false },
          ollama: { available: false },
        },
      }),
    );
    await page.route('**/api/chat', async (route) => {
      const body = route.request().postDataJSON() as (typeof bodies)[number];
      bodies.push(body);
      const message = body.tools
        ? {
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'estimate-kv-cache', arguments: '{"model":"llama-3.1-8b","tokens":8192}' },
              },
            ],
          }
        : { content: 'At 8,192 tokens the cache takes 1 GiB (stub).' };
      await route.fulfill({ json: { choices: [{ message, finish_reason: body.tools ? 'tool_calls' : 'stop' }] } });
    });
    const widget = await openWidget(page, TOOL.path, TOOL.figure);
    await widget.getByRole('button', { name: 'Run all steps' }).click();
    await expect(widget.locator('.tc__answer')).toHaveText('At 8,192 tokens the cache takes 1 GiB (stub).');
    await expect(widget.locator('.tc__badge.is-model').first()).toHaveText('stub-model at http://model.test/v1');
    await expect(widget.getByRole('region', { name: 'The tool’s text result' })).toContainText(
      '1,073,741,824 bytes (1 GiB)',
    );
    expect(bodies).toHaveLength(2);
    expect(bodies[0]!.tools).toHaveLength(7);
    expect(bodies[1]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(errors).toEqual([]);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`tool calling, ${colorScheme} theme`, () => {
    test.use({ colorScheme, bypassCSP: true });
    test('axe finds no violations after a whole loop', async ({ page }) => {
      const widget = await openWidget(page, TOOL.path, TOOL.figure);
      await widget.getByRole('button', { name: 'Run all steps' }).click();
      await expect(widget.locator('.tc__answer')).not.toBeEmpty();
      expect(await axeViolations(page, TOOL.figure)).toEqual([]);
    });
  });
}

test.describe('360 px wide', () => {
  test.use({ viewport: { width: 360, height: 780 } });
  for (const { path, figure } of [...WIDGETS, TOOL]) {
    test(`${path} does not scroll horizontally`, async ({ page }) => {
      const widget = await openWidget(page, path, figure);
      if (figure === TOOL.figure) {
        await widget.getByRole('button', { name: 'Run all steps' }).click();
        await expect(widget.locator('.tc__answer')).not.toBeEmpty();
      }
      expect(await horizontalOverflow(page)).toBe(0);
    });
  }
});

test.describe('screenshots (reports/screenshots)', () => {
  // The sticky site header would sit over tall widgets in element screenshots; an inline style needs CSP bypassed.
  test.use({ bypassCSP: true });
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`inference widgets at ${width} px, ${colorScheme}`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        for (const w of [...WIDGETS, { ...TOOL, name: 'tool-calling' }]) {
          const widget = await openWidget(page, w.path, w.figure);
          if (w.figure === TOOL.figure) {
            await widget.getByRole('button', { name: 'Run all steps' }).click();
            await expect(widget.locator('.tc__answer')).not.toBeEmpty();
          }
          await screenshot(page, `inf-${w.name}-page-${width}-${colorScheme}`);
          await page.addStyleTag({ content: '.site-header { position: static !important; }' });
          await widget.screenshot({ path: `reports/screenshots/inf-${w.name}-${width}-${colorScheme}.png` });
        }
        expect(errors).toEqual([]);
      });
    }
  }
});
