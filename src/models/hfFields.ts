/**
 * Typed, named reads of a Hugging Face config.json object. Every bad or missing field becomes a ConfigError that
 * names the field (with its `text_config.` prefix for multimodal configs) and the accepted range; nothing here
 * returns NaN or throws anything else.
 */
import { InputError } from '../core/modelSpec';

/** A config field is missing, malformed, out of range or contradicts another; `field` names it. */
export class ConfigError extends InputError {
  override name = 'ConfigError';
}

/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface IntOptions {
  /** Largest accepted value (inclusive). */
  max: number;
  /** Smallest accepted value (default 1). */
  min?: number;
  /** Used, with a note, when every name is absent or null. */
  fallback?: number;
  /** Why the fallback applies, for the note. */
  because?: string;
}

/** Reads fields of one config object; `notes` collects every assumption made on the way. */
export class Fields {
  constructor(
    readonly raw: JsonObject,
    readonly prefix: string,
    readonly notes: string[],
  ) {}

  /** The config's name for a field, with the multimodal prefix. */
  label(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** True when the field is present and not null. */
  has(name: string): boolean {
    return Object.hasOwn(this.raw, name) && this.raw[name] !== null && this.raw[name] !== undefined;
  }

  /** The first of `names` that is present, or undefined. */
  pick(names: readonly string[]): string | undefined {
    return names.find((n) => this.has(n));
  }

  /** A required integer (or `fallback`); `names` are aliases, the first is the canonical name used in messages. */
  int(names: string | readonly string[], o: IntOptions): number {
    const list = typeof names === 'string' ? [names] : names;
    const value = this.optInt(list, o);
    if (value !== null) return value;
    if (o.fallback !== undefined) {
      this.notes.push(
        `${this.label(list[0] ?? '')} is absent: ${o.fallback} assumed${o.because ? ` (${o.because})` : ''}.`,
      );
      return o.fallback;
    }
    throw new ConfigError(this.label(list[0] ?? ''), `${this.describe(list)} is missing (${range(o)})`);
  }

  /** An optional integer: null when every name is absent or null, a ConfigError when present but invalid. */
  optInt(names: string | readonly string[], o: Omit<IntOptions, 'fallback' | 'because'>): number | null {
    const list = typeof names === 'string' ? [names] : names;
    const name = this.pick(list);
    if (name === undefined) return null;
    const value = this.raw[name];
    const min = o.min ?? 1;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > o.max) {
      throw new ConfigError(this.label(name), `${this.label(name)} must be ${range(o)}, got ${show(value)}`);
    }
    return value;
  }

  /** A boolean field, or `fallback` when absent or null. */
  bool(name: string, fallback: boolean): boolean {
    if (!this.has(name)) return fallback;
    const value = this.raw[name];
    if (typeof value !== 'boolean')
      throw new ConfigError(this.label(name), `${this.label(name)} must be true or false, got ${show(value)}`);
    return value;
  }

  /** A string field, or undefined when absent or null. */
  str(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    const value = this.raw[name];
    if (typeof value !== 'string')
      throw new ConfigError(this.label(name), `${this.label(name)} must be a string, got ${show(value)}`);
    return value;
  }

  /** An array field, or undefined when absent or null. */
  array(name: string): unknown[] | undefined {
    if (!this.has(name)) return undefined;
    const value = this.raw[name];
    if (!Array.isArray(value))
      throw new ConfigError(this.label(name), `${this.label(name)} must be an array, got ${show(value)}`);
    return value;
  }

  private describe(list: readonly string[]): string {
    const [first, ...rest] = list;
    return rest.length ? `${this.label(first ?? '')} (or ${rest.join(', ')})` : this.label(first ?? '');
  }
}

function range(o: { max: number; min?: number }): string {
  const min = o.min ?? 1;
  return min === 1
    ? `a positive integer up to ${o.max.toLocaleString('en-US')}`
    : `an integer from ${min} to ${o.max.toLocaleString('en-US')}`;
}

/** A short, safe rendering of any JSON value for an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * Parses config.json text. Python's json module writes bare Infinity/NaN (e.g. Mamba-2 `time_step_limit`), which
 * JSON.parse rejects; those tokens are read as null.
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const cleaned = text.replace(/([:[,]\s*)(-?Infinity|NaN)(?=\s*[,\]}])/g, '$1null');
    try {
      return JSON.parse(cleaned);
    } catch (error) {
      throw new ConfigError('config', `config is not valid JSON: ${(error as Error).message}`);
    }
  }
}
