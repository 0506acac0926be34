/**
 * The real BPE encodings, loaded on demand. Each encoding is a separate dynamic import of gpt-tokenizer's
 * per-encoding entry point, so its merge table (≈ 1 MB gzip for o200k_base) lands in its own lazy chunk and no page
 * pays for it before someone opens the tokenizer (stack notes, pitfall 15). Nothing here imports gpt-tokenizer
 * statically.
 */
import type { Encoder, EncodingName } from './model';

/** The slice of gpt-tokenizer's GptEncoding this adapter uses. */
interface GptEncodingLike {
  encode(text: string): number[];
  vocabularySize: number;
}

/**
 * gpt-tokenizer 4.0.0 keeps each token's bytes in a private BytePairEncodingCore (`tryDecodeToken` returns the string
 * or, for tokens that are not valid UTF-8 alone, the raw bytes). The public `decode` cannot give one token's bytes:
 * it streams through a shared TextDecoder, so a token holding half a character would leak into the next call.
 */
interface CoreLike {
  tryDecodeToken(id: number): string | Uint8Array | undefined;
}

const utf8 = new TextEncoder();

/** Wraps a gpt-tokenizer encoding as the widget's Encoder. Throws if the package's internals have changed. */
export function adaptEncoding(name: EncodingName, api: GptEncodingLike): Encoder {
  const core = (api as unknown as { bytePairEncodingCoreProcessor?: Partial<CoreLike> }).bytePairEncodingCoreProcessor;
  if (!core || typeof core.tryDecodeToken !== 'function')
    throw new Error('gpt-tokenizer internals changed: no bytePairEncodingCoreProcessor.tryDecodeToken');
  const decodeToken = core.tryDecodeToken.bind(core);
  return {
    name,
    vocabularySize: api.vocabularySize,
    encode: (text) => api.encode(text),
    tokenBytes: (id) => {
      const value = decodeToken(id);
      if (value === undefined) return new Uint8Array(0);
      return typeof value === 'string' ? utf8.encode(value) : value;
    },
  };
}

const cache = new Map<EncodingName, Promise<Encoder>>();
const ready = new Map<EncodingName, Encoder>();

/** The encoding if it has already loaded on this page, else undefined (never starts a download). */
export function loadedEncoding(name: EncodingName): Encoder | undefined {
  return ready.get(name);
}

/** Loads one encoding (once per page; later calls share the same promise). */
export function loadEncoding(name: EncodingName): Promise<Encoder> {
  let pending = cache.get(name);
  if (!pending) {
    const module =
      name === 'o200k_base'
        ? import('gpt-tokenizer/encoding/o200k_base')
        : import('gpt-tokenizer/encoding/cl100k_base');
    pending = module.then((m) => {
      const encoder = adaptEncoding(name, m.default);
      ready.set(name, encoder);
      return encoder;
    });
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}
