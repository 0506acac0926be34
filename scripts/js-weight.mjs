// What a built page ships as JavaScript before any user action: inline scripts, module scripts, island components
// and renderers, and everything they import statically. Dynamic import() targets load on demand and are excluded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.m?js)["']/g;
/** Vite's worker reference: new Worker(new URL("/_astro/x.js", import.meta.url)). */
const WORKER_URL = /new\s+Worker\(\s*new\s+URL\(\s*["']([^"']+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.m?js)["']\s*\)/g;

function gz(text) {
  return gzipSync(text, { level: 9 }).length;
}

function entryScripts(html) {
  const urls = new Set();
  const inline = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1] ?? '');
    if (src) urls.add(src[1]);
    else if (!/type="application\/(ld\+)?json"/.test(m[1] ?? '') && (m[2] ?? '').trim()) inline.push(m[2]);
  }
  for (const m of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]);
  return { urls: [...urls].filter((u) => u.startsWith('/')), inline };
}

/**
 * Gzip bytes of the JavaScript a page at `htmlFile` loads without user action; `dist` is the site root. With
 * `{ workers: true }` it also counts the Web Workers the page's scripts can start and everything those workers
 * import, statically or dynamically (e.g. a training Worker and the jax-js chunks it loads on demand).
 */
export function pageJsWeight(dist, htmlFile, { workers = false } = {}) {
  const html = readFileSync(htmlFile, 'utf8');
  const { urls, inline } = entryScripts(html);
  const seen = new Set();
  const files = [];
  const visit = (url, inWorker = false) => {
    if (seen.has(url)) return;
    seen.add(url);
    const text = readFileSync(join(dist, url), 'utf8');
    files.push({ url, gzip: gz(text) });
    const resolve = (spec) => (spec.startsWith('/') ? spec : new URL(spec, `http://x${url}`).pathname);
    for (const m of text.matchAll(STATIC_IMPORT)) visit(resolve(m[1]), inWorker);
    if (workers) for (const m of text.matchAll(WORKER_URL)) visit(resolve(m[1]), true);
    if (inWorker) for (const m of text.matchAll(DYNAMIC_IMPORT)) visit(resolve(m[1]), true);
  };
  urls.forEach((url) => visit(url));
  const inlineBytes = inline.reduce((sum, code) => sum + gz(code), 0);
  return { total: files.reduce((s, f) => s + f.gzip, 0) + inlineBytes, files, inlineBytes };
}
