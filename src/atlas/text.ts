/**
 * Text forms of an entry body: Markdown (for MCP resources and the CLI) and plain text (for search indexes).
 * Pure string functions, shared by the site build and Node.
 */

const SELF_CLOSING_OR_CLOSED = /\/>\s*$|<\/[A-Z][\w.]*>\s*$/;

/**
 * The body as plain Markdown: MDX import/export lines and component tags (live widgets on the site) are removed;
 * prose, formulas and code stay.
 */
export function bodyAsMarkdown(body: string): string {
  const out: string[] = [];
  let inFence = false;
  let inComponent = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence) {
      if (/^(import|export)\s/.test(line)) continue;
      if (inComponent) {
        if (SELF_CLOSING_OR_CLOSED.test(line)) inComponent = false;
        continue;
      }
      if (/^\s*<[A-Z]/.test(line)) {
        if (!SELF_CLOSING_OR_CLOSED.test(line)) inComponent = true;
        continue;
      }
    }
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Markdown to searchable plain text: formulas, link targets, emphasis and heading marks removed. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[*_`>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** GitHub-style heading anchor: "How it works" → "how-it-works". */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}
