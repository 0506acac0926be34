/** The playground's message log as rows: one summary line per HTTP exchange half or in-memory message. Pure. */
import { formatBytes, formatInteger } from '../../core/units';

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
