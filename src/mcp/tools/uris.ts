/** The atlas's MCP resource URIs and site paths, in one place. */

/** The index of every entry (JSON). */
export const ENTRIES_URI = 'atlas://entries';
/** One entry as Markdown. */
export const ENTRY_TEMPLATE = 'atlas://entries/{slug}';
/** One model preset as JSON, with its sources. */
export const MODEL_TEMPLATE = 'atlas://models/{id}';

/** atlas://entries/<slug> */
export const entryUri = (slug: string): string => `atlas://entries/${slug}`;
/** atlas://models/<id> */
export const modelUri = (id: string): string => `atlas://models/${id}`;
/** The entry's page on the site: /architectures/<slug>/ */
export const entryPath = (slug: string): string => `/architectures/${slug}/`;
