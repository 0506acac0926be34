/**
 * The playground's linkable state (protocol era and selected tool) and its URL form. Kept apart from model.ts so the
 * closed playground ships only this: everything else loads with the session.
 */

export type Era = 'modern' | 'legacy';

/** The atlas tools, in tools/list order. */
export const TOOL_NAMES = [
  'search-atlas',
  'get-entry',
  'estimate-kv-cache',
  'count-parameters',
  'attention-mask',
  'compare-architectures',
  'list-models',
] as const;

/** The tool the playground selects first. */
export const DEFAULT_TOOL = 'attention-mask';

/** Restores era and tool from the URL; anything unknown falls back with a note. */
export function fromUrl(params: { get(name: string): string | null }): { era: Era; tool: string; notes: string[] } {
  const notes: string[] = [];
  const era = params.get('mcpEra');
  const tool = params.get('mcpTool');
  const validEra = era === 'modern' || era === 'legacy';
  if (era !== null && !validEra) notes.push(`mcpEra "${era}" is not modern or legacy; using modern`);
  const validTool = tool !== null && (TOOL_NAMES as readonly string[]).includes(tool);
  if (tool !== null && !validTool) notes.push(`mcpTool "${tool}" is not an atlas tool; using ${DEFAULT_TOOL}`);
  return { era: validEra ? era : 'modern', tool: validTool ? tool : DEFAULT_TOOL, notes };
}

/** The URL keys for a state (defaults are left out). */
export function toUrl(era: Era, tool: string): Record<string, string | undefined> {
  return { mcpEra: era === 'modern' ? undefined : era, mcpTool: tool === DEFAULT_TOOL ? undefined : tool };
}
