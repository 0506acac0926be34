#!/usr/bin/env node
// `npm run bench`: runs every benchmark module in scripts/bench/ (or the ones named on the command line) against the
// built site in headless Chromium and prints the figures. Each module exports `name` and `run({ baseUrl, browser })`,
// which prints its own lines. Nothing here asserts: budgets are read, not enforced.
import { readdirSync } from 'node:fs';
import { openSite } from './harness.mjs';

const only = process.argv.slice(2);
const modules = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.mjs') && f !== 'index.mjs' && f !== 'harness.mjs')
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')))
  .sort();

const site = await openSite();
try {
  for (const file of modules) {
    const bench = await import(new URL(file, import.meta.url).href);
    console.log(`\n## ${bench.name ?? file}`);
    await bench.run({ baseUrl: site.baseUrl, browser: site.browser });
  }
} finally {
  await site.close();
}
