/** Model settings: base URL, model, API key (this browser's localStorage only), on/off. Render-only. */
import { useState } from 'preact/hooks';
import { baseUrlError, DEFAULT_SETTINGS, type ChatConfig, type Settings as SettingsValue } from './model';
import { useScopedId } from '../shared/ids';

interface Props {
  settings: SettingsValue;
  config: ChatConfig | null;
  note: string;
  onSave: (settings: SettingsValue) => void;
}

export function Settings({ settings, config, note, onSave }: Props) {
  const id = useScopedId();
  const [draft, setDraft] = useState<SettingsValue>(settings);
  const error = baseUrlError(draft.baseUrl);
  const models = config?.ollama.models ?? [];
  const set = (patch: Partial<SettingsValue>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <details class="ask__settings">
      <summary>Model settings</summary>
      <p class="ask__note">{note}</p>
      {config?.ollama.available && (
        <p class="ask__note">
          A local Ollama answers at {config.ollama.baseUrl} with {models.length} model{models.length === 1 ? '' : 's'}
          {models.length ? `: ${models.slice(0, 6).join(', ')}` : ''}.
        </p>
      )}
      <form
        class="ask__settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!error) onSave(draft);
        }}
      >
        <label class="toggle">
          <input
            type="checkbox"
            checked={draft.useModel}
            onChange={(e) => set({ useModel: e.currentTarget.checked })}
          />
          <span>Use a language model when one is available</span>
        </label>
        <div class="control">
          <label for={`${id}-base`}>Base URL (OpenAI-compatible)</label>
          <input
            id={`${id}-base`}
            type="url"
            placeholder={config?.ollama.baseUrl ?? 'http://localhost:11434/v1'}
            value={draft.baseUrl}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-base-error` : undefined}
            onInput={(e) => set({ baseUrl: e.currentTarget.value })}
          />
          {error && (
            <p id={`${id}-base-error`} class="control__error">
              {error}
            </p>
          )}
        </div>
        <div class="control">
          <label for={`${id}-model`}>Model</label>
          <input
            id={`${id}-model`}
            type="text"
            list={`${id}-models`}
            placeholder={models[0] ?? 'llama3.2'}
            value={draft.model}
            onInput={(e) => set({ model: e.currentTarget.value })}
          />
          <datalist id={`${id}-models`}>
            {models.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </div>
        <div class="control">
          <label for={`${id}-key`}>API key (optional)</label>
          <input
            id={`${id}-key`}
            type="password"
            autocomplete="off"
            value={draft.apiKey}
            aria-describedby={`${id}-key-hint`}
            onInput={(e) => set({ apiKey: e.currentTarget.value })}
          />
          <p id={`${id}-key-hint`} class="control__hint">
            Kept in this browser’s localStorage only; sent only with your questions, to the endpoint above.
          </p>
        </div>
        <div class="ask__settings-actions">
          <button type="submit" class="ask__button" disabled={Boolean(error)}>
            Save settings
          </button>
          <button
            type="button"
            class="ask__button ask__button--quiet"
            onClick={() => {
              setDraft(DEFAULT_SETTINGS);
              onSave(DEFAULT_SETTINGS);
            }}
          >
            Clear
          </button>
        </div>
      </form>
    </details>
  );
}
