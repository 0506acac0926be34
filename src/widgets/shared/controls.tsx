/**
 * Form controls shared by every widget: labelled, keyboard-operable native inputs styled by widget.css.
 * Render-only: they report values through onChange and never compute anything themselves.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useScopedId } from './ids';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  /** Text shown next to the label and announced as aria-valuetext, e.g. "5 tokens". */
  format?: (value: number) => string;
  disabled?: boolean;
  hint?: string;
}

/** A range slider with its value shown; arrow keys step, Page Up/Down jump, Home/End go to the ends. */
export function Slider({ label, value, min, max, step = 1, onChange, format, disabled, hint }: SliderProps) {
  const id = useScopedId();
  const text = format ? format(value) : String(value);
  return (
    <div class="control control--slider">
      <div class="control__row">
        <label for={id}>{label}</label>
        <output for={id} class="control__value">
          {text}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={text}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onChange(Number(e.currentTarget.value))}
      />
      {hint && (
        <p id={`${id}-hint`} class="control__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
}

/** A native select: accessible everywhere, compact at 360 px. */
export function Select<T extends string>({ label, value, options, onChange, disabled }: SelectProps<T>) {
  const id = useScopedId();
  return (
    <div class="control">
      <label for={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface SegmentedProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

/** A radio group drawn as segmented buttons; arrow keys move between options (native radio behaviour). */
export function Segmented<T extends string>({ label, value, options, onChange }: SegmentedProps<T>) {
  const name = useScopedId();
  return (
    <fieldset class="control segmented">
      <legend>{label}</legend>
      <div class="segmented__options">
        {options.map((o) => (
          <label key={o.value} class="segmented__option">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** Unit shown after the field, e.g. "tokens". */
  unit?: string;
  integer?: boolean;
}

/**
 * A typed number input. Invalid text is kept in the field with an error naming the accepted range; the last valid
 * value stays in effect, so nothing is lost and nothing shows NaN.
 */
export function NumberField({ label, value, min, max, onChange, unit, integer = true }: NumberFieldProps) {
  const id = useScopedId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    const parsed = Number(text.replace(/[,_\s]/g, ''));
    if (
      text.trim() === '' ||
      !Number.isFinite(parsed) ||
      (integer && !Number.isInteger(parsed)) ||
      parsed < min ||
      parsed > max
    ) {
      setError(
        `${label} must be ${integer ? 'an integer' : 'a number'} from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`,
      );
      return;
    }
    setError(null);
    setDraft(null);
    onChange(parsed);
  };
  return (
    <div class="control">
      <label for={id}>{label}</label>
      <div class="control__field">
        <input
          id={id}
          type="text"
          inputMode={integer ? 'numeric' : 'decimal'}
          value={draft ?? String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
        />
        {unit && <span class="control__unit">{unit}</span>}
      </div>
      {error && (
        <p id={`${id}-error`} class="control__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox. */
export function Toggle({ label, checked, onChange }: ToggleProps) {
  return (
    <label class="control toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** A row of controls that wraps on narrow screens. */
export function Controls({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <div class="controls" role="group" aria-label={label}>
      {children}
    </div>
  );
}
