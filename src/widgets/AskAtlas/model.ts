/**
 * The view-model of "Ask the atlas": pure functions from the answer pipeline's events and the user's settings to
 * what each step of the page shows — processed tokens, retrieved chunks with both legs' ranks, the verbatim prompt,
 * the answer with numbered citations, and per-step timings. No DOM, no fetch: AskAtlas.tsx renders, and runs the
 * pipeline; this file decides.
 */
import type { AnswerEvent, FinalAnswer } from '../../rag/answer';
import type { QueryAnalysis } from '../../rag/analyze';
import type { Citation } from '../../rag/extractive';
import type { LlmConfig } from '../../rag/llm';
import type { AugmentedPrompt } from '../../rag/prompt';
import type { RetrievalResult } from '../../rag/retrieve';

/** Example questions offered as buttons: paraphrases, not headings. */
export const EXAMPLES: readonly string[] = [
  "What keeps Mamba's memory constant?",
  'How does grouped-query attention shrink the KV cache?',
  'Why is decoding limited by memory bandwidth?',
  'How does FlashAttention avoid storing the attention matrix?',
  'How are keyword and embedding search results merged?',
  'What is the difference between MCP tools, resources and prompts?',
];

/** The three shown in the compact demo inside the RAG entry, starting with one about retrieval itself. */
export const COMPACT_EXAMPLES: readonly string[] = [EXAMPLES[4], EXAMPLES[0], EXAMPLES[1]].filter(
  (q): q is string => q !== undefined,
);

export const MAX_QUESTION = 500;

export type Phase = 'idle' | 'loading' | 'retrieving' | 'generating' | 'done' | 'failed';

export interface AskState {
  question: string;
  phase: Phase;
  retrieval: RetrievalResult | null;
  prompt: AugmentedPrompt | null;
  /** The answer text so far (streamed) or final. */
  text: string;
  answer: FinalAnswer | null;
  /** A model error that led to the extractive fallback, or a loading failure. */
  error: string | null;
  /** Which model is answering, while generating. */
  model: string | null;
}

export const INITIAL_STATE: AskState = {
  question: '',
  phase: 'idle',
  retrieval: null,
  prompt: null,
  text: '',
  answer: null,
  error: null,
  model: null,
};

export type AskAction =
  { type: 'start'; question: string } | { type: 'event'; event: AnswerEvent } | { type: 'failed'; message: string };

/** The state after one action: a new question resets the pipeline; events fill it in step by step. */
export function reduce(state: AskState, action: AskAction): AskState {
  if (action.type === 'start') return { ...INITIAL_STATE, question: action.question, phase: 'loading' };
  if (action.type === 'failed') return { ...state, phase: 'failed', error: action.message };
  const e = action.event;
  switch (e.type) {
    case 'retrieval':
      return { ...state, phase: 'retrieving', retrieval: e.result };
    case 'prompt':
      return { ...state, prompt: e.prompt };
    case 'generating':
      return { ...state, phase: 'generating', model: `${e.model} at ${e.baseUrl}` };
    case 'delta':
      return { ...state, text: state.text + e.text };
    case 'error':
      return { ...state, error: `The model did not answer (${e.kind}): ${e.message}. Showing the extractive answer.` };
    case 'done':
      return { ...state, phase: 'done', answer: e.answer, text: e.answer.text };
  }
}

/** The question from the URL (`?q=`), trimmed and capped, with a note when it was cut. */
export function questionFromUrl(params: URLSearchParams): { question: string; note: string | null } {
  const raw = (params.get('q') ?? '').replace(/\s+/g, ' ').trim();
  if (raw.length <= MAX_QUESTION) return { question: raw, note: null };
  return {
    question: raw.slice(0, MAX_QUESTION),
    note: `The question in the link was cut to ${MAX_QUESTION} characters.`,
  };
}

/** One processed token as a chip. */
export interface TokenChip {
  text: string;
  kind: 'kept' | 'synonym' | 'stop' | 'identifier';
  /** Tooltip and screen-reader text. */
  detail: string;
}

/** The question's words after processing: kept stems, glossary expansions, identifiers, dropped stop words. */
export function tokenChips(analysis: QueryAnalysis): TokenChip[] {
  const chips: TokenChip[] = analysis.tokens.map((t) =>
    t.from === 'synonym'
      ? { text: t.stem, kind: 'synonym', detail: `“${t.raw}” added by the glossary (via “${t.via}”)` }
      : {
          text: t.stem,
          kind: 'kept',
          detail: t.stem === t.raw ? `“${t.raw}”` : `“${t.raw}” stemmed to “${t.stem}”`,
        },
  );
  for (const id of analysis.identifiers) {
    if (!analysis.tokens.some((t) => t.raw === id)) {
      chips.push({ text: id, kind: 'identifier', detail: `“${id}” matched verbatim against identifiers` });
    }
  }
  for (const w of new Set(analysis.stopWords))
    chips.push({ text: w, kind: 'stop', detail: `“${w}” dropped: stop word` });
  return chips;
}

/** One retrieved chunk as a row of the results table. */
export interface ChunkRow {
  rank: number;
  id: string;
  title: string;
  heading: string;
  url: string;
  lexical: string;
  dense: string;
  fused: string;
  /** Whether it went into the prompt. */
  inPrompt: boolean;
}

/** The fused top chunks with both legs' ranks (– when a leg did not return the chunk). */
export function chunkRows(result: RetrievalResult, prompt: AugmentedPrompt | null): ChunkRow[] {
  const used = new Set(prompt?.context.map((c) => c.id) ?? []);
  return result.hits.map((h, i) => ({
    rank: i + 1,
    id: h.id,
    title: h.title,
    heading: h.path.join(' › '),
    url: h.url,
    lexical: h.lexical ? `#${h.lexical.rank} (BM25 ${h.lexical.score.toFixed(1)})` : '–',
    dense: h.dense ? `#${h.dense.rank} (cos ${h.dense.score.toFixed(2)})` : '–',
    fused: h.score.toFixed(4),
    inPrompt: used.has(h.id),
  }));
}

/** Milliseconds for people: "<0.1 ms", "0.4 ms", "12 ms", "1.2 s". */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 0.1) return '<0.1 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The timing of each step, in pipeline order. */
export function timingRows(state: AskState): { step: string; time: string }[] {
  const t = state.retrieval?.timings;
  if (!t) return [];
  const rows = [
    { step: 'Query analysis', time: formatMs(t.analyze) },
    { step: 'Lexical leg (BM25)', time: formatMs(t.lexical) },
    { step: 'Dense leg (LSA)', time: formatMs(t.dense) },
    { step: 'Fusion (RRF)', time: formatMs(t.fuse) },
  ];
  const a = state.answer?.timings;
  if (a?.firstToken !== undefined && a.firstToken !== null)
    rows.push({ step: 'First token', time: formatMs(a.firstToken) });
  if (a?.generation !== undefined && a.generation !== null)
    rows.push({ step: 'Generation', time: formatMs(a.generation) });
  if (a) rows.push({ step: 'Total', time: formatMs(a.total) });
  return rows;
}

/** The prompt exactly as sent, as one text: each message with its role. */
export function promptText(prompt: AugmentedPrompt): string {
  return prompt.messages.map((m) => `── ${m.role} ──\n${m.content}`).join('\n\n');
}

/** A rough token count for display: ~4 characters per token in English. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Numbered sources for the answer: the final list, or while streaming the chunk ids cited so far. */
export function citationFor(
  ref: string,
  citations: readonly Citation[],
): { n: number; url: string; label: string } | null {
  const c = /^\d+$/.test(ref) ? citations.find((x) => x.n === Number(ref)) : citations.find((x) => x.id === ref);
  if (!c || !c.url.startsWith('/architectures/')) return null;
  return { n: c.n, url: c.url, label: c.label };
}

/** What /api/chat/config reports (src/server/chat.ts); null when the page is served without the Node server. */
export interface ChatConfig {
  proxy: boolean;
  server: { baseUrl: string | null; model: string | null; hasKey: boolean };
  ollama: { available: boolean; baseUrl?: string; models?: string[] };
}

/** The user's settings, kept in this browser's localStorage only. */
export interface Settings {
  useModel: boolean;
  baseUrl: string;
  model: string;
  apiKey: string;
}

export const DEFAULT_SETTINGS: Settings = { useModel: true, baseUrl: '', model: '', apiKey: '' };
export const SETTINGS_KEY = 'ai-atlas:ask-settings';

/** Settings from stored JSON; anything malformed falls back to the defaults field by field. */
export function parseSettings(raw: string | null): Settings {
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof Settings, unknown>>;
    const str = (x: unknown, max: number) => (typeof x === 'string' ? x.trim().slice(0, max) : '');
    return {
      useModel: typeof v.useModel === 'boolean' ? v.useModel : true,
      baseUrl: str(v.baseUrl, 300),
      model: str(v.model, 200),
      apiKey: str(v.apiKey, 500),
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** A base URL check for the settings form: null when fine, else a message naming the field and what it accepts. */
export function baseUrlError(value: string): string | null {
  if (!value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? null
      : 'Base URL must start with http:// or https://';
  } catch {
    return 'Base URL must be an absolute URL such as http://localhost:11434/v1';
  }
}

/**
 * Which endpoint answers, and a sentence saying so. Through the site server's /api/chat proxy when it exists
 * (no CORS), else directly. Settings win over the server's configuration, which wins over a detected Ollama.
 */
export function chooseEndpoint(config: ChatConfig | null, settings: Settings): { llm: LlmConfig | null; note: string } {
  const none = 'No language model configured: answers are extractive (sentences quoted from the atlas).';
  if (!settings.useModel) return { llm: null, note: 'Language model turned off: answers are extractive.' };
  if (baseUrlError(settings.baseUrl)) return { llm: null, note: `${baseUrlError(settings.baseUrl)}. ${none}` };
  const ollama = config?.ollama.available ? config.ollama : null;
  const baseUrl = settings.baseUrl || config?.server.baseUrl || ollama?.baseUrl || '';
  if (!baseUrl) return { llm: null, note: none };
  const fromOllama = !settings.baseUrl && !config?.server.baseUrl;
  const model = settings.model || (fromOllama ? ollama?.models?.[0] : config?.server.model) || '';
  if (!model) return { llm: null, note: `Set a model name for ${baseUrl}. ${none}` };
  const proxied = config?.proxy === true;
  const llm: LlmConfig = {
    baseUrl,
    model,
    apiKey: settings.apiKey || undefined,
    ...(proxied
      ? { endpoint: '/api/chat', headers: settings.baseUrl ? { 'X-Atlas-Base-Url': settings.baseUrl } : {} }
      : {}),
  };
  const via = proxied ? ' through this site’s server' : '';
  const source = fromOllama ? 'the local Ollama' : baseUrl;
  return { llm, note: `Answers come from ${model} at ${source}${via}; the extractive answer is the fallback.` };
}
