/**
 * Accepted ranges of the attention-mask parameters (patterns as defined in patterns.ts: Longformer §3.1, Sparse
 * Transformers §4, T5 §3.2.1) and a strict check used by every core entry point. The user-facing limits
 * (`paramRange`) are what the widget, the CLI and MCP accept; the core itself accepts any value with a meaning
 * (a window wider than n is simply clipped), so equivalences such as "bidirectional sliding with ⌊W/2⌋ ≥ n − 1 is
 * full attention" can be stated.
 */
import type { MaskParams } from './types';

/** Largest sequence length the atlas draws (the Canvas heatmap budget). */
export const MAX_N = 1024;

/** A numeric parameter with a user-facing range. */
export type RangedParam = 'n' | 'token' | 'window' | 'dilation' | 'group' | 'chunk' | 'prefix' | 'global';

/** The accepted inclusive range of a parameter for sequence length `n` (global = each global position). */
export function paramRange(name: RangedParam, n: number): { min: number; max: number } {
  if (name === 'n') return { min: 1, max: MAX_N };
  return { min: name === 'prefix' ? 0 : 1, max: n };
}

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * Throws a RangeError naming the first invalid field and its accepted range. Valid: n an integer 1–1024, a known
 * direction, window / dilation / group / chunk integers ≥ 1, prefix an integer ≥ 0, global positions integers 1–n.
 */
export function assertMaskParams(params: MaskParams): void {
  const { n } = params;
  if (!isInt(n) || n < 1 || n > MAX_N) throw new RangeError(`n must be an integer from 1 to ${MAX_N}, got ${n}`);
  if (params.direction !== 'causal' && params.direction !== 'bidirectional') {
    throw new RangeError(`direction must be causal or bidirectional, got ${String(params.direction)}`);
  }
  for (const name of ['window', 'dilation', 'group', 'chunk'] as const) {
    const value = params[name];
    if (!isInt(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
  }
  if (!isInt(params.prefix) || params.prefix < 0) {
    throw new RangeError(`prefix must be an integer ≥ 0, got ${params.prefix}`);
  }
  for (const position of params.global) {
    if (!isInt(position) || position < 1 || position > n) {
      throw new RangeError(`global positions must be integers from 1 to ${n}, got ${position}`);
    }
  }
}

/** Throws a RangeError unless `token` is a position 1–n. */
export function assertToken(token: number, n: number): void {
  if (!isInt(token) || token < 1 || token > n) {
    throw new RangeError(`token must be an integer from 1 to ${n}, got ${token}`);
  }
}
