/**
 * The header's live token count: how many o200k_base (GPT-4o) tokens the search query is, linking to the tokenization
 * entry. The encoding (≈ 1 MB gzip, its own lazy chunk) starts loading on the first keystroke, never before, so the
 * header adds only this component's few hundred bytes to a page's initial JavaScript.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadedEncoding, loadEncoding } from '../../widgets/Tokenizer/encodings';
import type { Encoder } from '../../widgets/Tokenizer/model';
import './token-count.css';

/** "1 token", "4 tokens". */
export function tokenCountText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'token' : 'tokens'}`;
}

export default function TokenCount({ text }: { text: string }) {
  const [encoder, setEncoder] = useState<Encoder | null>(() => loadedEncoding('o200k_base') ?? null);
  const [failed, setFailed] = useState(false);
  const wanted = text !== '';

  useEffect(() => {
    if (!wanted || encoder || failed) return;
    let live = true;
    loadEncoding('o200k_base').then(
      (e) => live && setEncoder(e),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, encoder, failed]);

  if (!wanted || failed) return null;
  const label = encoder ? tokenCountText(encoder.encode(text).length) : '… tokens';
  return (
    <a
      class="search__tokens"
      href="/architectures/tokenization/"
      aria-label={
        encoder
          ? `${label} in o200k_base, GPT-4o's tokenizer: read about tokenization`
          : 'Counting tokens: loading the tokenizer. Read about tokenization'
      }
      title="Tokens in o200k_base (GPT-4o's tokenizer). Read about tokenization."
    >
      {label}
    </a>
  );
}
