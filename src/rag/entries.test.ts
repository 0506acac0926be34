import { describe, expect, it } from 'vitest';
import { searchEntries } from './entries';
import { atlasRagFiles } from './node';
import { loadRagIndex } from './store';

// The header search box loads only lexical.json: test exactly that.
const index = loadRagIndex({ lexical: JSON.parse(JSON.stringify(atlasRagFiles().lexical)) });
const top = (query: string, k = 5) => searchEntries(index, query, k).map((h) => h.slug);

describe('searchEntries (header search, type-ahead)', () => {
  it('finds GQA first from "grouped query"', () => {
    expect(top('grouped query')[0]).toBe('grouped-query-attention');
  });

  it('finds KV cache first, with GQA and MLA among the 8 results shown, from "kv cache memory"', () => {
    const hits = top('kv cache memory', 8);
    expect(hits[0]).toBe('kv-cache');
    expect(hits).toEqual(expect.arrayContaining(['grouped-query-attention', 'multi-head-latent-attention']));
  });

  it('finds entries by acronym: MoE, SSM, RoPE, MCP', () => {
    expect(top('MoE')[0]).toBe('mixture-of-experts');
    expect(top('SSM')[0]).toBe('state-space-models');
    expect(top('rope')[0]).toBe('rope');
    expect(top('mcp')[0]).toBe('mcp');
  });

  it('completes a prefix while typing: "specul" → speculative decoding, "flash att" → FlashAttention', () => {
    expect(top('specul')[0]).toBe('speculative-decoding');
    expect(top('flash att')[0]).toBe('flash-attention');
  });

  it('lists each entry once, with its title, kind, section and best chunk', () => {
    const hits = searchEntries(index, 'attention', 8);
    expect(new Set(hits.map((h) => h.slug)).size).toBe(hits.length);
    const gqa = searchEntries(index, 'grouped query')[0];
    expect(gqa).toMatchObject({
      title: 'Grouped Query Attention',
      acronym: 'GQA',
      kind: 'Attention Mechanism',
      section: 'Attention Mechanisms & Position Encodings',
    });
    expect(gqa?.chunkId.startsWith('grouped-query-attention#')).toBe(true);
  });

  it('returns nothing for a blank query or gibberish', () => {
    expect(searchEntries(index, '   ')).toEqual([]);
    expect(searchEntries(index, 'zzqx')).toEqual([]);
  });
});
