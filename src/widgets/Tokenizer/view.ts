/**
 * Everything the tokenizer shows for one state, whichever encodings have loaded so far: the counts that need no
 * tokenizer, one view per loaded encoding, the comparison, the KV memory and the readout sentence.
 */
import { formatInteger } from '../../core/units';
import {
  compareSentence,
  ENCODING_NAMES,
  encodingView,
  kvView,
  LOAD_KB,
  plural,
  textStats,
  type Encoder,
  type EncodingName,
  type EncodingView,
  type KvView,
  type TextStats,
} from './model';
import type { TokenizerState } from './state';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface TokenizerView {
  stats: TextStats;
  /** One view per loaded encoding, o200k_base first. */
  encodings: EncodingView[];
  comparison: string | null;
  /** KV memory of the first loaded encoding's tokens, or null before any has loaded. */
  kv: KvView | null;
  /** Which encoding's count the KV figure uses. */
  kvEncoding: string | null;
  loadLabel: string;
  statusText: string;
  readout: string;
}

export function buildView(
  state: TokenizerState,
  encoders: Partial<Record<EncodingName, Encoder>>,
  status: LoadStatus,
  chipLimit?: number,
): TokenizerView {
  const stats = textStats(state.text);
  const encodings = ENCODING_NAMES.flatMap((name) => {
    const encoder = encoders[name];
    return encoder ? [encodingView(encoder, state.text, chipLimit)] : [];
  });
  const [first, second] = encodings;
  const kv = first ? kvView(state.model, first.tokens) : null;
  const counts = `${plural(stats.characters, 'character')}, ${plural(stats.bytes, 'UTF-8 byte')}`;
  const loadLabel = `Load the tokenizer (≈ ${formatInteger(LOAD_KB)} KB)`;
  const statusText =
    status === 'loading'
      ? `Loading the o200k_base and cl100k_base encodings (≈ ${formatInteger(LOAD_KB)} KB)…`
      : status === 'error'
        ? 'The tokenizer could not be loaded. Check the connection and try again.'
        : status === 'idle'
          ? 'The encodings load when you press the button or start editing the text.'
          : '';
  let readout: string;
  if (!first)
    readout = `${counts}. ${status === 'loading' ? 'Loading the tokenizer…' : 'Tokens appear once the tokenizer is loaded.'}`;
  else {
    const tokenPart = second
      ? `${plural(first.tokens, 'token')} in ${first.label} and ${formatInteger(second.tokens)} in ${second.label}`
      : `${plural(first.tokens, 'token')} in ${first.label}`;
    readout = `${tokenPart}; ${counts}.${kv && first.tokens > 0 ? ` ${kv.sentence}` : ''}`;
  }
  return {
    stats,
    encodings,
    comparison: first && second ? compareSentence(first, second) : null,
    kv,
    kvEncoding: first?.label ?? null,
    loadLabel,
    statusText,
    readout,
  };
}
