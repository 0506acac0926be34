/**
 * Resources: atlas://entries (the index, JSON), atlas://entries/{slug} (one entry as Markdown; listed and
 * completable) and atlas://models/{id} (a preset as JSON with its sources). A missing entry or model is a
 * ResourceNotFoundError (−32602), never empty contents. Data is static, so results carry long cache hints.
 */
import { ResourceNotFoundError, ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import { sectionById } from '../atlas/sections';
import { PRESET_IDS, getPreset } from '../models/presets';
import { entryMarkdown } from './markdown';
import type { AtlasSource } from './source';
import { completeSlug } from './tools/slugs';
import { ENTRIES_URI, ENTRY_TEMPLATE, MODEL_TEMPLATE, entryPath, entryUri, modelUri } from './tools/uris';

/** A variable of a matched URI template as one string (templates may yield arrays). */
function variable(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

/** The atlas://entries index as JSON. */
export function entriesIndex(source: AtlasSource) {
  return source.entries.map((e) => ({
    slug: e.facts.slug,
    title: e.title,
    section: sectionById(e.facts.section).title,
    kind: e.facts.kind,
    summary: e.facts.summary.replace(/\s+/g, ' ').trim(),
    uri: entryUri(e.facts.slug),
    path: entryPath(e.facts.slug),
  }));
}

/** Registers the three resources on `server`. */
export function registerResources(server: McpServer, source: AtlasSource): void {
  server.registerResource(
    'entries',
    ENTRIES_URI,
    {
      title: 'Atlas index',
      description: 'Every atlas entry: slug, title, section, kind, summary and its resource URI, in catalogue order.',
      mimeType: 'application/json',
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(entriesIndex(source), null, 2) }],
    }),
  );

  server.registerResource(
    'entry',
    new ResourceTemplate(ENTRY_TEMPLATE, {
      list: async () => ({
        resources: source.entries.map((e) => ({
          uri: entryUri(e.facts.slug),
          name: e.facts.slug,
          title: e.title,
          description: e.facts.summary.replace(/\s+/g, ' ').trim(),
          mimeType: 'text/markdown',
        })),
      }),
      complete: { slug: (value) => completeSlug(source, value) },
    }),
    {
      title: 'Atlas entry',
      description: 'One atlas entry as Markdown: facts, explanation, examples and references.',
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const entry = source.entry(variable(variables.slug));
      if (!entry) throw new ResourceNotFoundError(uri.href);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: entryMarkdown(entry) }] };
    },
  );

  server.registerResource(
    'model',
    new ResourceTemplate(MODEL_TEMPLATE, {
      list: async () => ({
        resources: PRESET_IDS.map((id) => ({
          uri: modelUri(id),
          name: id,
          title: getPreset(id)?.name ?? id,
          mimeType: 'application/json',
        })),
      }),
      complete: { id: (value) => PRESET_IDS.filter((id) => id.startsWith(value.trim().toLowerCase())) },
    }),
    {
      title: 'Model preset',
      description: 'One model preset as JSON: shape, published and computed parameter counts, caveats and sources.',
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const preset = getPreset(variable(variables.id));
      if (!preset) throw new ResourceNotFoundError(uri.href);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(preset, null, 2) }] };
    },
  );
}
