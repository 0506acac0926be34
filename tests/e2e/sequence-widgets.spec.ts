/**
 * The five sequence-mechanics widgets in their entries: each hydrates, answers the keyboard on its main control with
 * a new readout, keeps its state in the URL, logs no console errors, passes axe in light and dark themes, fits 360 px
 * without horizontal scroll, and is screenshotted at 360 and 1280 px.
 */
import { createRequire } from 'node:module';
import { test, type Page } from '@playwright/test';
import { expect, horizontalOverflow, screenshot, watchErrors } from './helpers';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface WidgetCase {
  name: string;
  path: string;
  /** The widget's figure. */
  figure: string;
  /** Accessible name of the main slider. */
  slider: string;
  /** A query-string key the slider writes. */
  key: string;
}

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

/** Scrolls the widget into view (its island is client:visible) and waits until that island has hydrated. */
async function openWidget(page: Page, path: string, figure: string) {
  await page.goto(path);
  const widget = page.locator(figure).first();
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => {
    const island = document.querySelector(sel)?.closest('astro-island');
    return island !== null && island !== undefined && !island.hasAttribute('ssr');
  }, figure);
  return widget;
}

/** axe-core on the widget only (the rest of the page is covered by the site's own a11y spec). */
async function axeOn(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id} @ ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  }, selector);
}

for (const w of WIDGETS) {
  test.describe(`${w.name} widget`, () => {
    test('hydrates, answers the keyboard with a new readout, and keeps it in the URL', async ({ page }) => {
      const errors = watchErrors(page);
      const widget = await openWidget(page, w.path, w.figure);
      const readout = widget.locator('.widget__readout');
      const before = await readout.textContent();
      expect(before).toBeTruthy();
      const slider = widget.getByRole('slider', { name: w.slider });
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await expect(readout).not.toHaveText(before!);
      const after = await readout.textContent();
      expect(after).not.toContain('NaN');
      await expect.poll(() => new URL(page.url()).searchParams.get(w.key)).not.toBeNull();
      await page.goto(page.url());
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
    for (const w of WIDGETS) {
      test(`${w.name}: no violations`, async ({ page }) => {
        await openWidget(page, w.path, w.figure);
        expect(await axeOn(page, w.figure)).toEqual([]);
      });
    }
  });
}

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
