/** One generated form field: a select for choices, a textarea for JSON, a text input for everything else. */
import type { FormField } from './model';
import { useScopedId } from '../shared/ids';

interface Props {
  field: FormField;
  value: string;
  onChange: (value: string) => void;
}

export function FieldInput({ field, value, onChange }: Props) {
  const id = useScopedId();
  const described = `${id}-hint`;
  const label = (
    <label for={id} class="mcpp__label">
      <code>{field.name}</code>
      {field.required && <span class="mcpp__required"> required</span>}
    </label>
  );
  const hint = (
    <p id={described} class="mcpp__hint">
      {field.description && <span>{field.description} </span>}
      <span class="mcpp__hint-type">{field.hint}</span>
    </p>
  );
  let input;
  if (field.kind === 'choice') {
    input = (
      <select id={id} value={value} aria-describedby={described} onChange={(e) => onChange(e.currentTarget.value)}>
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o === '' ? '(not set)' : o}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'json') {
    input = (
      <textarea
        id={id}
        rows={4}
        value={value}
        spellcheck={false}
        aria-describedby={described}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    );
  } else {
    input = (
      <input
        id={id}
        type="text"
        value={value}
        spellcheck={false}
        autoComplete="off"
        inputMode={field.kind === 'integer' || field.kind === 'number' ? 'numeric' : undefined}
        aria-describedby={described}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`mcpp__field mcpp__field--${field.kind}`}>
      {label}
      {input}
      {hint}
    </div>
  );
}
