/** A labelled one-line prompt with its action button (Enter submits). Render-only. */
import { useScopedId } from '../shared/ids';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  action: string;
  onAction: () => void;
  disabled: boolean;
  hint?: string;
}

export function PromptField({ label, value, onInput, action, onAction, disabled, hint }: Props) {
  const id = useScopedId();
  return (
    <div class="lab__prompt">
      <div class="control lab__prompt-field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type="text"
          value={value}
          maxLength={64}
          spellcheck={false}
          autocomplete="off"
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !disabled) onAction();
          }}
        />
      </div>
      <button type="button" class="button" onClick={onAction} disabled={disabled}>
        {action}
      </button>
      {hint && (
        <p id={`${id}-hint`} class="control__hint lab__prompt-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
