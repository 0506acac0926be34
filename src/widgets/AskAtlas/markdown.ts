/**
 * A tiny, safe Markdown subset for answers: paragraphs, bullet and numbered lists, **bold**, *italic*, `code` and
 * citation markers ([3] or [kv-cache#how-it-works]). The result is plain data that the component renders as text
 * nodes — never HTML — so nothing a model or a question contains can run. Links in model output are reduced to their
 * text; the only links on the page are citations, whose URLs come from the index, not from the model.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'cite'; n: number; url: string; label: string };

export type Block = { type: 'p'; inlines: Inline[] } | { type: 'ul' | 'ol'; items: Inline[][] };

/** Resolves a citation marker's content ("3" or "kv-cache#how-it-works") to a numbered source, or null. */
export type CiteResolver = (ref: string) => { n: number; url: string; label: string } | null;

const INLINE =
  /(\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`|\[[^\]\n]{1,200}\](?:\((?:[^()\s]|\([^()\s]*\))*\))?|(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*]))/;

function inlines(text: string, cite: CiteResolver): Inline[] {
  const out: Inline[] = [];
  const push = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += t;
    else out.push({ type: 'text', text: t });
  };
  let rest = text;
  let m: RegExpExecArray | null;
  while ((m = INLINE.exec(rest))) {
    push(rest.slice(0, m.index));
    const token = m[0];
    if (token.startsWith('**') || token.startsWith('__')) {
      out.push({ type: 'strong', children: inlines(token.slice(2, -2), cite) });
    } else if (token.startsWith('`')) {
      out.push({ type: 'code', text: token.slice(1, -1) });
    } else if (token.startsWith('[')) {
      const close = token.indexOf(']');
      const inner = token.slice(1, close);
      const isLink = token.length > close + 1;
      const refs = isLink ? [] : inner.split(/[,;]\s*/).map((r) => r.trim());
      const sources = refs.map(cite);
      if (refs.length > 0 && sources.every((s) => s !== null)) {
        for (const s of sources) if (s) out.push({ type: 'cite', ...s });
      } else push(isLink ? inner : token);
    } else {
      out.push({ type: 'em', children: inlines(token.slice(1, -1), cite) });
    }
    rest = rest.slice(m.index + token.length);
  }
  push(rest);
  return out;
}

interface ListDraft {
  type: 'ul' | 'ol';
  items: string[];
}

/** Parses answer text into blocks; unknown syntax stays as literal text. */
export function parseAnswer(text: string, cite: CiteResolver): Block[] {
  const blocks: Block[] = [];
  const open: { paragraph: string[]; list: ListDraft | null } = { paragraph: [], list: null };
  const flushParagraph = () => {
    if (open.paragraph.length) blocks.push({ type: 'p', inlines: inlines(open.paragraph.join(' '), cite) });
    open.paragraph = [];
  };
  const flushList = () => {
    if (open.list) blocks.push({ type: open.list.type, items: open.list.items.map((item) => inlines(item, cite)) });
    open.list = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const item = /^[-*+]\s+(.*)$/.exec(line) ?? /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) {
      flushParagraph();
      flushList();
    } else if (item) {
      flushParagraph();
      const type = /^[-*+]/.test(line) ? 'ul' : 'ol';
      if (open.list?.type !== type) {
        flushList();
        open.list = { type, items: [] };
      }
      open.list?.items.push(item[1] ?? '');
    } else if (open.list && /^\s{2,}/.test(raw)) {
      const items = open.list.items;
      items[items.length - 1] += ` ${line}`;
    } else {
      flushList();
      open.paragraph.push(line.replace(/^#{1,6}\s+/, ''));
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
