import type { APIRoute } from 'astro';
import { ragFiles } from './_files';

/** The chunks part of the retrieval index (src/rag/store.ts), prebuilt at build time and fetched lazily. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await ragFiles()).chunks), { headers: { 'Content-Type': 'application/json' } });
