/**
 * Context selection and the augmented prompt. The top fused chunks are kept up to a budget (5 chunks, at most 2 per
 * entry, about 8,000 characters ≈ 2,000 tokens), wrapped in clear delimiters, and the question comes last. The
 * system message asks for answers from the context only, with chunk ids as citations, and for "not covered" when
 * the context lacks the answer. The exact strings are pinned by a test: the page shows them verbatim.
 */
import type { RetrievalResult } from './retrieve';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A chunk as it goes into the prompt and the citations. */
export interface ContextChunk {
  id: string;
  slug: string;
  /** "KV Cache › Managing the cache" */
  label: string;
  url: string;
  text: string;
}

export interface ContextBudget {
  maxChunks: number;
  perEntry: number;
  maxChars: number;
}

export const DEFAULT_BUDGET: ContextBudget = { maxChunks: 5, perEntry: 2, maxChars: 8000 };

export interface AugmentedPrompt {
  system: string;
  user: string;
  messages: ChatMessage[];
  context: ContextChunk[];
}

export const SYSTEM_PROMPT = [
  'You answer questions about AI architectures using only the context passages from the AI Architectures atlas.',
  'After each claim, cite the id of the passage it comes from in square brackets, exactly as given, for example',
  '[kv-cache#how-it-works]. Use only ids that appear in the context.',
  'If the context does not contain the answer, say that the atlas does not cover it; do not use outside knowledge.',
  'Answer in at most 150 words of plain text or simple Markdown (no HTML).',
].join(' ');

/** Picks the context: best fused chunks first, within the budget; chunks without text are skipped. */
export function selectContext(
  result: RetrievalResult,
  texts: ReadonlyMap<string, string>,
  budget: ContextBudget = DEFAULT_BUDGET,
): ContextChunk[] {
  const out: ContextChunk[] = [];
  const perEntry = new Map<string, number>();
  let chars = 0;
  for (const hit of result.hits) {
    if (out.length >= budget.maxChunks) break;
    const text = texts.get(hit.id);
    if (!text) continue;
    if ((perEntry.get(hit.slug) ?? 0) >= budget.perEntry) continue;
    if (out.length > 0 && chars + text.length > budget.maxChars) continue;
    perEntry.set(hit.slug, (perEntry.get(hit.slug) ?? 0) + 1);
    chars += text.length;
    const label = hit.path.length ? `${hit.title} › ${hit.path.join(' › ')}` : hit.title;
    out.push({ id: hit.id, slug: hit.slug, label, url: hit.url, text });
  }
  return out;
}

const attr = (value: string) => value.replace(/"/g, "'");

/** The messages sent to the model: system instructions, then the delimited context and the question. */
export function buildPrompt(question: string, context: readonly ContextChunk[]): AugmentedPrompt {
  const passages = context.map((c) => `<passage id="${attr(c.id)}" title="${attr(c.label)}">\n${c.text}\n</passage>`);
  const user = [
    'Context passages:',
    '',
    passages.length ? passages.join('\n\n') : '(no passages were retrieved)',
    '',
    `Question: ${question.trim()}`,
  ].join('\n');
  return {
    system: SYSTEM_PROMPT,
    user,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: user },
    ],
    context: [...context],
  };
}
