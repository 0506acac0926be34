/**
 * Every entry carries at least one live widget: an island (`<Name client:… />`) whose component is imported from
 * src/widgets. Read from the MDX bodies, the same files the site, search and MCP use.
 */
import { describe, expect, it } from 'vitest';
import { loadEntries } from './load';

const ISLAND = /^<([A-Z]\w*)\s[^>]*\bclient:(load|idle|visible|media|only)\b/gm;
/** `import { X } from '../../widgets/X/X';` or the default form `import X from …`. */
const WIDGET_IMPORT = /^import\s+(?:\{\s*(\w+)\s*\}|(\w+))\s+from\s+'\.\.\/\.\.\/widgets\/\w+\/\w+';$/gm;

/** The widget islands an entry body embeds: components imported from src/widgets and rendered with client:. */
function widgetIslands(body: string): string[] {
  const imported = new Set([...body.matchAll(WIDGET_IMPORT)].map((m) => m[1] ?? m[2]));
  return [...body.matchAll(ISLAND)].map((m) => m[1] as string).filter((name) => imported.has(name));
}

describe('live widgets in the atlas', () => {
  const entries = loadEntries();

  it('the atlas has 22 entries', () => {
    expect(entries).toHaveLength(22);
  });

  it.each(entries.map((e) => [e.facts.slug, e.body] as const))(
    '%s embeds at least one widget island',
    (_slug, body) => {
      expect(widgetIslands(body).length).toBeGreaterThan(0);
    },
  );

  it('the inference and application entries carry the widgets of issue 9', () => {
    const bySlug = new Map(entries.map((e) => [e.facts.slug, widgetIslands(e.body)]));
    expect(bySlug.get('flash-attention')).toEqual(expect.arrayContaining(['FlashTiles', 'AttentionPatterns']));
    expect(bySlug.get('speculative-decoding')).toContain('SpeculativeDecoding');
    expect(bySlug.get('kv-cache')).toEqual(expect.arrayContaining(['PagedKvCache', 'KvCacheCalculator']));
    expect(bySlug.get('alibi')).toContain('AlibiBias');
    expect(bySlug.get('tool-calling')).toContain('ToolCalling');
    expect(bySlug.get('mcp')).toContain('McpPlayground');
    expect(bySlug.get('rag')).toContain('AskAtlas');
  });

  it('finds islands only for imported widgets', () => {
    const body =
      "import { A } from '../../widgets/A/A';\nimport C from '../../widgets/C/C';\n\n<A client:visible />\n" +
      '<B client:load />\n<C client:visible x="1" />\n';
    expect(widgetIslands(body)).toEqual(['A', 'C']);
  });
});
