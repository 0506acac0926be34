import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';

const INLINE = "document.documentElement.dataset.theme = 'dark';";
const HTML = `<!doctype html><html><head><script>${INLINE}</script></head><body>${'atlas '.repeat(200)}</body></html>`;

function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-dist-'));
  writeFileSync(join(root, 'index.html'), HTML);
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title>');
  mkdirSync(join(root, '_astro'));
  writeFileSync(join(root, '_astro', 'app.Ab12Cd.js'), 'export const x = 1;');
  mkdirSync(join(root, 'architectures', 'rope'), { recursive: true });
  writeFileSync(join(root, 'architectures', 'rope', 'index.html'), '<!doctype html><title>RoPE</title>');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

/** A raw request: the path is sent exactly as given (no URL normalisation). */
function raw(server: RunningServer, path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const { port } = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (done, fail) => {
      const req = request(
        { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', fail);
      req.end();
    },
  );
}

describe('site server', () => {
  let server: RunningServer;
  const logs: string[] = [];

  beforeAll(async () => {
    server = await startServer({ root: fixture(), port: 0, routes: [], log: (l) => logs.push(l) });
  });
  afterAll(() => server.close());

  it('binds to 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves index.html with security headers and a CSP that allows only its own inline script', async () => {
    const res = await raw(server, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/architectures/..%2f..%2fetc/passwd',
    '/..%5c..%5cwin.ini',
    '/%00',
    '/%E0%A4%A',
  ])('answers the traversal attempt %s with 404', async (path) => {
    const res = await raw(server, path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('Not found');
  });

  it('caches hashed assets immutably and pages not at all', async () => {
    const asset = await raw(server, '/_astro/app.Ab12Cd.js');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(server, '/')).headers['cache-control']).toBe('no-cache');
  });

  it('gives SVG its content type', async () => {
    expect((await raw(server, '/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('redirects a directory without its trailing slash', async () => {
    const res = await raw(server, '/architectures/rope');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/architectures/rope/');
  });

  it('serves the 404 page for a missing path', async () => {
    const res = await raw(server, '/architectures/nope/');
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('<title>Not found</title>');
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    const res = await raw(server, '/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('compresses text when the client accepts gzip', async () => {
    const res = await raw(server, '/', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(HTML);
  });

  it('logs one line per request', async () => {
    const before = logs.length;
    await raw(server, '/favicon.svg');
    await new Promise((r) => setTimeout(r, 20));
    expect(logs.slice(before)).toEqual([expect.stringMatching(/ GET \/favicon\.svg 200 [\d.]+ms$/)]);
  });
});

describe('startServer', () => {
  it('explains what to do when the site is not built', async () => {
    await expect(startServer({ root: mkdtempSync(join(tmpdir(), 'empty-')), port: 0, log: () => {} })).rejects.toThrow(
      'run `npm run build` first',
    );
  });
});
