/**
 * The five sequence-mechanics widgets in their entries: each hydrates, answers the keyboard on its main control with
 * a new readout, keeps its state in the URL, logs no console errors, passes axe in light and dark themes, fits 360 px
 * without horizontal scroll, and is screenshotted at 360 and 1280 px.
 */
import { test } from '@playwright/test';
import { expect, horizontalOverflow, screenshot, watchErrors } from './helpers';
import { openWidget, widgetContract, type WidgetCase } from './widgetContract';

const WIDGETS: WidgetCase[] = [
  { name: 'rope', path: '/architectures/rope/', figure: 'figure.rope', slider: 'Position m', key: 'rope.pos' },
  {
    name: 'ssm',
    path: '/architectures/state-space-models/',
    figure: 'figure.ssm',
    slider: 'Token',
    key: 'ssm.step',
  },
  {
    name: 'ssm-hybrid',
    path: '/architectures/hybrid-ssm-attention/',
    figure: 'figure.ssm',
    slider: 'Token',
    key: 'ssm.step',
  },
  {
    name: 'mla',
    path: '/architectures/multi-head-latent-attention/',
    figure: 'figure.mla',
    slider: 'Step',
    key: 'mla.step',
  },
  {
    name: 'moe',
    path: '/architectures/mixture-of-experts/',
    figure: 'figure.moe',
    slider: 'Bias updates',
    key: 'moe.step',
  },
  {
    name: 'moe-dense',
    path: '/architectures/dense-transformer/',
    figure: 'figure.moe',
    slider: 'Bias updates',
    key: 'moe.step',
  },
  {
    name: 'dense',
    path: '/architectures/dense-transformer/',
    figure: 'figure.dense',
    slider: 'Context n_ctx',
    key: 'dense.ctx',
  },
];

widgetContract(WIDGETS);

test('SSM scan: the memory table compares the three presets and follows the length select', async ({ page }) => {
  const widget = await openWidget(page, '/architectures/state-space-models/', 'figure.ssm');
  const table = widget.locator('table');
  await expect(table).toContainText('Llama-3.1-8B');
  await expect(table).toContainText('16 GiB');
  await widget.getByLabel('Sequence length T').selectOption('1048576');
  await expect(table).toContainText('128 GiB');
  await expect(table).toContainText('23.8 MiB');
});

test.describe('RoPE under reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('offers no animation and says why', async ({ page }) => {
    const widget = await openWidget(page, '/architectures/rope/', 'figure.rope');
    await expect(widget.getByRole('button', { name: 'Play' })).toHaveCount(0);
    await expect(widget).toContainText('reduced motion');
  });
});

test('RoPE plays: the query position advances on its own', async ({ page }) => {
  const widget = await openWidget(page, '/architectures/rope/', 'figure.rope');
  const slider = widget.getByRole('slider', { name: 'Position m' });
  const start = Number(await slider.inputValue());
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(start);
  await widget.getByRole('button', { name: 'Pause' }).click();
});

test.describe('360 px wide', () => {
  test.use({ viewport: { width: 360, height: 780 } });
  for (const path of [...new Set(WIDGETS.map((w) => w.path))]) {
    test(`${path} does not scroll horizontally`, async ({ page }) => {
      for (const w of WIDGETS.filter((x) => x.path === path)) await openWidget(page, path, w.figure);
      expect(await horizontalOverflow(page)).toBe(0);
    });
  }
});

test.describe('screenshots (reports/screenshots)', () => {
  // The sticky site header would sit over tall widgets in element screenshots; an inline style needs CSP bypassed.
  test.use({ bypassCSP: true });
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`sequence widgets at ${width} px, ${colorScheme}`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        for (const w of WIDGETS.filter((x) => !x.name.includes('-'))) {
          const widget = await openWidget(page, w.path, w.figure);
          await screenshot(page, `seq-${w.name}-page-${width}-${colorScheme}`);
          await page.addStyleTag({ content: '.site-header { position: static !important; }' });
          await widget.screenshot({ path: `reports/screenshots/seq-${w.name}-${width}-${colorScheme}.png` });
        }
        expect(errors).toEqual([]);
      });
    }
  }
});
