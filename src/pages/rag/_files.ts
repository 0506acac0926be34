/** The retrieval index files built once per site build from the content collection (the /rag/*.json endpoints). */
import { sectionById } from '../../atlas/sections';
import { buildRagFiles, type RagFiles } from '../../rag/store';
import { getEntries } from '../../components/catalogue';

let files: Promise<RagFiles> | undefined;

/** Builds the three files on first use and shares them between the endpoints. */
export function ragFiles(): Promise<RagFiles> {
  files ??= getEntries().then((entries) =>
    buildRagFiles(
      entries.map((e) => ({ facts: e.facts, body: e.body ?? '', sectionTitle: sectionById(e.facts.section).title })),
    ),
  );
  return files;
}
