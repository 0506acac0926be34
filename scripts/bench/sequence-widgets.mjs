// Sequence-mechanics widgets (issue 7 budget: input to repaint p95 ≤ 16 ms) on their entry pages: the main control of
// each (RoPE query position, SSM token, MLA step, MoE bias updates, dense-compute context). For each: `inputToPaint`
// (change → the frame after the next one has painted, as the harness defines it; its floor is two frames, ≈ 33 ms at
// 60 Hz) and the widget's own work (change → Preact render done, style and layout flushed), the figure to read against
// the 16 ms budget, and its main-thread CPU time (Chrome's ThreadTime through CDP, as the attention-patterns bench
// reads it), which unlike wall time does not grow when other processes compete for the CPU. Prints figures only.
import { cpuTime, inputToPaint, percentile, summarize, workTime } from './harness.mjs';

export const name = 'sequence-mechanics widgets (RoPE, SSM scan, MLA, MoE, dense compute)';

const COUNT = 60;

const WIDGETS = [
  {
    label: 'RoPE: query position',
    path: '/architectures/rope/',
    figure: 'figure.rope',
    control: 'Position m',
    max: 512,
  },
  {
    label: 'SSM scan: token',
    path: '/architectures/state-space-models/',
    figure: 'figure.ssm',
    control: 'Token',
    max: 23,
  },
  {
    label: 'MLA: step',
    path: '/architectures/multi-head-latent-attention/',
    figure: 'figure.mla',
    control: 'Step',
    max: 5,
  },
  {
    label: 'MoE: bias updates',
    path: '/architectures/mixture-of-experts/',
    figure: 'figure.moe',
    control: 'Bias updates',
    max: 100,
  },
  {
    label: 'Dense: context n_ctx',
    path: '/architectures/dense-transformer/',
    figure: 'figure.dense',
    control: 'Context n_ctx',
    max: 13,
  },
];

/** In the page: sets the widget's labelled range input to a new value derived from `i`, firing `input`. */
const change = (w) => `
  const label = [...document.querySelectorAll('${w.figure} label')].find((l) => l.textContent.trim() === '${w.control}');
  if (!label || !label.control) throw new Error('no control labelled ${w.control}');
  const el = label.control;
  const next = (i * 7 + 1) % (${w.max} + 1);
  el.value = String(next === Number(el.value) ? (next + 1) % (${w.max} + 1) : next);
  el.dispatchEvent(new Event('input', { bubbles: true }));
`;

async function open(page, baseUrl, w) {
  await page.goto(`${baseUrl}${w.path}`);
  await page.locator(w.figure).first().scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => {
    const island = document.querySelector(sel)?.closest('astro-island');
    return Boolean(island) && !island.hasAttribute('ssr');
  }, w.figure);
}

export async function run({ baseUrl, browser }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  try {
    await open(page, baseUrl, WIDGETS[0]);
    const noop = 'document.body.dataset.benchNoop = String(i);';
    const floor = await inputToPaint(page, COUNT, noop);
    console.log(`${'harness floor (no-op change)'.padEnd(28)} ${summarize(floor)}`);
    console.log(`${'CPU of a no-op change'.padEnd(28)} ${summarize(await cpuTime(page, COUNT, noop))}`);
    const p95s = [];
    const cpu95s = [];
    for (const w of WIDGETS) {
      await open(page, baseUrl, w);
      const paint = await inputToPaint(page, COUNT, change(w));
      const work = await workTime(page, COUNT, change(w), w.figure);
      const cpu = await cpuTime(page, COUNT, change(w));
      p95s.push(percentile(work, 95));
      cpu95s.push(percentile(cpu, 95));
      console.log(`${w.label.padEnd(28)} inputToPaint ${summarize(paint)}`);
      console.log(`${''.padEnd(28)} work         ${summarize(work)}`);
      console.log(`${''.padEnd(28)} CPU          ${summarize(cpu)}`);
    }
    console.log(
      `worst p95 of the widgets' work: ${Math.max(...p95s).toFixed(2)} ms, of their main-thread CPU per change ` +
        `(render, style, layout, paint of two frames): ${Math.max(...cpu95s).toFixed(2)} ms (budget 16 ms); ` +
        'inputToPaint above its floor means a frame was missed.',
    );
  } finally {
    await page.close();
  }
}
