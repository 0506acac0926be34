/**
 * The MCP playground's view-model: tool forms generated from a tool's JSON Schema (as tools/list returns it), form
 * text → call arguments, the connection status, results and the message log as the page shows them, and the URL
 * state. Pure: no DOM, no SDK. Arguments are not range-checked here on purpose: the server validates them, and its
 * isError result (naming the field and range) is part of what the playground shows.
 */
import { formatBytes, formatInteger } from '../../core/units';
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

/** "Connected to ai-architectures 0.1.0 in this page · protocol 2026-07-28 (stateless)" */
export function statusLine(info: {
  era: Era;
  target: Target;
  protocolVersion: string;
  server: { name: string; version: string };
}): string {
  const where = info.target === 'page' ? 'in this page' : 'at this site’s /mcp endpoint';
  const how =
    info.era === 'modern'
      ? info.target === 'page'
        ? 'stateless, Streamable HTTP to the in-page handler'
        : 'stateless, Streamable HTTP'
      : info.target === 'page'
        ? 'initialize handshake, in-memory transport'
        : 'initialize handshake, Streamable HTTP';
  return `Connected to ${info.server.name} ${info.server.version} ${where} · protocol ${info.protocolVersion} (${how})`;
}

/** The readout after listing: "7 tools, 42 resources and 2 prompts" */
export function inventoryLine(tools: number, resources: number, prompts: number): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(tools, 'tool')}, ${n(resources, 'resource')} and ${n(prompts, 'prompt')}`;
}

interface ToolResultLike {
  isError?: boolean;
  content?: readonly { type: string; text?: string; uri?: string }[];
  structuredContent?: unknown;
}

/** A tool result as the page shows it, and the sentence the live region reads. */
export function resultView(tool: string, result: ToolResultLike) {
  const text = (result.content ?? [])
    .map((c) => (c.type === 'text' ? (c.text ?? '') : `[${c.type}${c.uri ? ` ${c.uri}` : ''}]`))
    .join('\n\n');
  const first = text.split('\n').find((line) => line.trim() !== '') ?? '(no text content)';
  return {
    isError: result.isError === true,
    text,
    structured: result.structuredContent === undefined ? null : JSON.stringify(result.structuredContent, null, 2),
    readout: `${tool} ${result.isError ? 'returned an error' : 'returned'}: ${first}`,
  };
}

/** A JSON-RPC message in one line: "tools/call #4 attention-mask", "result #4", "error #4 −32602 …". */
export function describeMessage(message: unknown): string {
  if (typeof message !== 'object' || message === null) return 'not a JSON-RPC message';
  const m = message as {
    id?: string | number | null;
    method?: string;
    params?: { name?: string; uri?: string };
    result?: { isError?: boolean };
    error?: { code?: number; message?: string };
  };
  const id = m.id === undefined || m.id === null ? '' : ` #${m.id}`;
  if (m.method) {
    const target = m.params?.name ?? m.params?.uri;
    return m.id === undefined ? `${m.method} (notification)` : `${m.method}${id}${target ? ` ${target}` : ''}`;
  }
  if (m.error) return `error${id} ${String(m.error.code ?? '').replace('-', '−')}: ${m.error.message ?? ''}`;
  if (m.result !== undefined) return `result${id}${m.result?.isError ? ' (isError)' : ''}`;
  return 'not a JSON-RPC message';
}

interface LogEntryLike {
  seq: number;
  at: number;
  direction: 'out' | 'in';
  transport: 'http' | 'memory';
  messages: readonly unknown[];
  http?: { method?: string; url?: string; status?: number; headers: readonly (readonly [string, string])[] };
  raw?: string;
}

/** One row of the message log: a summary line and the details behind it. */
export interface LogRow {
  key: number;
  arrow: '→' | '←';
  /** "client → server" or "server → client", for screen readers. */
  direction: string;
  summary: string;
  /** "+12 ms · 1.2 kB" */
  meta: string;
  headers: readonly (readonly [string, string])[];
  body: string;
}

/** The log as rows, oldest first. */
export function logRows(entries: readonly LogEntryLike[]): LogRow[] {
  return entries.map((e) => {
    const body = e.messages.length === 1 ? JSON.stringify(e.messages[0], null, 2) : JSON.stringify(e.messages, null, 2);
    const what =
      e.messages.length > 0 ? e.messages.map(describeMessage).join(', ') : e.raw ? 'non-JSON body' : 'no body';
    const http = e.http
      ? e.direction === 'out'
        ? `${e.http.method ?? 'POST'} ${pathOf(e.http.url)} · `
        : `HTTP ${e.http.status ?? '?'} · `
      : '';
    return {
      key: e.seq,
      arrow: e.direction === 'out' ? '→' : '←',
      direction: e.direction === 'out' ? 'client to server' : 'server to client',
      summary: `${http}${what}`,
      meta: `+${formatInteger(e.at)} ms · ${formatBytes(wireBytes(e), 'decimal')}`,
      headers: e.http?.headers ?? [],
      body: e.messages.length > 0 ? body : (e.raw ?? ''),
    };
  });
}

/** Bytes of the body as sent: compact JSON, or the raw text. */
function wireBytes(e: LogEntryLike): number {
  const text =
    e.messages.length === 0 ? (e.raw ?? '') : JSON.stringify(e.messages.length === 1 ? e.messages[0] : e.messages);
  return new TextEncoder().encode(text).length;
}

function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.host === 'in-page.invalid' ? `(in-page) ${u.pathname}` : u.pathname;
  } catch {
    return url;
  }
}

/** What the output panel shows for any call. */
export interface OutputView {
  /** "attention-mask", "atlas://entries/rope", "explain-architecture" */
  title: string;
  isError: boolean;
  text: string;
  structured: string | null;
  readout: string;
}

/** Longest text the output panel shows before cutting (a whole entry is ~15,000 characters). */
export const MAX_OUTPUT_CHARS = 6000;

function clip(text: string): string {
  return text.length > MAX_OUTPUT_CHARS
    ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n\n… (${formatInteger(text.length - MAX_OUTPUT_CHARS)} more characters)`
    : text;
}

/** A tool result as an output view. */
export function toolOutput(tool: string, result: ToolResultLike): OutputView {
  const view = resultView(tool, result);
  return { title: tool, ...view, text: clip(view.text) };
}

/** A resources/read result: the first contents' text (or a note for binary contents). */
export function resourceOutput(
  uri: string,
  result: { contents: readonly { uri: string; mimeType?: string; text?: string; blob?: string }[] },
): OutputView {
  const first = result.contents[0];
  const text = first?.text ?? (first?.blob ? `(binary, ${formatInteger(first.blob.length)} base64 characters)` : '');
  const type = first?.mimeType ?? 'no MIME type';
  return {
    title: uri,
    isError: false,
    text: clip(text),
    structured: null,
    readout: `Read ${uri}: ${type}, ${formatInteger(text.length)} characters`,
  };
}

type PromptContent = { type: string; text?: string; resource?: { uri: string; mimeType?: string; text?: string } };

/** A prompts/get result: each message as "role: text", embedded resources summarised. */
export function promptOutput(
  name: string,
  result: { description?: string; messages: readonly { role: string; content: PromptContent }[] },
): OutputView {
  const parts = result.messages.map(({ role, content }) => {
    if (content.type === 'text') return `${role}: ${content.text ?? ''}`;
    if (content.type === 'resource' && content.resource) {
      const r = content.resource;
      return `${role}: [embedded resource ${r.uri}, ${r.mimeType ?? 'no MIME type'}, ${formatInteger(r.text?.length ?? 0)} characters]`;
    }
    return `${role}: [${content.type}]`;
  });
  const count = result.messages.length;
  return {
    title: name,
    isError: false,
    text: clip([result.description ? `(${result.description})` : '', ...parts].filter(Boolean).join('\n\n')),
    structured: null,
    readout: `${name} returned ${count} message${count === 1 ? '' : 's'}${result.description ? `: ${result.description}` : ''}`,
  };
}

/** A thrown protocol error (unknown tool, missing resource, bad prompt argument) as an output view. */
export function errorOutput(title: string, error: unknown): OutputView {
  const e = error as { code?: number; message?: string };
  const code = typeof e.code === 'number' ? ` (JSON-RPC error ${String(e.code).replace('-', '−')})` : '';
  const message = e.message ?? String(error);
  return { title, isError: true, text: `${message}${code}`, structured: null, readout: `${title} failed: ${message}` };
}
