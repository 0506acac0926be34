/**
 * A text input that commits on change (blur or Enter): invalid text stays in the field with an error naming what is
 * accepted, and the last valid value stays in effect.
 */
import { useState } from 'preact/hooks';
import { MAX_TEXT, textError } from './model';
import { useScopedId } from '../shared/ids';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export function TextField({ label, value, onChange }: Props) {
  const id = useScopedId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    const problem = textError(text);
    setError(problem);
    if (problem) return;
    setDraft(null);
    onChange(text);
  };
  return (
    <div class="control ssm__text">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        maxLength={MAX_TEXT}
        spellcheck={false}
        value={draft ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
      />
      {error && (
        <p id={`${id}-error`} class="control__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
