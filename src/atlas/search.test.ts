import { describe, expect, it } from 'vitest';
import { loadEntries } from './load';
import { buildSearchIndex, loadSearchIndex, searchEntries, toSearchDoc } from './search';

const index = buildSearchIndex(loadEntries().map((e) => toSearchDoc(e.facts, e.body)));
const top = (query: string, k = 5) => searchEntries(index, query, k).map((h) => h.slug);

describe('searchEntries', () => {
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

  it('completes a prefix while typing: "specul" → speculative decoding', () => {
    expect(top('specul')[0]).toBe('speculative-decoding');
  });

  it('returns nothing for a blank query', () => {
    expect(searchEntries(index, '   ')).toEqual([]);
  });

  it('survives a JSON round trip (the prebuilt index the browser loads)', () => {
    const restored = loadSearchIndex(JSON.stringify(index));
    expect(searchEntries(restored, 'grouped query')).toEqual(searchEntries(index, 'grouped query'));
  });
});
