/** Shared e2e helpers: console-error capture, hydration waits, axe, screenshots. */
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Collects console errors and uncaught exceptions; assert `errors` is empty at the end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * Waits until every island that should be hydrated by now is: all `client:load`/`client:idle` islands, and the
 * `client:visible` ones that intersect the viewport (off-screen ones hydrate only when scrolled to).
 * A click before hydration is lost.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('astro-island[ssr]')].every((island) => {
      if (island.getAttribute('client') !== 'visible') return false;
      // astro-island is display: contents, so its children carry the geometry.
      return [...island.children].every((child) => {
        const r = child.getBoundingClientRect();
        return r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth;
      });
    }),
  );
}

/**
 * Runs axe-core on the page, or only on the element matching `selector`, and returns the ids (and a target) of every
 * violation.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document | Element,
            opts: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const context = sel === undefined ? document : document.querySelector(sel)!;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id} @ ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  }, selector);
}

/** Width of the document beyond the viewport (0 when there is no horizontal scroll). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Full-page screenshot into reports/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('reports/screenshots', { recursive: true });
  await page.screenshot({ path: `reports/screenshots/${name}.png`, fullPage: true });
}

export { expect };
