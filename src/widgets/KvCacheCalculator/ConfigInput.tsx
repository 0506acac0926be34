/**
 * Paste or upload a Hugging Face config.json. The parser loads on first use; a bad config keeps the current model
 * and shows the parser's message, which names the field. Render-only apart from reading the file.
 */
import { useState } from 'preact/hooks';
import { useScopedId } from '../shared/ids';
import type { CalculatorModel } from './spec';

interface Props {
  onModel: (model: CalculatorModel) => void;
  /** Name of the config in use, or null when a preset is shown. */
  active: string | null;
}

export function ConfigInput({ onModel, active }: Props) {
  const id = useScopedId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const use = async (source: string, fileName?: string) => {
    setBusy(true);
    try {
      const { parseConfigText } = await import('./parseConfig');
      const parsed = parseConfigText(source, fileName);
      if (parsed.ok) {
        setError(null);
        onModel(parsed.model);
      } else setError(parsed.error);
    } catch (e) {
      setError(`The parser could not be loaded (${String(e)}); reload the page and try again.`);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    await use(content, file.name);
    input.value = '';
  };

  return (
    <details class="kvcalc__config" open={error !== null}>
      <summary>Paste or upload a config.json</summary>
      <div class="kvcalc__config-body">
        <label for={`${id}-text`}>config.json contents (Hugging Face format)</label>
        <textarea
          id={`${id}-text`}
          rows={6}
          spellcheck={false}
          value={text}
          placeholder='{"model_type": "llama", "num_hidden_layers": 32, …}'
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <div class="kvcalc__config-actions">
          <button type="button" class="button" data-variant="primary" disabled={busy} onClick={() => use(text)}>
            Use this config
          </button>
          <label class="button kvcalc__upload">
            Upload a file
            <input type="file" accept=".json,application/json" onChange={(e) => upload(e.currentTarget)} />
          </label>
        </div>
        {error && (
          <p id={`${id}-error`} class="control__error" role="alert">
            {error} The previous model is still shown.
          </p>
        )}
        {active && !error && (
          <p class="kvcalc__hint">Showing {active}. Configs stay in this tab; links keep the other settings.</p>
        )}
      </div>
    </details>
  );
}
