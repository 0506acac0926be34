/**
 * The tokenizer widget's view-model: text in, everything to draw and say out. Token chips with ids (whitespace made
 * visible, tokens that hold part of a multi-byte character shown as their bytes), counts of tokens, characters and
 * UTF-8 bytes, the two encodings compared, and what the tokens cost in KV memory for a chosen model (src/core
 * kvCache over the sourced presets). The encoder is injected, so Node tests use a tiny fake and the page a real BPE.
 */
import { kvBytesPerToken, kvCache } from '../../core/kvCache';
import { formatBytes, formatInteger } from '../../core/units';
import { getPreset, presetSpec, PRESETS } from '../../models/presets';

export type EncodingName = 'o200k_base' | 'cl100k_base';

/** What the view-model needs from a tokenizer. */
export interface Encoder {
  name: EncodingName;
  vocabularySize: number;
  encode(text: string): number[];
  /** The exact bytes one token stands for. */
  tokenBytes(id: number): Uint8Array;
}

/** The encodings compared, with the models that use them and their lazy chunk size (gzip, kB = 1000 bytes). */
export const ENCODINGS: Record<EncodingName, { label: string; models: string; gzipKb: number }> = {
  o200k_base: { label: 'o200k_base', models: 'GPT-4o, GPT-4.1, o1/o3, gpt-oss', gzipKb: 1020 },
  cl100k_base: { label: 'cl100k_base', models: 'GPT-4, GPT-3.5-turbo', gzipKb: 440 },
};
export const ENCODING_NAMES: readonly EncodingName[] = ['o200k_base', 'cl100k_base'];
/** The tokenizer's shared code chunk (encoder class, special tokens), gzip kB. */
export const SHARED_CHUNK_KB = 7;
/** What "Load the tokenizer" downloads, gzip kB. */
export const LOAD_KB = ENCODINGS.o200k_base.gzipKb + ENCODINGS.cl100k_base.gzipKb + SHARED_CHUNK_KB;

/** Longest text the widget tokenizes; longer input is cut with a note. */
export const MAX_TEXT = 20_000;
/** Chips drawn per encoding; counts always cover the whole text. */
export const MAX_CHIPS = 1_500;
export const DEFAULT_MODEL = 'llama-3.1-8b';
export const DEFAULT_TEXT =
  'Tokenizers split text into subword pieces: "unbelievably" may become un + believ + ably.\n' +
  'Numbers like 1234567 and code like  if (x == 42) { return; } split differently.\n' +
  'Other scripts cost more: 東京は大きい. Emoji too: 🚀👍🏽';

/** Counts that need no tokenizer. */
export interface TextStats {
  /** Unicode code points. */
  characters: number;
  /** UTF-8 bytes. */
  bytes: number;
}

const utf8 = new TextEncoder();

export function textStats(text: string): TextStats {
  return { characters: Array.from(text).length, bytes: utf8.encode(text).length };
}

/** One token as a chip. */
export interface Chip {
  index: number;
  id: number;
  /** What the chip shows: the text with whitespace made visible, or the bytes of a partial character. */
  label: string;
  /** Spoken/hover description, e.g. 'token 3, id 1234: " the" (4 bytes)'. */
  description: string;
  bytes: number;
  /** The token holds part of a multi-byte character, not valid UTF-8 alone. */
  partial: boolean;
  /** Colour class 0–4, cycling, so neighbours always differ. */
  tone: number;
  /** The token ends in a newline: start a new line after it. */
  breakAfter: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const VISIBLE: Record<string, string> = { ' ': '·', '\n': '↵', '\t': '→', '\r': '␍', '\u00a0': '⍽' };

/** The text with spaces, tabs, newlines and other control characters drawn as visible symbols. */
export function visibleText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += VISIBLE[ch] ?? (code < 0x20 ? String.fromCodePoint(0x2400 + code) : code === 0x7f ? '␡' : ch);
  }
  return out;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** Length of the UTF-8 sequence a lead byte starts (0 for a continuation or invalid byte). */
const sequenceLength = (b: number) =>
  b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;

/**
 * A token's bytes as a label: complete characters as visible text, bytes that are only part of a character (split
 * across tokens by byte-level BPE) as ⟨hex⟩ groups. E.g. bytes 20 F0 9F 9A → "·⟨F0 9F 9A⟩".
 */
export function byteLabel(bytes: Uint8Array): { label: string; partial: boolean } {
  let label = '';
  let pending: number[] = [];
  let partial = false;
  const flush = () => {
    if (pending.length) label += `⟨${hex(Uint8Array.from(pending))}⟩`;
    partial ||= pending.length > 0;
    pending = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]!);
    let text: string | null = null;
    if (n > 0 && i + n <= bytes.length) {
      try {
        text = strict.decode(bytes.subarray(i, i + n));
      } catch {
        text = null;
      }
    }
    if (text === null) {
      pending.push(bytes[i]!);
      i += 1;
    } else {
      flush();
      label += visibleText(text);
      i += n;
    }
  }
  flush();
  return { label, partial };
}

interface TokenFacts {
  label: string;
  partial: boolean;
  bytes: number;
  /** The token's text, or null when it holds part of a character. */
  text: string | null;
  hex: string;
}

/** Per-encoder memo of what a token id looks like: ids repeat, and typing re-renders every chip. */
const factsCache = new WeakMap<Encoder, Map<number, TokenFacts>>();

function tokenFacts(encoder: Encoder, id: number): TokenFacts {
  let memo = factsCache.get(encoder);
  if (!memo) factsCache.set(encoder, (memo = new Map()));
  let facts = memo.get(id);
  if (!facts) {
    const raw = encoder.tokenBytes(id);
    const { label, partial } = byteLabel(raw);
    facts = { label, partial, bytes: raw.length, text: partial ? null : strict.decode(raw), hex: hex(raw) };
    memo.set(id, facts);
  }
  return facts;
}

/** Chips for the first `limit` tokens of `ids`. */
export function tokenChips(encoder: Encoder, ids: readonly number[], limit = MAX_CHIPS): Chip[] {
  return ids.slice(0, limit).map((id, index) => {
    const { label, partial, bytes: n, text, hex: bytesHex } = tokenFacts(encoder, id);
    const size = `${n} ${n === 1 ? 'byte' : 'bytes'}`;
    const description =
      text === null
        ? `token ${index + 1}, id ${id}: bytes ${bytesHex}, including part of a multi-byte character`
        : `token ${index + 1}, id ${id}: ${JSON.stringify(text)} (${size})`;
    return {
      index,
      id,
      label: label === '' ? '∅' : label,
      description,
      bytes: n,
      partial,
      tone: index % 5,
      breakAfter: text !== null && text.endsWith('\n'),
    };
  });
}

/** One encoding's result for the current text. */
export interface EncodingView {
  name: EncodingName;
  label: string;
  models: string;
  vocabularySize: number;
  tokens: number;
  ids: number[];
  chips: Chip[];
  /** Tokens not drawn (beyond MAX_CHIPS). */
  hidden: number;
  /** "3.9 characters per token", or "" for empty text. */
  ratio: string;
}

export function encodingView(encoder: Encoder, text: string, limit = MAX_CHIPS): EncodingView {
  const ids = text === '' ? [] : encoder.encode(text);
  const chars = textStats(text).characters;
  const meta = ENCODINGS[encoder.name];
  return {
    name: encoder.name,
    label: meta.label,
    models: meta.models,
    vocabularySize: encoder.vocabularySize,
    tokens: ids.length,
    ids,
    chips: tokenChips(encoder, ids, limit),
    hidden: Math.max(0, ids.length - limit),
    ratio: ids.length === 0 ? '' : `${(chars / ids.length).toFixed(1)} characters per token`,
  };
}

/** "o200k_base needs 3 fewer tokens than cl100k_base (12 vs 15, 20% fewer)." */
export function compareSentence(a: EncodingView, b: EncodingView): string {
  if (a.tokens === b.tokens) return `${a.label} and ${b.label} both need ${plural(a.tokens, 'token')}.`;
  const [few, many] = a.tokens < b.tokens ? [a, b] : [b, a];
  const pct = Math.round((100 * (many.tokens - few.tokens)) / many.tokens);
  return (
    `${few.label} needs ${plural(many.tokens - few.tokens, 'token')} fewer than ${many.label} ` +
    `(${formatInteger(few.tokens)} vs ${formatInteger(many.tokens)}, ${pct}% fewer).`
  );
}

/** KV memory of the tokens in one model. */
export interface KvView {
  modelId: string;
  modelName: string;
  tokens: number;
  /** Exact bytes the tokens add to the KV cache (one sequence, bf16). */
  bytes: number;
  bytesText: string;
  perTokenText: string;
  /** What follows the figure: "of keys and values for 8 tokens in Llama-3.1-8B (bf16, …)". */
  detail: string;
  sentence: string;
  /** Link into the KV calculator with this state, or null for zero tokens. */
  href: string | null;
  notes: string[];
}

const specCache = new Map<string, ReturnType<typeof presetSpec>>();
const specOf = (id: string) => {
  let spec = specCache.get(id);
  if (!spec) specCache.set(id, (spec = presetSpec(id)));
  return spec;
};

export const MODEL_OPTIONS = PRESETS.map((p) => ({ value: p.id, label: p.name }));

/** KV bytes of `tokens` cached tokens in preset `modelId` (bf16, one sequence), with the sentence to show. */
export function kvView(modelId: string, tokens: number): KvView {
  const preset = getPreset(modelId) ?? getPreset(DEFAULT_MODEL)!;
  const spec = specOf(preset.id);
  const perToken = kvBytesPerToken(spec);
  const bytes = tokens > 0 ? kvCache(spec, { tokens }).kvBytes : 0;
  const notes: string[] = [];
  if (perToken === 0)
    notes.push(`${preset.name} has no KV cache: its recurrent state has a constant size, whatever the length.`);
  else if (bytes < tokens * perToken)
    notes.push('Sliding-window layers keep at most their window of tokens, so the total grows more slowly.');
  const bytesText = formatBytes(bytes);
  const context = `(bf16, ${formatBytes(perToken)} per token, one sequence)`;
  return {
    modelId: preset.id,
    modelName: preset.name,
    tokens,
    bytes,
    bytesText,
    perTokenText: formatBytes(perToken),
    detail: `of keys and values for ${plural(tokens, 'token')} in ${preset.name} ${context}`,
    sentence: `${plural(tokens, 'token')} cache ${bytesText} of keys and values in ${preset.name} ${context}.`,
    href: tokens > 0 ? `/explore/kv-cache/?model=${encodeURIComponent(preset.id)}&tokens=${tokens}` : null,
    notes,
  };
}

export function plural(n: number, word: string): string {
  return `${formatInteger(n)} ${word}${n === 1 ? '' : 's'}`;
}
