#!/usr/bin/env node
// Renders public/og.png (1200×630), the Open Graph image, from the site's own mark and type in headless Chromium.
// Run on demand (`node scripts/make-og-image.mjs`); the PNG is committed, so builds never need a browser.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const font = readFileSync('node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2').toString(
  'base64',
);
const cells = Array.from({ length: 64 }, (_, i) => {
  const [q, k] = [Math.floor(i / 8), i % 8];
  const on = k <= q && q - k < 4;
  return `<i style="opacity:${on ? 1 : 0.14}"></i>`;
}).join('');

const html = `<!doctype html><html><head><style>
@font-face { font-family: Inter; src: url(data:font/woff2;base64,${font}) format('woff2'); font-weight: 100 900; }
body { margin: 0; width: 1200px; height: 630px; font-family: Inter; background: #0d1015; color: #e9ecf2;
  display: grid; grid-template-columns: 1fr 360px; align-items: center; gap: 64px; padding: 0 88px; box-sizing: border-box; }
.eyebrow { color: #a5b4fc; font-size: 26px; font-weight: 650; letter-spacing: .08em; text-transform: uppercase; }
h1 { font-size: 92px; line-height: 1; letter-spacing: -.035em; margin: 20px 0 28px; font-weight: 760; }
p { font-size: 30px; line-height: 1.35; color: #a3abba; margin: 0; }
.grid { display: grid; grid-template-columns: repeat(8, 1fr); gap: 8px; }
.grid i { aspect-ratio: 1; border-radius: 7px; background: #a5b4fc; }
</style></head><body><div><div class="eyebrow">An interactive atlas</div><h1>AI Architectures</h1>
<p>Every entry explained and computed: attention, KV caches, MoE, state-space models and more.</p></div>
<div class="grid">${cells}</div></body></html>`;

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og.png' });
await browser.close();
console.log('wrote public/og.png');
