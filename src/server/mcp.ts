/**
 * The atlas MCP server over Streamable HTTP at /mcp on the site server (`npm start`, `ai-arch serve`). Stateless:
 * one fresh McpServer per request from the same factory as stdio, serving the 2026-07-28 and 2025-11-25 eras.
 * Guards, in order: exact path, Host allowlist (DNS rebinding: localhost, 127.0.0.1, [::1] plus configured names),
 * Origin (same-origin only unless configured), method (POST; OPTIONS for preflight), body size. A refused request
 * gets a JSON-RPC error body with 403 / 404 / 405 / 413.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, localhostAllowedHostnames, validateHostHeader } from '@modelcontextprotocol/server';
import { nodeAtlasSource } from '../mcp/nodeSource';
import { createServer } from '../mcp/server';
import type { AtlasSource } from '../mcp/source';
import type { Route } from './routes';

/** Where the endpoint lives. */
export const MCP_PATH = '/mcp';
/** Largest accepted request body: 1 MiB (a config.json is a few KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

const ALLOWED_HEADERS =
  'Content-Type, Accept, Authorization, MCP-Protocol-Version, Mcp-Method, Mcp-Name, Mcp-Session-Id';

export interface McpRouteOptions {
  /** Entries and search; defaults to the files on disk. */
  source?: AtlasSource;
  /**
   * Browser origins besides the site's own that may call /mcp (CORS), e.g. "http://localhost:5173".
   * Default: the comma-separated MCP_ALLOWED_ORIGINS environment variable.
   */
  allowedOrigins?: readonly string[];
  /**
   * Host names besides localhost, 127.0.0.1 and [::1] the endpoint answers to (for a server reached under another
   * name). Default: the comma-separated MCP_ALLOWED_HOSTS environment variable.
   */
  allowedHosts?: readonly string[];
  /** Request body limit in bytes (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "http://Example.com:80/" → "http://example.com"; undefined when `value` is not an http(s) origin. */
function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message } });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** The /mcp route for the site server. */
export function mcpRoute(options: McpRouteOptions = {}): Route {
  const source = options.source ?? nodeAtlasSource();
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const hosts = [...localhostAllowedHostnames(), ...(options.allowedHosts ?? listFromEnv('MCP_ALLOWED_HOSTS'))];
  const extraOrigins = new Set(
    (options.allowedOrigins ?? listFromEnv('MCP_ALLOWED_ORIGINS'))
      .map(normalizeOrigin)
      .filter((o): o is string => o !== undefined),
  );
  const handler = createMcpHandler(() => createServer(source), { maxRequestBodySize: maxBodyBytes });
  const node = toNodeHandler(handler, { maxRequestBodySize: maxBodyBytes });

  return {
    prefix: MCP_PATH,
    async handle(req: IncomingMessage, res: ServerResponse) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');
      const path = (req.url ?? '').split('?')[0];
      if (path !== MCP_PATH) return refuse(res, 404, `Not found: the MCP endpoint is ${MCP_PATH}`);

      const host = validateHostHeader(req.headers.host, hosts);
      if (!host.ok) return refuse(res, 403, `Forbidden: ${host.message}`);

      const origin = req.headers.origin;
      let cors: Record<string, string> = {};
      if (origin !== undefined) {
        const normalized = normalizeOrigin(origin);
        const own = normalizeOrigin(`http://${req.headers.host}`);
        const ownTls = normalizeOrigin(`https://${req.headers.host}`);
        const sameOrigin = normalized !== undefined && (normalized === own || normalized === ownTls);
        if (!sameOrigin && !(normalized && extraOrigins.has(normalized))) {
          return refuse(
            res,
            403,
            `Forbidden: Origin ${origin} is not allowed (same-origin only; see MCP_ALLOWED_ORIGINS)`,
          );
        }
        if (!sameOrigin && normalized) {
          cors = {
            'Access-Control-Allow-Origin': normalized,
            'Access-Control-Expose-Headers': 'Mcp-Session-Id, MCP-Protocol-Version',
            Vary: 'Origin',
          };
          for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
        }
      }

      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          Allow: 'POST, OPTIONS',
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
      if (req.method !== 'POST') {
        return refuse(res, 405, 'Method not allowed: this stateless endpoint accepts POST only', {
          Allow: 'POST, OPTIONS',
        });
      }
      const length = Number(req.headers['content-length']);
      if (Number.isFinite(length) && length > maxBodyBytes) {
        req.resume();
        return refuse(res, 413, `Payload too large: the limit is ${maxBodyBytes} bytes`, { Connection: 'close' });
      }
      await node(req, res);
    },
  };
}
