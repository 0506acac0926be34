/** Every atlas tool, registered in this order (tools/list order is deterministic). */
import type { McpServer } from '@modelcontextprotocol/server';
import type { AtlasSource } from '../source';
import { attentionMask } from './attentionMask';
import { compareArchitectures } from './compareArchitectures';
import { countParameters } from './countParameters';
import { registerAtlasTool, type AtlasTool } from './define';
import { estimateKvCache } from './estimateKvCache';
import { getEntry } from './getEntry';
import { listModels } from './listModels';
import { searchAtlas } from './searchAtlas';

/** The tools in registration order. */
export const TOOLS = [
  searchAtlas,
  getEntry,
  estimateKvCache,
  countParameters,
  attentionMask,
  compareArchitectures,
  listModels,
] as unknown as readonly AtlasTool[];

/** Registers every tool on `server`, reading entries from `source`. */
export function registerTools(server: McpServer, source: AtlasSource): void {
  for (const tool of TOOLS) registerAtlasTool(server, source, tool);
}
