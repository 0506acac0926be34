/**
 * Parsing of the free-text prompt arguments (MCP prompt arguments are strings): memory sizes such as "80 GB" or
 * "24 GiB" and context lengths such as "131072" or "128k". Bad text raises an InputError naming the field and the
 * accepted forms; nothing returns NaN.
 */
import { MAX_TOKENS } from '../core/kvCache';
import { InputError } from '../core/modelSpec';
import { formatInteger } from '../core/units';

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Smallest and largest accepted memory budgets: 1 MB and 1 PB. */
export const MIN_BUDGET = 1e6;
export const MAX_BUDGET = 1e15;

/**
 * "80 GB" → 80e9, "24 GiB" → 24·2^30, "1.5TB" → 1.5e12, "17179869184" → 17179869184 (a bare number is bytes).
 * Units: B, KB, MB, GB, TB (decimal) and KiB, MiB, GiB, TiB (binary), case-insensitive.
 */
export function parseByteSize(field: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const scale = match ? UNITS[(match[2] || 'b').toLowerCase()] : undefined;
  const value = match && scale !== undefined ? Math.round(Number(match[1]) * scale) : NaN;
  if (!Number.isSafeInteger(value) || value < MIN_BUDGET || value > MAX_BUDGET) {
    throw new InputError(
      field,
      `${field}: must be a memory size from 1 MB to 1 PB such as "80 GB", "24 GiB" or a byte count, got ` +
        `${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`,
    );
  }
  return value;
}

/** "131072" → 131072, "128k" → 131072 (k = 1,024 tokens), "1M" → 1,048,576; 1 … MAX_TOKENS. */
export function parseTokenCount(field: string, text: string): number {
  const match = /^\s*(\d+)\s*([km]?)\s*$/i.exec(text.replace(/[,_]/g, ''));
  const scale = match ? { '': 1, k: 1024, m: 1024 * 1024 }[(match[2] ?? '').toLowerCase()] : undefined;
  const value = match && scale !== undefined ? Number(match[1]) * scale : NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_TOKENS) {
    throw new InputError(
      field,
      `${field}: must be a token count from 1 to ${formatInteger(MAX_TOKENS)} such as "131072" or "128k", got ` +
        `${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`,
    );
  }
  return value;
}
