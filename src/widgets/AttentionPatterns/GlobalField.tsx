/**
 * The global-token positions as typed text ("1, 9"). Invalid text stays in the field with an error naming the
 * accepted range; the last valid positions stay in effect.
 */
import { useState } from 'preact/hooks';
import { parseGlobalInput } from './state';
import { useScopedId } from '../shared/ids';

interface Props {
  positions: readonly number[];
  n: number;
  onChange: (positions: number[]) => void;
}

export function GlobalField({ positions, n, onChange }: Props) {
  const id = useScopedId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    const result = parseGlobalInput(text, n);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setError(null);
    setDraft(null);
    onChange(result.positions);
  };
  return (
    <div class="control attn-global">
      <label for={id}>Global tokens</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="none"
        value={draft ?? positions.join(', ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
      />
      {error ? (
        <p id={`${id}-error`} class="control__error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} class="control__hint">
          Positions, e.g. 1, 9
        </p>
      )}
    </div>
  );
}
