/**
 * Static files from dist/: path resolution that cannot escape the root, content types, caching and compression.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg', '.webmanifest']);

/**
 * Maps a request path to a file path inside `root`, or null when the path is malformed or would leave the root
 * (`..` segments, encoded or not, NUL bytes, backslashes).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const absRoot = resolve(root);
  const target = resolve(join(absRoot, decoded));
  return target === absRoot || target.startsWith(absRoot + sep) ? target : null;
}

export interface StaticFile {
  path: string;
  body: Buffer;
  type: string;
  mtimeMs: number;
}

/** Reads a file or a directory's index.html; null when there is none. */
export async function readStatic(path: string): Promise<StaticFile | null> {
  try {
    let info = await stat(path);
    let file = path;
    if (info.isDirectory()) {
      file = join(path, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    return {
      path: file,
      body: await readFile(file),
      type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      mtimeMs: info.mtimeMs,
    };
  } catch {
    return null;
  }
}

/** Whether a directory exists at `path` (used for the trailing-slash redirect). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Hashed build assets never change under the same name: cache them for a year. */
export function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const compressed = new Map<string, Buffer>();

/** Brotli or gzip for text types when the client accepts it; memoised per file version. */
export function negotiateEncoding(
  file: StaticFile,
  acceptEncoding: string | undefined,
): { body: Buffer; encoding?: 'br' | 'gzip' } {
  if (!COMPRESSIBLE.has(extname(file.path)) || file.body.length < 512 || !acceptEncoding) return { body: file.body };
  const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : undefined;
  if (!encoding) return { body: file.body };
  const key = `${encoding}:${file.path}:${file.mtimeMs}`;
  let body = compressed.get(key);
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(file.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipSync(file.body, { level: 9 });
    compressed.set(key, body);
  }
  return { body, encoding };
}
