/**
 * "Ask the atlas": retrieval-augmented answers over the atlas with every step visible — the question's tokens, the
 * retrieved chunks with lexical and dense ranks and the fused score, the exact prompt, the streamed answer with
 * numbered citations, and the time each step took. The retrieval code and index (≈170 KB gzip) load on first use.
 * Render-only: decisions live in model.ts; the pipeline is src/rag/answer.ts.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { RagIndex } from '../../rag/store';
import { writeParams, useUrlRestore } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { Answer } from './Answer';
import {
  chooseEndpoint,
  COMPACT_EXAMPLES,
  DEFAULT_SETTINGS,
  EXAMPLES,
  INITIAL_STATE,
  MAX_QUESTION,
  questionFromUrl,
  reduce,
  SETTINGS_KEY,
  type ChatConfig,
  type Settings as SettingsValue,
} from './model';
import { Chunks, Prompt, Timings, Tokens } from './Pipeline';
import { loadChatConfig, readSettings } from './chatSettings';
import { Settings } from './Settings';
import './askAtlas.css';
import { useScopedId } from '../shared/ids';

export interface AskAtlasProps {
  /** The short version embedded in the RAG entry: fewer examples, no URL state, settings on the /ask/ page. */
  compact?: boolean;
  /** Heading level of the title (2 on /ask/, 3 inside an entry). */
  level?: 2 | 3;
  /** Read and write `?q=` (the /ask/ page only). */
  url?: boolean;
}

type Rag = typeof import('../../rag/answer') & typeof import('../../rag/client');

export function AskAtlas({ compact = false, level = 3, url = false }: AskAtlasProps) {
  const id = `ask-${useScopedId()}`;
  const [state, dispatch] = useReducer(reduce, INITIAL_STATE);
  const [draft, setDraft] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const [settings, setSettings] = useState<SettingsValue>(DEFAULT_SETTINGS);
  const [config, setConfig] = useState<ChatConfig | null>(null);
  const rag = useRef<Rag | null>(null);
  const index = useRef<RagIndex | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    setSettings(readSettings());
    if (!compact) void loadChatConfig().then(setConfig);
    return () => controller.current?.abort();
  }, []);

  const run = async (question: string) => {
    const q = question.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION);
    if (!q) return;
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setDraft(q);
    dispatch({ type: 'start', question: q });
    if (url) writeParams({ q });
    try {
      if (!rag.current) {
        const [answer, client] = await Promise.all([import('../../rag/answer'), import('../../rag/client')]);
        rag.current = { ...answer, ...client };
      }
      const [loaded, chat] = await Promise.all([
        rag.current.fetchRagIndex({ dense: true, chunks: true }),
        loadChatConfig(),
      ]);
      index.current = loaded;
      setConfig(chat);
      const { llm } = chooseEndpoint(chat, readSettings());
      for await (const event of rag.current.answerQuestion(loaded, q, { llm, signal: ctrl.signal })) {
        if (controller.current !== ctrl) return;
        dispatch({ type: 'event', event });
      }
    } catch (error) {
      if (controller.current === ctrl) {
        dispatch({ type: 'failed', message: `The atlas index could not be loaded: ${(error as Error).message}` });
      }
    }
  };

  useUrlRestore((params) => {
    const linked = questionFromUrl(params);
    if (linked.note) setNotes([linked.note]);
    if (linked.question) void run(linked.question);
  }, url);

  const citations =
    state.answer?.citations ??
    (state.prompt && rag.current ? rag.current.citationsOf(state.text, state.prompt.context).citations : []);
  const busy = state.phase === 'loading' || state.phase === 'retrieving' || state.phase === 'generating';
  const status =
    state.phase === 'loading'
      ? 'Loading the atlas index…'
      : state.phase === 'retrieving'
        ? 'Retrieving…'
        : state.phase === 'generating'
          ? 'Generating the answer…'
          : state.phase === 'failed'
            ? (state.error ?? 'Something went wrong.')
            : state.answer
              ? `Answer ready (${state.answer.mode === 'model' ? 'language model' : 'extractive'}), ${citations.length} source${citations.length === 1 ? '' : 's'}.`
              : 'Ask a question about the architectures in the atlas.';
  const { note } = chooseEndpoint(config, settings);
  const Step = level === 2 ? 'h3' : 'h4';
  const examples = compact ? COMPACT_EXAMPLES : EXAMPLES;

  return (
    <WidgetFrame
      title="Ask the atlas"
      level={level}
      provenance="computed"
      provenanceDetail="Retrieval computed live in your browser"
      lead="Retrieval-augmented answers over this atlas, with every step of the pipeline shown."
      notes={notes}
      class={`ask${compact ? ' ask--compact' : ''}`}
    >
      <form
        class="ask__form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(draft);
        }}
      >
        <label for={`${id}-q`} class="ask__question-label">
          Your question
        </label>
        <div class="ask__question-row">
          <input
            id={`${id}-q`}
            class="ask__question"
            type="text"
            maxLength={MAX_QUESTION}
            value={draft}
            placeholder="e.g. Why does GQA make the KV cache smaller?"
            autocomplete="off"
            onInput={(e) => setDraft(e.currentTarget.value)}
            onFocus={() => void import('../../rag/client').then((c) => c.fetchRagIndex({ dense: true, chunks: true }))}
          />
          <button type="submit" class="ask__button" disabled={!draft.trim() || busy}>
            Ask
          </button>
          {busy && (
            <button type="button" class="ask__button ask__button--quiet" onClick={() => controller.current?.abort()}>
              Stop
            </button>
          )}
        </div>
      </form>
      <div class="ask__examples" role="group" aria-label="Example questions">
        {examples.map((q) => (
          <button key={q} type="button" class="ask__example" onClick={() => void run(q)}>
            {q}
          </button>
        ))}
      </div>
      {!compact && <Settings settings={settings} config={config} note={note} onSave={saveSettings} />}
      <LiveReadout>{status}</LiveReadout>
      {state.phase !== 'idle' && (
        <ol class="ask__steps">
          <li class="ask__step">
            <Step>Question → tokens</Step>
            <Tokens state={state} />
          </li>
          <li class="ask__step">
            <Step>Retrieved chunks</Step>
            <Chunks state={state} index={index.current} />
          </li>
          <li class="ask__step">
            <Step>Augmented prompt</Step>
            <Prompt state={state} />
          </li>
          <li class="ask__step ask__step--answer">
            <Step>Answer</Step>
            <Answer state={state} citations={citations} />
          </li>
          <li class="ask__step">
            <Step>Timing</Step>
            <Timings state={state} />
          </li>
        </ol>
      )}
      {compact && (
        <p class="ask__more">
          Configure a language model and see the full pipeline on the <a href="/ask/">Ask the atlas</a> page.
        </p>
      )}
    </WidgetFrame>
  );

  function saveSettings(next: SettingsValue) {
    setSettings(next);
    try {
      if (next === DEFAULT_SETTINGS) window.localStorage.removeItem(SETTINGS_KEY);
      else window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // Storage blocked (private mode): the settings apply to this page only.
    }
  }
}
