/** The three panels of the playground: a tool form, a resource picker and a prompt form. Render-only. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Prompt, Resource, Tool } from '@modelcontextprotocol/client';
import { FieldInput } from './FieldInput';
import {
  PROMPT_EXAMPLES,
  TOOL_EXAMPLES,
  formFields,
  initialValues,
  splitFields,
  toArguments,
  type FormField,
  type JsonSchema,
} from './model';
import { useScopedId } from '../shared/ids';

interface ToolPanelProps {
  tools: readonly Tool[];
  tool: string;
  onTool: (name: string) => void;
  busy: boolean;
  headingLevel: 3 | 4;
  onCall: (name: string, args: Record<string, unknown>) => void;
}

/** Picks a tool and calls it from a form generated from its input schema. */
export function ToolPanel({ tools, tool, onTool, busy, headingLevel, onCall }: ToolPanelProps) {
  const id = useScopedId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const selected = tools.find((t) => t.name === tool) ?? tools[0];
  const fields = useMemo(() => formFields(selected?.inputSchema as JsonSchema | undefined), [selected]);
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => setValues(initialValues(fields, TOOL_EXAMPLES[selected?.name ?? ''])), [fields]);
  const { main, more } = useMemo(() => splitFields(fields, TOOL_EXAMPLES[selected?.name ?? '']), [fields]);
  if (!selected) return <p class="mcpp__empty">The server lists no tools.</p>;
  const input = (field: FormField) => (
    <FieldInput
      key={`${selected.name}-${field.name}`}
      field={field}
      value={values[field.name] ?? ''}
      onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
    />
  );
  return (
    <section class="mcpp__panel" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`} class="mcpp__subtitle">
        Tools ({tools.length})
      </Heading>
      <div class="mcpp__field">
        <label for={`${id}-tool`} class="mcpp__label">
          Tool
        </label>
        <select id={`${id}-tool`} value={selected.name} onChange={(e) => onTool(e.currentTarget.value)}>
          {tools.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <p class="mcpp__description">{selected.description}</p>
      <form
        class="mcpp__form"
        onSubmit={(e) => {
          e.preventDefault();
          onCall(selected.name, toArguments(fields, values));
        }}
      >
        {fields.length === 0 && <p class="mcpp__hint">This tool takes no arguments.</p>}
        {main.map(input)}
        {more.length > 0 && (
          <details class="mcpp__more">
            <summary>
              More optional arguments ({more.length}): {more.map((f) => f.name).join(', ')}
            </summary>
            <div class="mcpp__form">{more.map(input)}</div>
          </details>
        )}
        <div class="mcpp__actions">
          <button type="submit" class="button" data-variant="primary" disabled={busy}>
            Call {selected.name}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => setValues(initialValues(fields, TOOL_EXAMPLES[selected.name]))}
          >
            Reset example
          </button>
        </div>
      </form>
    </section>
  );
}

interface ResourcePanelProps {
  resources: readonly Resource[];
  busy: boolean;
  headingLevel: 3 | 4;
  onRead: (uri: string) => void;
}

/** Picks a listed resource (or types any URI, to see a −32602 for a missing one) and reads it. */
export function ResourcePanel({ resources, busy, headingLevel, onRead }: ResourcePanelProps) {
  const id = useScopedId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const [uri, setUri] = useState(resources[0]?.uri ?? 'atlas://entries');
  return (
    <section class="mcpp__panel" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`} class="mcpp__subtitle">
        Resources ({resources.length})
      </Heading>
      <form
        class="mcpp__form"
        onSubmit={(e) => {
          e.preventDefault();
          onRead(uri.trim());
        }}
      >
        <div class="mcpp__field">
          <label for={`${id}-list`} class="mcpp__label">
            Listed resource
          </label>
          <select id={`${id}-list`} value={uri} onChange={(e) => setUri(e.currentTarget.value)}>
            {resources.map((r) => (
              <option key={r.uri} value={r.uri}>
                {r.uri}
              </option>
            ))}
          </select>
        </div>
        <div class="mcpp__field">
          <label for={`${id}-uri`} class="mcpp__label">
            URI to read
          </label>
          <input
            id={`${id}-uri`}
            type="text"
            value={uri}
            spellcheck={false}
            autoComplete="off"
            onInput={(e) => setUri(e.currentTarget.value)}
          />
          <p class="mcpp__hint">Templates: atlas://entries/&#123;slug&#125; and atlas://models/&#123;id&#125;.</p>
        </div>
        <div class="mcpp__actions">
          <button type="submit" class="button" data-variant="primary" disabled={busy || uri.trim() === ''}>
            Read resource
          </button>
        </div>
      </form>
    </section>
  );
}

interface PromptPanelProps {
  prompts: readonly Prompt[];
  busy: boolean;
  headingLevel: 3 | 4;
  onGet: (name: string, args: Record<string, string>) => void;
}

function promptFields(prompt: Prompt | undefined): FormField[] {
  return (prompt?.arguments ?? []).map((a) => ({
    name: a.name,
    kind: 'string',
    required: a.required === true,
    description: a.description ?? '',
    options: [],
    hint: a.required ? 'text' : 'text · optional',
  }));
}

/** Picks a prompt and gets it with the given arguments. */
export function PromptPanel({ prompts, busy, headingLevel, onGet }: PromptPanelProps) {
  const id = useScopedId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const [name, setName] = useState(prompts[0]?.name ?? '');
  const prompt = prompts.find((p) => p.name === name);
  const fields = useMemo(() => promptFields(prompt), [prompt]);
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => setValues(initialValues(fields, PROMPT_EXAMPLES[name])), [fields]);
  return (
    <section class="mcpp__panel" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`} class="mcpp__subtitle">
        Prompts ({prompts.length})
      </Heading>
      <div class="mcpp__field">
        <label for={`${id}-prompt`} class="mcpp__label">
          Prompt
        </label>
        <select id={`${id}-prompt`} value={name} onChange={(e) => setName(e.currentTarget.value)}>
          {prompts.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {prompt?.description && <p class="mcpp__description">{prompt.description}</p>}
      <form
        class="mcpp__form"
        onSubmit={(e) => {
          e.preventDefault();
          const args = toArguments(fields, values) as Record<string, string>;
          onGet(name, args);
        }}
      >
        {fields.map((field) => (
          <FieldInput
            key={`${name}-${field.name}`}
            field={field}
            value={values[field.name] ?? ''}
            onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
          />
        ))}
        <div class="mcpp__actions">
          <button type="submit" class="button" data-variant="primary" disabled={busy || !prompt}>
            Get prompt
          </button>
        </div>
      </form>
    </section>
  );
}
