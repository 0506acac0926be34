/**
 * Newline-delimited JSON-RPC over a pair of Node streams (the MCP stdio binding), answering what the SDK's own stdio
 * transport silently drops: a line that is not JSON gets a −32700 parse error and a JSON value that is not a
 * JSON-RPC message gets a −32600 invalid-request error (JSON-RPC 2.0 §5.1), so a client always hears back. Lines
 * longer than `maxLineBytes` are discarded with a −32600 error. stdout carries nothing but JSON-RPC.
 */
import type { Readable, Writable } from 'node:stream';
import { parseJSONRPCMessage, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/server';

/** Default longest accepted line: 4 MiB, the same bound as the HTTP endpoint. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

type Id = string | number | null;

function idOf(value: unknown): Id {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const { id } = value as { id: unknown };
  return typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id)) ? id : null;
}

/** A Transport for serveStdio that never leaves a malformed line unanswered. */
export class AtlasStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** Resolves once the transport has closed (stdin ended or close() was called). */
  readonly closed: Promise<void>;

  private chunks: Buffer[] = [];
  private pending = 0;
  private skipping = false;
  private isClosed = false;
  private resolveClosed: () => void = () => {};

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('close', this.onEnd);
    this.input.on('error', this.onInputError);
    this.output.on('error', this.onInputError);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await this.write(message);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('close', this.onEnd);
    this.input.off('error', this.onInputError);
    this.input.pause();
    this.chunks = [];
    this.onclose?.();
    this.resolveClosed();
  }

  private readonly onEnd = () => void this.close();

  private readonly onInputError = (error: Error) => this.onerror?.(error);

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, i));
      this.flushLine();
      start = i + 1;
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  };

  /** Adds bytes to the current line, switching to skip mode once the line is too long. */
  private take(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    this.pending += part.length;
    if (this.pending > this.maxLineBytes) {
      this.chunks = [];
      this.skipping = true;
      void this.reply(null, -32600, `Invalid Request: a message longer than ${this.maxLineBytes} bytes was discarded`);
      return;
    }
    this.chunks.push(part);
  }

  private flushLine(): void {
    const line = this.skipping ? '' : Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.pending = 0;
    this.skipping = false;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      void this.reply(null, -32700, `Parse error: ${(error as Error).message}`);
      return;
    }
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(value);
    } catch {
      void this.reply(idOf(value), -32600, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response');
      return;
    }
    this.onmessage?.(message);
  }

  private reply(id: Id, code: number, message: string): Promise<void> {
    return this.write({ jsonrpc: '2.0', id, error: { code, message } }).catch((error: Error) => this.onerror?.(error));
  }

  private write(message: unknown): Promise<void> {
    if (this.isClosed && this.output.writableEnded) return Promise.reject(new Error('stdio transport is closed'));
    return new Promise((resolve, reject) => {
      const ok = this.output.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve()));
      if (!ok) this.output.once('drain', () => resolve());
    });
  }
}
