/**
 * The example passage whose words label the tokens of the labelled grid (N ≤ 64). One word per token, punctuation
 * dropped; the first sixteen form the sentence of the default 16-token view.
 */
const PASSAGE =
  'Attention lets every token look back at the words that came before it in the text. ' +
  'A sliding window keeps only the nearest ones, so the cost grows with the window and not with the whole ' +
  'sequence. Stacked layers carry information further, one window at a time, until a token far down the page is ' +
  'still shaped by the first words of the story.';

/** The 64 words of the passage, token 1 first. */
export const EXAMPLE_WORDS: readonly string[] = PASSAGE.split(/\s+/).map((word) => word.replace(/[.,]/g, ''));

/** The word of 1-based `token`, or null beyond the passage. */
export function wordOf(token: number): string | null {
  return EXAMPLE_WORDS[token - 1] ?? null;
}
