import type { APIRoute } from 'astro';
import { getEntries } from '../../../components/catalogue';
import { toAtlasEntry } from '../../../mcp/entries';
import type { AtlasSnapshot } from '../../../mcp/source';

/** The entries as the MCP playground's in-page server serves them (facts + Markdown), fetched on "Open". */
export const GET: APIRoute = async () => {
  const entries = await getEntries();
  const snapshot: AtlasSnapshot = { entries: entries.map((e) => toAtlasEntry(e.facts, e.body ?? '')) };
  return new Response(JSON.stringify(snapshot), { headers: { 'Content-Type': 'application/json' } });
};
