/**
 * The atlas MCP server on stdio (`ai-arch mcp`): serveStdio picks the protocol era from the opening exchange
 * (server/discover for 2026-07-28, initialize for 2025-11-25) and pins one instance per connection. stdout carries
 * only JSON-RPC; diagnostics go to stderr. Resolves `closed` when stdin ends.
 */
import type { Readable, Writable } from 'node:stream';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { nodeAtlasSource } from './nodeSource';
import { createServer } from './server';
import type { AtlasSource } from './source';
import { AtlasStdioTransport } from './stdioTransport';

export interface StdioOptions {
  input?: Readable;
  output?: Writable;
  source?: AtlasSource;
  /** Where diagnostics go; defaults to stderr. */
  log?: (line: string) => void;
}

/** Serves the atlas on stdin/stdout (or the given streams) until the input closes. */
export function serveAtlasStdio(options: StdioOptions = {}): { closed: Promise<void>; close(): Promise<void> } {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const source = options.source ?? nodeAtlasSource();
  const transport = new AtlasStdioTransport(options.input ?? process.stdin, options.output ?? process.stdout);
  const handle = serveStdio(() => createServer(source), {
    transport,
    onerror: (error) => log(`mcp: ${error.message}`),
  });
  return { closed: transport.closed, close: () => handle.close() };
}
