import type { APIRoute } from 'astro';
import { getEntries } from '../../components/catalogue';

/** Every entry's validated facts as the site built them (a test checks src/atlas/load.ts agrees). */
export const GET: APIRoute = async () => {
  const entries = await getEntries();
  return new Response(JSON.stringify(entries.map((e) => e.facts)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
