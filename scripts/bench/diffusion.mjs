// Diffusion explorer: input → paint while the jax-js training Worker runs (the main thread must stay free: p95 ≤ 16 ms
// is the target), the main thread's CPU time per input (which, unlike wall time, does not grow when other
// processes compete for the 2 cores), the Worker's training speed in Chromium, the time to load jax-js, and
// main-thread sampling times with the shipped weights. Prints figures only, with the machine's load average.
import { loadavg } from 'node:os';
import { cpuTime, inputToPaint, summarize } from './harness.mjs';

export const name = 'diffusion (explore/diffusion)';

const FORWARD_SLIDER = `
  const el = document.querySelector('figure.dfwd input[type=range]');
  el.value = String(100 + ((i * 37) % 800));
  el.dispatchEvent(new Event('input', { bubbles: true }));`;
const TOY_SLIDER = `
  const el = [...document.querySelectorAll('figure.d2d input[type=range]')][0];
  el.value = String(2 + (i % 60));
  el.dispatchEvent(new Event('input', { bubbles: true }));`;

const NOOP = 'document.body.dataset.benchNoop = String(i);';

const load = () => `load average ${loadavg()[0].toFixed(1)} on this machine`;

async function ready(page) {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  await page.waitForSelector('figure.d2d .d2d__quality-value[data-quality]', { timeout: 60_000 });
}

/** Milliseconds from a sampler change to the finished run's quality figure (reduced motion: no animation frames). */
async function samplingTime(page, sampler, steps) {
  return page.evaluate(
    async ({ sampler, steps }) => {
      const toy = document.querySelector('figure.d2d');
      const radio = [...toy.querySelectorAll('input[type=radio]')].find((r) => r.value === sampler);
      const started = performance.now();
      radio.click();
      const slider = toy.querySelectorAll('input[type=range]')[0];
      slider.value = String(steps);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => {
          const status = toy.querySelector('[role=status]')?.textContent ?? '';
          if (status.includes(`${sampler.toUpperCase()}, ${steps} steps`) && status.includes('quality')) resolve();
          else setTimeout(check, 5);
        };
        setTimeout(check, 250);
      });
      return performance.now() - started;
    },
    { sampler, steps },
  );
}

export async function run({ baseUrl, browser }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${baseUrl}/explore/diffusion/`);
  await ready(page);

  console.log(load());
  console.log(`idle, a change that does nothing (harness floor): ${summarize(await inputToPaint(page, 40, NOOP))}`);
  console.log(`idle, forward-process slider: ${summarize(await inputToPaint(page, 60, FORWARD_SLIDER))}`);
  console.log(`idle, a change that does nothing, main-thread CPU: ${summarize(await cpuTime(page, 40, NOOP))}`);
  console.log(`idle, forward-process slider, main-thread CPU: ${summarize(await cpuTime(page, 60, FORWARD_SLIDER))}`);
  for (const [sampler, steps] of [
    ['ddpm', 100],
    ['ddim', 20],
  ]) {
    const ms = await samplingTime(page, sampler, steps);
    console.log(
      `sampling 400 points, ${sampler.toUpperCase()} ${steps} steps (incl. 200 ms debounce): ${ms.toFixed(0)} ms`,
    );
  }

  await page.selectOption('figure.d2d select', '10000');
  const clicked = Date.now();
  await page.click('figure.d2d button:has-text("Train live")');
  await page.waitForSelector('figure.d2d .d2d__status[data-status=training]', { timeout: 120_000 });
  console.log(`jax-js download + init in the Worker: ${Date.now() - clicked} ms`);
  await page.waitForFunction(
    () => Number(document.querySelector('figure.d2d .d2d__status')?.dataset.step) >= 50,
    null,
    {
      timeout: 120_000,
    },
  );

  const step0 = Number(await page.getAttribute('figure.d2d .d2d__status', 'data-step'));
  const t0 = Date.now();
  console.log(load());
  console.log(`while training, a change that does nothing: ${summarize(await inputToPaint(page, 40, NOOP))}`);
  console.log(`while training, forward-process slider: ${summarize(await inputToPaint(page, 100, FORWARD_SLIDER))}`);
  console.log(`while training, toy steps slider: ${summarize(await inputToPaint(page, 100, TOY_SLIDER))}`);
  console.log(
    `while training, forward-process slider, main-thread CPU: ${summarize(await cpuTime(page, 60, FORWARD_SLIDER))}`,
  );
  console.log(`while training, toy steps slider, main-thread CPU: ${summarize(await cpuTime(page, 60, TOY_SLIDER))}`);
  const step1 = Number(await page.getAttribute('figure.d2d .d2d__status', 'data-step'));
  const rate = (step1 - step0) / ((Date.now() - t0) / 1000);
  console.log(`training in the Worker (Chromium, wasm, batch 256): ${rate.toFixed(0)} steps/s during the measurement`);
  const loss = await page.getAttribute('figure.d2d .d2d__status', 'data-loss');
  console.log(`loss at step ${step1}: ${Number(loss).toFixed(3)}`);
  await page.click('figure.d2d button:has-text("Stop")');
  await page.waitForSelector('figure.d2d .d2d__status[data-status=stopped]', { timeout: 60_000 });
  await page.close();
}
