import { nodeAtlasSource } from '../../mcp/nodeSource';
import { serveAtlasStdio } from '../../mcp/stdio';
import { parseFlags } from '../args';
import type { Command } from '../command';

export const mcp: Command = {
  name: 'mcp',
  summary: 'Serve the atlas as an MCP server on stdio (protocol 2026-07-28 and 2025-11-25)',
  usage:
    'ai-arch mcp   (JSON-RPC on stdin/stdout, logs on stderr; exits when stdin closes. ' +
    'Over HTTP, `ai-arch serve` answers at /mcp.)',
  async run(argv) {
    parseFlags(argv, {});
    const source = nodeAtlasSource();
    process.stderr.write(`ai-arch mcp: ${source.entries.length} entries on stdio; waiting for a client\n`);
    await serveAtlasStdio({ source }).closed;
    return 0;
  },
};
