/**
 * The Node server behind `npm start` and `ai-arch serve`: the static site from dist/ plus mounted routes
 * (/mcp, /api). Bound to 127.0.0.1 unless told otherwise; one log line per request on stderr; clean shutdown on
 * SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, inlineScriptHashes } from './csp';
import { defaultRoutes, type Route } from './routes';
import { cacheControl, isDirectory, negotiateEncoding, readStatic, resolveInside, type StaticFile } from './static';

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface ServerOptions {
  port?: number;
  host?: string;
  /** Directory to serve; defaults to the project's dist/. */
  root?: string;
  routes?: Route[];
  /** Where request log lines go; defaults to stderr. */
  log?: (line: string) => void;
  /** Install SIGINT/SIGTERM handlers (the CLI does; tests do not). */
  handleSignals?: boolean;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
  /** Resolves once the server has stopped. */
  closed: Promise<void>;
}

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
} as const;

const cspCache = new Map<string, string>();

function pageCsp(file: StaticFile): string {
  const key = `${file.path}:${file.mtimeMs}`;
  let csp = cspCache.get(key);
  if (!csp) {
    csp = contentSecurityPolicy(inlineScriptHashes(file.body.toString('utf8')));
    cspCache.set(key, csp);
  }
  return csp;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, file: StaticFile, urlPath: string): void {
  const { body, encoding } = negotiateEncoding(file, req.headers['accept-encoding']);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': file.type,
    'Content-Length': body.length,
    'Cache-Control': status === 200 ? cacheControl(urlPath) : 'no-cache',
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    ...(file.type.startsWith('text/html') ? { 'Content-Security-Policy': pageCsp(file) } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function notFound(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  const page = await readStatic(join(root, '404.html'));
  if (page) return send(req, res, 404, page, '/404.html');
  res.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...BASE_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  const target = resolveInside(root, urlPath);
  if (!target) return notFound(req, res, root);
  if (!urlPath.endsWith('/') && (await isDirectory(target))) {
    res.writeHead(301, { ...BASE_HEADERS, Location: `${urlPath}/` });
    res.end();
    return;
  }
  const file = await readStatic(target);
  if (!file) return notFound(req, res, root);
  send(req, res, 200, file, urlPath);
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const root = options.root ?? DIST_DIR;
  const routes = options.routes ?? defaultRoutes();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `no built site in ${root}: run \`npm run build\` first (or \`npm start\`, which builds and serves)`,
    );
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${new Date().toISOString()} ${req.method} ${req.url} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((r) => rawPath === r.prefix || rawPath.startsWith(`${r.prefix}/`));
    const work = route ? route.handle(req, res) : serveStatic(req, res, root, rawPath);
    Promise.resolve(work).catch((error: unknown) => {
      log(`error handling ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) res.writeHead(500, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal server error\n');
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, options.host ?? '127.0.0.1', () => done());
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  log(`AI Architectures at ${url}/ (serving ${root})`);

  let closing: Promise<void> | undefined;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((done) => (resolveClosed = done));
  const close = () => {
    closing ??= new Promise<void>((done) => {
      server.close(() => {
        resolveClosed();
        done();
      });
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2000).unref();
    });
    return closing;
  };
  if (options.handleSignals) {
    const stop = (signal: string) => {
      log(`${signal} received, shutting down`);
      void close();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  }
  return { url, server, close, closed };
}
