/**
 * The MCP playground's engine, loaded on demand: the atlas's real MCP server (createServer over the build-time
 * snapshot) and the SDK's real client, running in the page. Modern era (2026-07-28): the client's Streamable HTTP
 * transport talks to createMcpHandler's fetch face, with no network. Legacy era (2025-11-25): an in-memory linked
 * pair with the initialize handshake. Either era can instead reach this site's own /mcp endpoint when the page is
 * served by `npm start`. Every message and HTTP header goes to `onLog`.
 */
import {
  Client,
  InMemoryTransport,
  StreamableHTTPClientTransport,
  type CallToolResult,
  type GetPromptResult,
  type Prompt,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplateType,
  type Tool,
} from '@modelcontextprotocol/client';
import { createMcpHandler } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { fetchAtlasSource } from '../browserSource';
import { createServer } from '../server';
import type { AtlasSource } from '../source';
import { tapFetch, tapTransport, type LogEntry } from './tap';

export type { LogEntry } from './tap';

// The site's Content-Security-Policy has no 'unsafe-eval': keep zod from probing for new Function().
z.config({ jitless: true });

export type Era = 'modern' | 'legacy';
/** Where the server runs: inside this page, or behind this site's /mcp endpoint. */
export type Target = 'page' | 'endpoint';

export interface SessionInfo {
  era: Era;
  target: Target;
  protocolVersion: string;
  server: { name: string; version: string };
  instructions: string;
  /** The URL the client talks to (virtual for the in-page modern server). */
  url: string | null;
}

export interface PlaygroundSession {
  info: SessionInfo;
  listTools(): Promise<Tool[]>;
  listResources(): Promise<Resource[]>;
  listResourceTemplates(): Promise<ResourceTemplateType[]>;
  listPrompts(): Promise<Prompt[]>;
  callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  readResource(uri: string): Promise<ReadResourceResult>;
  getPrompt(name: string, args: Record<string, string>): Promise<GetPromptResult>;
  close(): Promise<void>;
}

export interface OpenOptions {
  era: Era;
  target: Target;
  onLog: (entry: LogEntry) => void;
}

const CLIENT_INFO = { name: 'atlas-playground', version: '1.0.0' };
/** The in-page modern server's address: never fetched, only shown. */
const VIRTUAL_URL = 'http://in-page.invalid/mcp';

let source: Promise<AtlasSource> | undefined;

function atlasSource(): Promise<AtlasSource> {
  source ??= fetchAtlasSource();
  source.catch(() => (source = undefined));
  return source;
}

/** Whether this page's origin answers MCP at /mcp (true under `npm start`, false on a static host). */
export async function endpointAvailable(): Promise<boolean> {
  try {
    const response = await fetch('/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'server/discover',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 'probe',
        method: 'server/discover',
        params: {
          _meta: {
            'io.modelcontextprotocol/protocolVersion': '2026-07-28',
            'io.modelcontextprotocol/clientCapabilities': {},
          },
        },
      }),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { result?: { supportedVersions?: unknown } };
    return Array.isArray(body.result?.supportedVersions);
  } catch {
    return false;
  }
}

/** Connects a client to the atlas server in the chosen era and place. */
export async function openSession({ era, target, onLog }: OpenOptions): Promise<PlaygroundSession> {
  const started = performance.now();
  let seq = 0;
  const log = (entry: Omit<LogEntry, 'seq' | 'at'>) =>
    onLog({ ...entry, seq: ++seq, at: Math.round(performance.now() - started) });
  const client = new Client(CLIENT_INFO, {
    versionNegotiation: { mode: era === 'modern' ? { pin: '2026-07-28' } : 'legacy' },
  });
  let url: string | null = null;
  let cleanup: () => Promise<void> = async () => {};

  if (target === 'endpoint') {
    url = new URL('/mcp', window.location.href).href;
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { fetch: tapFetch((r) => fetch(r), log) }));
  } else if (era === 'modern') {
    const atlas = await atlasSource();
    const handler = createMcpHandler(() => createServer(atlas));
    url = VIRTUAL_URL;
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), { fetch: tapFetch((r) => handler.fetch(r), log) }),
    );
    cleanup = () => handler.close();
  } else {
    const atlas = await atlasSource();
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = createServer(atlas);
    await server.connect(tapTransport(serverSide, 'in', log));
    await client.connect(tapTransport(clientSide, 'out', log));
    cleanup = () => server.close();
  }

  const version = client.getServerVersion();
  return {
    info: {
      era,
      target,
      protocolVersion: client.getNegotiatedProtocolVersion() ?? (era === 'modern' ? '2026-07-28' : '2025-11-25'),
      server: { name: version?.name ?? 'unknown', version: version?.version ?? '' },
      instructions: client.getInstructions() ?? '',
      url,
    },
    listTools: async () => (await client.listTools()).tools,
    listResources: async () => (await client.listResources()).resources,
    listResourceTemplates: async () => (await client.listResourceTemplates()).resourceTemplates,
    listPrompts: async () => (await client.listPrompts()).prompts,
    callTool: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    readResource: (uri) => client.readResource({ uri }),
    getPrompt: (name, args) => client.getPrompt({ name, arguments: args }),
    close: async () => {
      await client.close();
      await cleanup();
    },
  };
}
