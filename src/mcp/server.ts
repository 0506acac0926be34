/**
 * The atlas as an MCP server: one factory for stdio, Streamable HTTP, tests and the in-page playground. It serves
 * both protocol eras (2026-07-28 stateless and 2025-11-25 initialize) through the SDK's entries (serveStdio,
 * createMcpHandler) and reads entries only through the AtlasSource it is given, so it runs in Node and the browser.
 */
import { McpServer } from '@modelcontextprotocol/server';
import { version } from '../../package.json';
import { registerPrompts } from './prompts';
import { registerResources } from './resources';
import type { AtlasSource } from './source';
import { registerTools } from './tools/index';

/** serverInfo of every instance. */
export const SERVER_INFO = { name: 'ai-architectures', title: 'AI Architectures atlas', version } as const;

/** What the server tells a host about itself (server/discover and initialize). */
export const INSTRUCTIONS = [
  'An atlas of modern AI architectures: attention variants (MHA, GQA, MQA, MLA, sliding window), MoE, state-space',
  'models, diffusion, RAG, MCP and more, plus exact calculators over published model configs.',
  'Find entries with search-atlas and read them with get-entry (or the atlas://entries/{slug} resource).',
  'For numbers, call estimate-kv-cache and count-parameters with a preset from list-models or any Hugging Face',
  'config.json, attention-mask for which tokens a token attends to, and compare-architectures for side-by-side facts.',
  'Every tool is read-only and deterministic; figures are exact and state their assumptions.',
].join(' ');

/** The atlas data never changes while a server runs: let hosts and shared caches keep list and read results. */
export const CACHE_HINTS = {
  'server/discover': { ttlMs: 3_600_000, cacheScope: 'public' },
  'tools/list': { ttlMs: 3_600_000, cacheScope: 'public' },
  'prompts/list': { ttlMs: 3_600_000, cacheScope: 'public' },
  'resources/list': { ttlMs: 3_600_000, cacheScope: 'public' },
  'resources/templates/list': { ttlMs: 3_600_000, cacheScope: 'public' },
  'resources/read': { ttlMs: 3_600_000, cacheScope: 'public' },
} as const;

/** A fresh server instance over `source` (the SDK asks for one per HTTP request or stdio connection). */
export function createServer(source: AtlasSource): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS, cacheHints: CACHE_HINTS });
  registerTools(server, source);
  registerResources(server, source);
  registerPrompts(server, source);
  return server;
}
