import type { APIRoute } from 'astro';
import { buildSearchIndex, toSearchDoc } from '../atlas/search';
import { getEntries } from '../components/catalogue';

/** The header search index, prebuilt at build time and fetched on the search box's first focus. */
export const GET: APIRoute = async () => {
  const entries = await getEntries();
  const index = buildSearchIndex(entries.map((e) => toSearchDoc(e.facts, e.body ?? '')));
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
