/** What the playground says about its connection and shows for each call: status lines and output views. Pure. */
import { formatInteger } from '../../core/units';
import type { Era, Target } from './model';

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
