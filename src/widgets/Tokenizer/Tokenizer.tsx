/**
 * The live tokenizer: type or paste text and see it split by two real BPE encodings (o200k_base and cl100k_base), as
 * coloured chips with ids, with counts of tokens, characters and UTF-8 bytes, and what the tokens cost in KV memory.
 * The encodings (≈ 1.5 MB gzip) load only when asked for: the button, or the first focus of the text box.
 * Render-only: every number and sentence comes from model.ts and view.ts.
 */
import { useMemo, useState } from 'preact/hooks';
import { Controls, Select } from '../shared/controls';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { getPreset } from '../../models/presets';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { loadEncoding } from './encodings';
import { MAX_TEXT, MODEL_OPTIONS, type Encoder, type EncodingName } from './model';
import { clampText, DEFAULT_STATE, fromUrl, toUrl, type TokenizerState } from './state';
import { TokenChips } from './TokenChips';
import { buildView, type LoadStatus } from './view';
import './tokenizer.css';
import { useScopedId } from '../shared/ids';

export interface TokenizerProps {
  /** Heading level of the title: 2 on the explorer page, 3 inside the entry. */
  level?: 2 | 3;
  /** Read and write the page's URL: only the explorer page's copy does. */
  url?: boolean;
  /** Starting text for embeds. */
  text?: string;
  /** Preset id for the KV figure. */
  model?: string;
}

export function Tokenizer({ level = 3, url = false, text, model }: TokenizerProps) {
  const textId = `tok-${useScopedId()}`;
  const [state, setState] = useState<TokenizerState>(() => ({
    text: text === undefined ? DEFAULT_STATE.text : clampText(text).text,
    model: model !== undefined && getPreset(model) ? model : DEFAULT_STATE.model,
  }));
  const [notes, setNotes] = useState<string[]>([]);
  const [status, setStatus] = useState<LoadStatus>('idle');
  const [encoders, setEncoders] = useState<Partial<Record<EncodingName, Encoder>>>({});

  useUrlRestore((params) => {
    const linked = fromUrl(params, state);
    setState(linked.state);
    setNotes(linked.notes);
  }, url);
  useUrlSync(toUrl(state), url);

  const load = () => {
    if (status === 'loading' || status === 'ready') return;
    setStatus('loading');
    const names: EncodingName[] = ['o200k_base', 'cl100k_base'];
    Promise.all(
      names.map((name) =>
        loadEncoding(name).then((encoder) => setEncoders((current) => ({ ...current, [name]: encoder }))),
      ),
    ).then(
      () => setStatus('ready'),
      () => setStatus('error'),
    );
  };

  const view = useMemo(() => buildView(state, encoders, status), [state, encoders, status]);
  const onText = (value: string) => {
    const clamped = clampText(value);
    setState((current) => ({ ...current, text: clamped.text }));
  };

  return (
    <WidgetFrame
      class="tok"
      title="Tokenizer"
      lead="Type or paste text to see how two real BPE vocabularies split it, and what the tokens cost a model's KV cache."
      provenance="computed"
      provenanceDetail="Computed live · real BPE (gpt-tokenizer 4.0.0)"
      notes={notes}
      level={level}
    >
      <div class="tok__input">
        <label class="tok__label" for={textId}>
          Text to tokenize
        </label>
        <textarea
          id={textId}
          class="tok__text"
          rows={5}
          maxLength={MAX_TEXT}
          spellcheck={false}
          value={state.text}
          onFocus={load}
          onInput={(e) => onText(e.currentTarget.value)}
        />
        <p class="tok__stats">
          <span>
            <strong>{view.stats.characters.toLocaleString('en-US')}</strong> characters
          </span>
          <span>
            <strong>{view.stats.bytes.toLocaleString('en-US')}</strong> UTF-8 bytes
          </span>
          {view.encodings.map((e) => (
            <span key={e.name}>
              <strong>{e.tokens.toLocaleString('en-US')}</strong> tokens in <code>{e.label}</code>
            </span>
          ))}
        </p>
      </div>
      {status !== 'ready' && (
        <div class="tok__load">
          {(status === 'idle' || status === 'error') && (
            <button type="button" class="button" data-variant="primary" onClick={load}>
              {status === 'error' ? 'Try loading the tokenizer again' : view.loadLabel}
            </button>
          )}
          <p class="tok__status" role={status === 'error' ? 'alert' : undefined}>
            {view.statusText}
          </p>
        </div>
      )}
      <LiveReadout>{view.readout}</LiveReadout>
      {view.encodings.length > 0 && (
        <div class="tok__columns">
          {view.encodings.map((e) => (
            <TokenChips key={e.name} view={e} level={level === 2 ? 3 : 4} />
          ))}
        </div>
      )}
      {view.comparison && <p class="tok__comparison">{view.comparison}</p>}
      <div class="tok__kv">
        <Controls label="KV memory">
          <Select
            label="Model for the KV-cache figure"
            value={state.model}
            options={MODEL_OPTIONS}
            onChange={(value) => setState((current) => ({ ...current, model: value }))}
          />
        </Controls>
        {view.kv ? (
          <>
            <p class="tok__kv-figure">
              <strong>{view.kv.bytesText}</strong> {view.kv.detail}
            </p>
            <p class="tok__kv-note">
              Counted with {view.kvEncoding} tokens; {view.kv.modelName} has its own tokenizer, so its count differs
              somewhat.
              {view.kv.notes.map((n) => ` ${n}`)}
            </p>
            {view.kv.href && (
              <p>
                <a href={view.kv.href}>
                  Open these {view.kv.tokens.toLocaleString('en-US')} tokens in the KV-cache calculator
                </a>
              </p>
            )}
          </>
        ) : (
          <p class="tok__kv-note">The KV-cache figure appears once the tokenizer has counted the tokens.</p>
        )}
      </div>
      {!url && (
        <p class="tok__more">
          <a href="/explore/tokenizer/">Open the tokenizer on its own page</a>
        </p>
      )}
    </WidgetFrame>
  );
}

export default Tokenizer;
