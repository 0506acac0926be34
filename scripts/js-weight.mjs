// What a built page ships as JavaScript before any user action: inline scripts, module scripts, island components
// and renderers, and everything they import statically. Dynamic import() targets load on demand and are excluded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.m?js)["']/g;

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

/** Gzip bytes of the JavaScript a page at `htmlFile` loads without user action; `dist` is the site root. */
export function pageJsWeight(dist, htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const { urls, inline } = entryScripts(html);
  const seen = new Set();
  const files = [];
  const visit = (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    const text = readFileSync(join(dist, url), 'utf8');
    files.push({ url, gzip: gz(text) });
    for (const m of text.matchAll(STATIC_IMPORT)) {
      const spec = m[1];
      const next = spec.startsWith('/') ? spec : new URL(spec, `http://x${url}`).pathname;
      visit(next);
    }
  };
  urls.forEach(visit);
  const inlineBytes = inline.reduce((sum, code) => sum + gz(code), 0);
  return { total: files.reduce((s, f) => s + f.gzip, 0) + inlineBytes, files, inlineBytes };
}
