/**
 * Answering, end to end, as a stream of events the page and the CLI render as they arrive: retrieval → context and
 * augmented prompt → generation (streamed) → citations checked against the retrieved chunks. Without a model, when
 * the question is outside the atlas, or when the model call fails (down, slow, HTTP error, malformed stream), the
 * answer is extractive and says so. A stop requested by the user keeps the partial answer and does not fall back.
 */
import { extractiveAnswer, type Citation, type ExtractiveAnswer } from './extractive';
import { LlmError, streamChat, type LlmConfig } from './llm';
import { buildPrompt, selectContext, type AugmentedPrompt, type ContextChunk } from './prompt';
import { retrieve, type RetrievalResult } from './retrieve';
import type { RagIndex } from './store';

export type FallbackReason = 'no-model' | 'not-found' | 'error';

export type AnswerEvent =
  | { type: 'retrieval'; result: RetrievalResult }
  | { type: 'prompt'; prompt: AugmentedPrompt }
  | { type: 'generating'; model: string; baseUrl: string }
  | { type: 'delta'; text: string }
  | { type: 'error'; kind: LlmError['kind']; message: string }
  | { type: 'done'; answer: FinalAnswer };

export interface FinalAnswer {
  mode: 'model' | 'extractive';
  /** Model text with [chunk-id] citations, or the extractive text with [n] markers. */
  text: string;
  citations: Citation[];
  /** Ids the model cited that were not in its context (should be empty). */
  unknownCitations: string[];
  fallback: FallbackReason | null;
  extractive: ExtractiveAnswer | null;
  /** True when the user stopped the stream. */
  stopped: boolean;
  finishReason: string | null;
  timings: { retrieval: number; firstToken: number | null; generation: number | null; total: number };
}

export interface AnswerOptions {
  /** The model endpoint; null or undefined → extractive answer. */
  llm?: LlmConfig | null;
  signal?: AbortSignal;
  /** How many chunks retrieval returns before context selection (default 8). */
  k?: number;
}

const CITATION = /\[([^\]\n]{3,200})\]/g;
const CHUNK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9-]+(?:~\d+)?$/;

/** The chunk ids cited as [id] or [id1, id2] in a model answer, numbered in order of first use. */
export function citationsOf(
  text: string,
  context: readonly ContextChunk[],
): { citations: Citation[]; unknown: string[] } {
  const citations: Citation[] = [];
  const unknown: string[] = [];
  for (const match of text.matchAll(CITATION)) {
    for (const id of (match[1] ?? '').split(/[,;]\s*/).map((s) => s.trim())) {
      if (!CHUNK_ID.test(id)) continue;
      const chunk = context.find((c) => c.id === id);
      if (!chunk) {
        if (!unknown.includes(id)) unknown.push(id);
      } else if (!citations.some((c) => c.id === id)) {
        citations.push({ n: citations.length + 1, id, label: chunk.label, url: chunk.url });
      }
    }
  }
  return { citations, unknown };
}

/** Answers a question; the last event is always `done`. */
export async function* answerQuestion(
  index: RagIndex,
  question: string,
  options: AnswerOptions = {},
): AsyncGenerator<AnswerEvent> {
  const started = performance.now();
  const result = retrieve(index, question, { k: options.k ?? 8 });
  yield { type: 'retrieval', result };
  const context = index.texts ? selectContext(result, index.texts) : [];
  const prompt = buildPrompt(question, context);
  yield { type: 'prompt', prompt };

  const extractive = (fallback: FallbackReason): FinalAnswer => {
    const answer = extractiveAnswer(result.analysis, context, { notFound: result.notFound });
    return {
      mode: 'extractive',
      text: answer.text,
      citations: answer.citations,
      unknownCitations: [],
      fallback,
      extractive: answer,
      stopped: false,
      finishReason: null,
      timings: {
        retrieval: result.timings.total,
        firstToken: null,
        generation: null,
        total: performance.now() - started,
      },
    };
  };

  if (result.notFound || context.length === 0) {
    yield { type: 'done', answer: extractive('not-found') };
    return;
  }
  if (!options.llm) {
    yield { type: 'done', answer: extractive('no-model') };
    return;
  }

  yield { type: 'generating', model: options.llm.model, baseUrl: options.llm.baseUrl };
  const genStart = performance.now();
  let firstToken: number | null = null;
  let text = '';
  let finishReason: string | null = null;
  let stopped = false;
  try {
    for await (const event of streamChat(options.llm, prompt.messages, options.signal)) {
      if (event.type === 'delta') {
        firstToken ??= performance.now() - genStart;
        text += event.text;
        yield event;
      } else finishReason = event.finishReason;
    }
  } catch (error) {
    const e = error instanceof LlmError ? error : new LlmError('malformed', (error as Error).message);
    if (e.kind === 'aborted') stopped = true;
    else {
      yield { type: 'error', kind: e.kind, message: e.message };
      yield { type: 'done', answer: extractive('error') };
      return;
    }
  }
  const { citations, unknown } = citationsOf(text, context);
  yield {
    type: 'done',
    answer: {
      mode: 'model',
      text,
      citations,
      unknownCitations: unknown,
      fallback: null,
      extractive: null,
      stopped,
      finishReason,
      timings: {
        retrieval: result.timings.total,
        firstToken,
        generation: performance.now() - genStart,
        total: performance.now() - started,
      },
    },
  };
}
