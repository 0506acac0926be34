/**
 * The MCP playground's form model: tool forms generated from a tool's JSON Schema (as tools/list returns it) and form
 * text → call arguments (results and the log are in output.ts and log.ts; the URL state in state.ts). Pure: no DOM,
 * no SDK. Arguments are not range-checked here on purpose: the server validates them, and its
 * isError result (naming the field and range) is part of what the playground shows.
 */
import { formatInteger } from '../../core/units';
import type { Era } from './state';

/** The JSON Schema subset the atlas tools use (what zod emits). */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  anyOf?: readonly JsonSchema[];
  minItems?: number;
  maxItems?: number;
}

export type { Era } from './state';
export type Target = 'page' | 'endpoint';
export type Panel = 'tools' | 'resources' | 'prompts';

export type FieldKind =
  'integer' | 'number' | 'string' | 'choice' | 'boolean' | 'integer-list' | 'string-list' | 'json';

/** One input of a generated form. */
export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  description: string;
  /** Accepted values of a choice field ("" first when the field may be left unset). */
  options: string[];
  /** "integer 1–10,000,000 · default 1" */
  hint: string;
}

/** Arguments that show each tool at work; the form starts from them. */
export const TOOL_EXAMPLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'search-atlas': { query: 'grouped query attention', k: 3 },
  'get-entry': { slug: 'mcp' },
  'estimate-kv-cache': { model: 'llama-3.1-8b', tokens: 131072, batch: 1, dtype: 'bf16' },
  'count-parameters': { model: 'mixtral-8x7b' },
  'attention-mask': { pattern: 'sliding', n: 16, token: 9, direction: 'causal', window: 5 },
  'compare-architectures': { slugs: ['multi-head-attention', 'grouped-query-attention', 'multi-query-attention'] },
  'list-models': {},
};

/** Prompt arguments that make each prompt meaningful. */
export const PROMPT_EXAMPLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'explain-architecture': { slug: 'mcp', audience: 'student' },
  'choose-attention': { memoryBudget: '80 GB', contextLength: '128k' },
};

/** Short labels (they must fit side by side at 360 px); the status line says what each era means. */
export const ERA_OPTIONS: readonly { value: Era; label: string }[] = [
  { value: 'modern', label: '2026-07-28' },
  { value: 'legacy', label: '2025-11-25' },
];

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

function kindOf(s: JsonSchema): FieldKind {
  if (s.enum) return 'choice';
  const type = typeOf(s);
  if (type === 'integer' || type === 'number' || type === 'string' || type === 'boolean') return type;
  if (type === 'array') {
    const item = s.items ? typeOf(s.items) : undefined;
    if (item === 'integer' || item === 'number') return 'integer-list';
    if (item === 'string') return 'string-list';
  }
  return 'json';
}

const range = (s: JsonSchema): string =>
  s.minimum !== undefined && s.maximum !== undefined
    ? ` ${formatInteger(s.minimum)}–${formatInteger(s.maximum)}`
    : s.minimum !== undefined
      ? ` ≥ ${formatInteger(s.minimum)}`
      : '';

function hintOf(s: JsonSchema, kind: FieldKind, required: boolean): string {
  const parts: string[] = [];
  if (kind === 'integer' || kind === 'number') parts.push(`${kind}${range(s)}`);
  else if (kind === 'integer-list') parts.push(`comma-separated integers${s.items ? range(s.items) : ''}`);
  else if (kind === 'string-list') {
    const count = s.minItems !== undefined && s.maxItems !== undefined ? ` (${s.minItems}–${s.maxItems})` : '';
    parts.push(`comma-separated${count}`);
  } else if (kind === 'json') parts.push('JSON (an object, or its text)');
  else if (kind === 'choice') parts.push(`one of ${s.enum?.length ?? 0}`);
  else parts.push(kind);
  if (s.default !== undefined) parts.push(`default ${String(s.default)}`);
  else if (!required) parts.push('optional');
  return parts.join(' · ');
}

/** The fields of a tool's input schema, in schema order. */
export function formFields(schema: JsonSchema | undefined): FormField[] {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, s]) => {
    const kind = kindOf(s);
    const isRequired = required.has(name);
    const options = (s.enum ?? []).map(String);
    return {
      name,
      kind,
      required: isRequired,
      description: s.description ?? '',
      options: kind === 'choice' && !isRequired ? ['', ...options] : options,
      hint: hintOf(s, kind, isRequired),
    };
  });
}

/** Fields shown up front (required, or set by the example) and the optional rest, folded away. */
export function splitFields(fields: readonly FormField[], example: Readonly<Record<string, unknown>> = {}) {
  const main: FormField[] = [];
  const more: FormField[] = [];
  for (const f of fields) (f.required || Object.hasOwn(example, f.name) ? main : more).push(f);
  return { main, more };
}

function toText(value: unknown, kind: FieldKind): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value) && kind !== 'json') return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

/** The form's starting text: the example, else each field's default, else empty. */
export function initialValues(fields: readonly FormField[], example: Readonly<Record<string, unknown>> = {}) {
  const values: Record<string, string> = {};
  for (const f of fields) values[f.name] = toText(Object.hasOwn(example, f.name) ? example[f.name] : undefined, f.kind);
  return values;
}

function numberOrText(text: string): number | string {
  const n = Number(text.replace(/[,_\s]/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/**
 * Form text → tool arguments. Empty optional fields are left out; numbers that parse become numbers, anything else is
 * sent as typed so the server's validation answers it; lists split on commas; JSON fields are parsed when they parse.
 */
export function toArguments(fields: readonly FormField[], values: Readonly<Record<string, string>>) {
  const args: Record<string, unknown> = {};
  for (const f of fields) {
    const text = (values[f.name] ?? '').trim();
    if (text === '') continue;
    if (f.kind === 'integer' || f.kind === 'number') args[f.name] = numberOrText(text);
    else if (f.kind === 'boolean') args[f.name] = text === 'true' ? true : text === 'false' ? false : text;
    else if (f.kind === 'integer-list') args[f.name] = text.split(',').map((t) => numberOrText(t.trim()));
    else if (f.kind === 'string-list')
      args[f.name] = text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    else if (f.kind === 'json') {
      try {
        args[f.name] = JSON.parse(text) as unknown;
      } catch {
        args[f.name] = text;
      }
    } else args[f.name] = text;
  }
  return args;
}
