/**
 * How an atlas tool is written: a zod input and output schema (every field described), a pure `run` that returns the
 * structured result plus a text rendering, and one registration path that turns any thrown error into an
 * `isError` result naming the field, so nothing ever throws out of a handler.
 */
import type { CallToolResult, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { InputError } from '../../core/modelSpec';
import { formatInteger } from '../../core/units';
import type { AtlasSource } from '../source';

/** Every atlas tool only reads static data and computes: safe to call, repeat and cache. */
export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** What a tool's `run` returns: the structuredContent and a readable rendering of the same facts. */
export interface ToolOutput<T> {
  structured: T;
  text: string;
}

/** One atlas tool. `run` may throw an InputError (or RangeError) naming the field; registration turns it into isError. */
export interface AtlasTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  /** Kebab-case verb-noun, e.g. "estimate-kv-cache". */
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  run(args: z.output<I>, source: AtlasSource): ToolOutput<z.input<O>>;
}

type JsonSchemaMethod = (options: { target: string }) => Record<string, unknown>;
interface StandardWithJson {
  jsonSchema: { input: JsonSchemaMethod; output: JsonSchemaMethod };
}

/**
 * Memoizes a schema's JSON Schema conversion. The SDK converts tool and prompt schemas for every server instance,
 * and the HTTP endpoint builds an instance per request, so without this each tools/call pays for a zod →
 * JSON Schema conversion of its output schema (most of a request's CPU time).
 */
export function withCachedJsonSchema<S extends z.ZodType>(schema: S): S {
  const standard = schema['~standard'] as unknown as StandardWithJson & Record<string, unknown>;
  const memo = (convert: JsonSchemaMethod): JsonSchemaMethod => {
    const cache = new Map<string, Record<string, unknown>>();
    return (options) => {
      const key = JSON.stringify(options);
      let json = cache.get(key);
      if (!json) {
        json = convert(options);
        cache.set(key, json);
      }
      return json;
    };
  };
  (schema as { '~standard': unknown })['~standard'] = {
    ...standard,
    jsonSchema: { input: memo(standard.jsonSchema.input), output: memo(standard.jsonSchema.output) },
  };
  return schema;
}

/** Registers nothing: fixes a tool's types and caches its schemas' JSON Schema forms. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: AtlasTool<I, O>): AtlasTool<I, O> {
  withCachedJsonSchema(tool.input);
  withCachedJsonSchema(tool.output);
  return tool;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}

/**
 * An integer field in [min, max] whose every failure (wrong type, fraction, out of range) reads
 * "must be an integer from min to max, got …"; the SDK prefixes the field name.
 */
export function intField(min: number, max: number, description: string) {
  const error = (issue: { input?: unknown }) =>
    `must be an integer from ${formatInteger(min)} to ${formatInteger(max)}, got ${show(issue.input)}`;
  // abort: one message per field, not one per failed check.
  return z
    .number({ error })
    .int({ error, abort: true })
    .min(min, { error, abort: true })
    .max(max, { error })
    .describe(description);
}

/** A string field from a fixed list, with an error listing the accepted values. */
export function choiceField<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .enum(values, { error: (issue) => `must be one of ${values.join(', ')}, got ${show(issue.input)}` })
    .describe(description);
}

/** The message of an error thrown by a tool's `run`: "field: what is wrong and the accepted range". */
export function errorMessage(error: unknown): string {
  if (error instanceof InputError) {
    return error.message.startsWith(error.field) ? error.message : `${error.field}: ${error.message}`;
  }
  if (error instanceof RangeError) return error.message;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

/** An isError tool result carrying `message`. */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Runs a tool on already-validated arguments; never throws. */
export function callTool<I extends z.ZodObject, O extends z.ZodObject>(
  tool: AtlasTool<I, O>,
  args: z.output<I>,
  source: AtlasSource,
): CallToolResult {
  try {
    const { structured, text } = tool.run(args, source);
    return { content: [{ type: 'text', text }], structuredContent: structured as Record<string, unknown> };
  } catch (error) {
    return toolError(errorMessage(error));
  }
}

/** Registers `tool` on `server` as a read-only tool over `source`. */
export function registerAtlasTool(server: McpServer, source: AtlasSource, tool: AtlasTool): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input,
      outputSchema: tool.output,
      annotations: READ_ONLY,
    },
    async (args: unknown) => callTool(tool, args as z.output<typeof tool.input>, source),
  );
}
