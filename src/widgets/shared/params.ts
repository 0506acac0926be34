/**
 * Forgiving readers for a widget's URL parameters: each returns a valid value and, for anything malformed or out of
 * range, pushes a note naming the key, what it got and what is used instead (shown in the widget's frame). Keys are
 * prefixed per widget ("rope.dim") so several widgets can share one page's query string.
 */

/** Reads prefixed keys of one query string, collecting notes about values that had to be replaced. */
export class ParamReader {
  readonly notes: string[] = [];

  constructor(
    private readonly query: URLSearchParams,
    private readonly prefix: string,
  ) {}

  /** The raw value of `key` (without the prefix), or null. */
  raw(key: string): string | null {
    return this.query.get(`${this.prefix}.${key}`);
  }

  private note(key: string, got: string, expected: string, used: string | number): void {
    this.notes.push(`From the link: ${this.prefix}.${key} "${got}" is not ${expected}; using ${used}.`);
  }

  /** An integer in [min, max]; out-of-range integers are clamped, anything else gives `fallback`. */
  int(key: string, min: number, max: number, fallback: number): number {
    const text = this.raw(key);
    if (text === null) return fallback;
    const trimmed = text.trim();
    if (!/^[+-]?\d+$/.test(trimmed)) {
      this.note(key, text, `an integer from ${min} to ${max}`, fallback);
      return fallback;
    }
    const value = Number(trimmed);
    const clamped = Math.min(max, Math.max(min, value));
    if (clamped !== value) this.note(key, text, `in the range ${min}–${max}`, clamped);
    return clamped;
  }

  /** One of `options` (compared as strings); anything else gives `fallback`. */
  choice<T extends string | number>(key: string, options: readonly T[], fallback: T): T {
    const text = this.raw(key);
    if (text === null) return fallback;
    const hit = options.find((o) => String(o) === text.trim());
    if (hit === undefined) {
      this.note(key, text, `one of ${options.join(', ')}`, fallback);
      return fallback;
    }
    return hit;
  }

  /** 1/true or 0/false. */
  flag(key: string, fallback: boolean): boolean {
    const text = this.raw(key);
    if (text === null) return fallback;
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
    this.note(key, text, '0 or 1', fallback ? 1 : 0);
    return fallback;
  }

  /** Free text up to `maxLength` characters matching `allowed`; otherwise `fallback`. */
  text(key: string, maxLength: number, allowed: RegExp, fallback: string): string {
    const text = this.raw(key);
    if (text === null) return fallback;
    if (text.length === 0 || text.length > maxLength || !allowed.test(text)) {
      this.note(
        key,
        text.length > 40 ? `${text.slice(0, 40)}…` : text,
        `text of 1 to ${maxLength} allowed characters`,
        `"${fallback}"`,
      );
      return fallback;
    }
    return text;
  }
}

/** Prefixes keys for writeParams/useUrlSync, dropping values equal to their default (keeps links short). */
export function prefixed(
  prefix: string,
  values: Record<string, [value: string | number | boolean, fallback: string | number | boolean]>,
): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const [key, [value, fallback]] of Object.entries(values)) {
    const shown = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    out[`${prefix}.${key}`] = value === fallback ? undefined : shown;
  }
  return out;
}
