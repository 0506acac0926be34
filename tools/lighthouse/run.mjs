#!/usr/bin/env node
// `npm run lighthouse`: builds nothing; serves the existing dist/ with the project's own server, runs Lighthouse in
// headless Chromium on the home page and one entry page, and prints the four category scores.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { register } from 'tsx/esm/api';

register();
const { startServer } = await import('../../src/server/server.ts');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PAGES = ['/', '/architectures/grouped-query-attention/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = await startServer({ port: 0, log: () => {} });
const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: FLAGS,
  userDataDir: mkdtempSync(join(tmpdir(), 'lighthouse-')),
});
let below = 0;
try {
  for (const path of PAGES) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const scores = CATEGORIES.map((c) => {
      const score = Math.round((result?.lhr.categories[c]?.score ?? 0) * 100);
      if (score < 100) below += 1;
      return `${c} ${score}`;
    });
    console.log(`${path.padEnd(42)} ${scores.join(' · ')}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(below ? `\n${below} score(s) below 100 (a report, not a gate).` : '\nAll scores 100.');
