/**
 * Real attention of a tiny trained model: type up to 64 characters and see every head of the two shipped variants
 * (MHA and GQA with 2 KV heads) attend, layer by layer, side by side. The weights (~200 KiB of f16 each) load when
 * the figure scrolls into view or on first interaction; the forward pass is the hand-written one of
 * src/core/attention.ts. Render-only: every number and sentence comes from model.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createTinyCache, type TinyCache } from '../../core/attention';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { loadModels, MODEL_BASE } from './load';
import {
  buildVariantView,
  DEFAULT_TEXT,
  MAX_CHARS,
  prepareInput,
  readout,
  rowBars,
  runModel,
  type HeadChoice,
  type LoadedModel,
} from './model';
import { useHeatRamp } from './useHeatRamp';
import { QueryStrip } from './QueryStrip';
import { VariantPanel } from './VariantPanel';
import './tiny-attention.css';

export interface TinyAttentionProps {
  /** Heading level of the title: 3 inside entries. */
  level?: 2 | 3;
  /** Where the weights are served (default /models/tiny/). */
  base?: string;
}

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** The head whose row the bars show at first: a layer-2 head of the MHA model. */
const DEFAULT_CHOICE: HeadChoice = { variant: 'mha', layer: 1, head: 0 };

export function TinyAttention({ level = 3, base = MODEL_BASE }: TinyAttentionProps) {
  const root = useRef<HTMLDivElement>(null);
  const ramp = useHeatRamp(root);
  const [text, setText] = useState(DEFAULT_TEXT);
  /** The query character; null follows the last character as the text grows. */
  const [query, setQuery] = useState<number | null>(null);
  const [choice, setChoice] = useState<HeadChoice>(DEFAULT_CHOICE);
  const [status, setStatus] = useState<Status>('idle');
  const [models, setModels] = useState<LoadedModel[] | null>(null);
  const [error, setError] = useState('');

  /** True from the first request until a failure: the weights are fetched once. */
  const requested = useRef(false);
  /** One KV cache per model: typing a character computes one new position, not the whole text. */
  const caches = useRef<TinyCache[]>([]);
  const load = () => {
    if (requested.current) return;
    requested.current = true;
    setStatus('loading');
    loadModels(base).then(
      (loaded) => {
        caches.current = loaded.map((m) => createTinyCache(m.manifest.config));
        setModels(loaded);
        setStatus('ready');
      },
      (reason: unknown) => {
        requested.current = false;
        setError(reason instanceof Error ? reason.message : String(reason));
        setStatus('error');
      },
    );
  };

  useEffect(() => {
    const el = root.current;
    if (!el || typeof IntersectionObserver === 'undefined') return load();
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        load();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const vocab = models?.[0]?.manifest.vocab;
  const input = useMemo(() => (vocab ? prepareInput(text, vocab) : null), [text, vocab]);
  const chars = input?.chars ?? [...text].slice(0, MAX_CHARS);
  const T = chars.length;
  const q = query === null ? T - 1 : Math.min(query, T - 1);
  const forwards = useMemo(
    () => (models && input ? models.map((m, i) => runModel(m, input.ids, caches.current[i])) : null),
    [models, input],
  );
  const views = useMemo(
    () =>
      models && forwards
        ? models.flatMap((m, i) => {
            const f = forwards[i];
            return f ? [buildVariantView(m, f, chars, q)] : [];
          })
        : [],
    [forwards, q],
  );
  const bars = rowBars(
    views.find((v) => v.id === choice.variant),
    choice,
    T,
    q,
  );

  const chooseQuery = (i: number) => setQuery(i >= T - 1 ? null : i);
  const notes = [
    ...(input?.notes ?? []),
    ...(status === 'error' ? [`The trained weights could not be loaded (${error}).`] : []),
  ];

  return (
    <WidgetFrame
      class="ta"
      title="Real attention of a tiny trained model"
      lead="Type a sentence: every head of two tiny character-level models, trained by this project on a generated text, shows where each character looks. Left MHA (4 KV heads), right GQA (2 KV heads, each shared by 2 query heads)."
      provenance="trained"
      notes={notes}
      level={level}
    >
      <div ref={root} class="ta__body" onFocusCapture={load} onPointerDownCapture={load}>
        {/* The input sits inside its label: ids from useId repeat across separately rendered islands. */}
        <div class="ta__input">
          <label class="control ta__label">
            <span class="ta__label-text">Your text (up to {MAX_CHARS} characters)</span>
            <input
              type="text"
              value={text}
              maxLength={MAX_CHARS}
              spellcheck={false}
              autoComplete="off"
              onInput={(e) => {
                setText(e.currentTarget.value);
                if (query !== null && query >= [...e.currentTarget.value].length) setQuery(null);
              }}
            />
          </label>
          <span class="ta__count">
            {[...text].length}/{MAX_CHARS}
          </span>
        </div>
        {status === 'loading' && (
          <p class="ta__status">Loading the two trained models (about 200 KiB of weights each)…</p>
        )}
        {status === 'idle' && <p class="ta__status">The trained weights load when this figure scrolls into view.</p>}
        {status === 'error' && (
          <p class="ta__status">
            <button type="button" class="button" onClick={load}>
              Try loading again
            </button>
          </p>
        )}
        {T > 0 && (
          <div class="ta__strip-wrap">
            <p class="ta__caption">
              Query: hover a character, or focus it and use ← →.
              {bars && <> Bars: where {bars.caption} looks from it.</>}
            </p>
            <QueryStrip chars={chars} query={q} bars={bars?.weights ?? null} onQuery={chooseQuery} />
          </div>
        )}
        {views.length > 0 && (
          <div class="ta__variants">
            {views.map((view) => (
              <VariantPanel
                key={view.id}
                view={view}
                T={T}
                query={q}
                choice={choice}
                ramp={ramp}
                onChoose={setChoice}
                onQuery={chooseQuery}
                headingLevel={level === 2 ? 3 : 4}
              />
            ))}
          </div>
        )}
        <LiveReadout>
          {status === 'ready'
            ? readout(views, chars, q, choice)
            : status === 'error'
              ? 'The trained weights could not be loaded.'
              : 'The trained weights are loading.'}
        </LiveReadout>
        <p class="ta__legend">
          Each map: rows are queries, columns keys; stronger colour = more weight (shade ∝ √weight), the blank triangle
          is the future the causal mask hides, the outlined row is the query. Hover a map to move the query; choose one
          to show its row as bars.
        </p>
        <p class="ta__source">
          2 layers, width 64, 4 heads of 16, RoPE, trained with jax-js in Node by <code>npm run train:tiny</code>; run
          here by a hand-written forward pass. MHA: Vaswani et al. 2017; GQA: Ainslie et al. 2023.
        </p>
      </div>
    </WidgetFrame>
  );
}
