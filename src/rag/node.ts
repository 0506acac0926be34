/**
 * The retrieval index for Node callers (CLI, MCP, tests): built from the entries on disk with loadEntries() and kept
 * in memory, so the first call costs ~0.5 s and later calls nothing. Never imported by browser code.
 */
import { loadEntries, type Entry } from '../atlas/load';
import { sectionById } from '../atlas/sections';
import { buildRagFiles, loadRagIndex, type RagFiles, type RagIndex, type RagSource } from './store';

let cached: { files: RagFiles; index: RagIndex } | undefined;

/** Entries as index sources. */
export function ragSources(entries: readonly Entry[]): RagSource[] {
  return entries.map((e) => ({ facts: e.facts, body: e.body, sectionTitle: sectionById(e.facts.section).title }));
}

/** The three index files, built from the entries on disk (cached). */
export function atlasRagFiles(): RagFiles {
  cached ??= build();
  return cached.files;
}

/** The loaded index with dense model and texts (cached). */
export function atlasRagIndex(): RagIndex {
  cached ??= build();
  return cached.index;
}

function build(): { files: RagFiles; index: RagIndex } {
  const files = buildRagFiles(ragSources(loadEntries()));
  return { files, index: loadRagIndex(files) };
}
