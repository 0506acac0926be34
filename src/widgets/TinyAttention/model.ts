/**
 * View-model of the tiny-model attention widget: the typed text mapped onto the model's vocabulary (with notes for
 * characters it does not know), and for each shipped variant (MHA, GQA-2) every head's attention map per layer, the
 * heads grouped by the KV head they share, the next-character prediction, and every sentence the widget reads out.
 * The numbers come from the hand-written forward pass (src/core/attention.ts) over the trained weights.
 */
import { meanNll, nextCharProbs, tinyGptForward, type TinyCache, type TinyForward } from '../../core/attention';
import type { TinyGptWeights } from '../../core/tinyGpt';
import type { TinyManifest } from '../../core/tinyManifest';
import { formatInteger } from '../../core/units';

/** The model's context: the longest text the widget runs. */
export const MAX_CHARS = 64;
/** A sentence of the training text (src/lab/corpus.ts; a test checks it occurs there). */
export const DEFAULT_TEXT = 'Zoe found the farmer behind the old bridge.';

/** A trained model as the page holds it: its manifest and its weights widened to float32. */
export interface LoadedModel {
  readonly manifest: TinyManifest;
  readonly weights: TinyGptWeights;
}

/** The typed text as the model sees it. */
export interface PreparedInput {
  /** The characters kept (after replacements), at most MAX_CHARS. */
  readonly chars: readonly string[];
  readonly ids: readonly number[];
  /** Visible notes: dropped or replaced characters, truncation. */
  readonly notes: readonly string[];
}

/** How a character is shown in the strip and in sentences: space ␣, newline ↵. */
export const charLabel = (ch: string): string => (ch === ' ' ? '␣' : ch === '\n' ? '↵' : ch);
const quoted = (ch: string) => `“${charLabel(ch)}”`;

/**
 * Maps `text` onto `vocab`: known characters stay; a letter whose other case is known, and tabs or other spaces,
 * are replaced; anything else is dropped. Every change is reported in `notes`, never silently.
 */
export function prepareInput(text: string, vocab: string, max = MAX_CHARS): PreparedInput {
  const chars: string[] = [];
  const ids: number[] = [];
  const dropped = new Set<string>();
  const replaced = new Map<string, string>();
  for (const ch of text) {
    let use = ch;
    if (!vocab.includes(use)) {
      const alternative = [ch.toLowerCase(), ch.toUpperCase(), /\s/.test(ch) ? ' ' : ''].find(
        (c) => c !== '' && c !== ch && [...c].length === 1 && vocab.includes(c),
      );
      if (alternative === undefined) {
        dropped.add(ch);
        continue;
      }
      replaced.set(ch, alternative);
      use = alternative;
    }
    chars.push(use);
    ids.push(vocab.indexOf(use));
  }
  const notes: string[] = [];
  if (dropped.size > 0)
    notes.push(
      `Not in the model's ${[...vocab].length}-character vocabulary, so left out: ${[...dropped].map(quoted).join(', ')}.`,
    );
  if (replaced.size > 0)
    notes.push(
      `Replaced to fit the vocabulary: ${[...replaced].map(([a, b]) => `${quoted(a)} → ${quoted(b)}`).join(', ')}.`,
    );
  if (chars.length > max) notes.push(`Only the first ${max} characters are used (the model's context).`);
  return { chars: chars.slice(0, max), ids: ids.slice(0, max), notes };
}

/**
 * Runs a model on prepared ids; null for empty input. Pass the model's own cache (createTinyCache) to recompute only
 * the characters after the first change.
 */
export function runModel(model: LoadedModel, ids: readonly number[], cache?: TinyCache): TinyForward | null {
  return ids.length === 0 ? null : tinyGptForward(model.manifest.config, model.weights, ids, cache);
}

export interface HeadView {
  /** 0-based head index. */
  readonly head: number;
  readonly kvHead: number;
  readonly label: string;
  /** Row-major [T, T] attention weights. */
  readonly map: Float32Array;
  /** Describes the head's row for the current query (for the button's accessible name). */
  readonly description: string;
}

export interface HeadGroup {
  readonly kvHead: number;
  readonly label: string;
  readonly heads: readonly HeadView[];
}

export interface LayerView {
  readonly layer: number;
  readonly label: string;
  readonly groups: readonly HeadGroup[];
}

export interface Prediction {
  readonly label: string;
  readonly percent: string;
}

export interface VariantView {
  readonly id: string;
  readonly label: string;
  readonly stats: readonly { label: string; value: string }[];
  readonly layers: readonly LayerView[];
  readonly predictions: readonly Prediction[];
  /** "After “…old b”, this model expects:" */
  readonly predictionLead: string;
  /** Its loss on the typed text, or null below two characters. */
  readonly textLoss: string | null;
}

const percent = (p: number) => `${(p * 100).toFixed(p >= 0.1 ? 0 : 1)}%`;

/** The keys with the largest weights in row `query` of `map` (T × T), largest first, ties by position. */
export function topKeys(map: Float32Array, T: number, query: number, count = 3): { key: number; weight: number }[] {
  // One pass with a small sorted list: this runs for all 16 heads on every keystroke.
  const top: { key: number; weight: number }[] = [];
  for (let key = 0; key <= query && key < T; key++) {
    const weight = map[query * T + key] ?? 0;
    if (top.length === count && weight <= (top[count - 1]?.weight ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.weight ?? 0) < weight) at--;
    top.splice(at, 0, { key, weight });
    if (top.length > count) top.pop();
  }
  return top;
}

/** "“o” 0.61, “ ” 0.20, “w” 0.08": the strongest keys of a row, as text. */
export function describeRow(map: Float32Array, T: number, query: number, chars: readonly string[]): string {
  return topKeys(map, T, query)
    .map(({ key, weight }) => `${quoted(chars[key] ?? '')} (${key + 1}) ${weight.toFixed(2)}`)
    .join(', ');
}

/** Every head of every layer, grouped by shared KV head, plus stats and the next-character prediction at `query`. */
export function buildVariantView(
  model: LoadedModel,
  forward: TinyForward,
  chars: readonly string[],
  query: number,
): VariantView {
  const { manifest } = model;
  const { heads, mixer } = manifest.config;
  const group = heads / mixer.kvHeads;
  const T = forward.length;
  const q = Math.min(Math.max(0, query), T - 1);
  const layers = forward.attention.map((maps, layer) => ({
    layer,
    label: `Layer ${layer + 1}`,
    groups: Array.from({ length: mixer.kvHeads }, (_, kvHead) => ({
      kvHead,
      label: group === 1 ? `KV ${kvHead + 1}` : `KV head ${kvHead + 1} · shared`,
      heads: maps.slice(kvHead * group, (kvHead + 1) * group).map((map, i) => {
        const head = kvHead * group + i;
        return {
          head,
          kvHead,
          label: `Head ${head + 1}`,
          map,
          description: `${manifest.id.toUpperCase()} layer ${layer + 1} head ${head + 1} (KV head ${kvHead + 1}): query ${quoted(chars[q] ?? '')} attends most to ${describeRow(map, T, q, chars)}`,
        };
      }),
    })),
  }));
  const probs = nextCharProbs(forward, q);
  const predictions = Array.from(probs, (p, id) => ({ id, p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3)
    .map(({ id, p }) => ({ label: charLabel(manifest.vocab[id] ?? ''), percent: percent(p) }));
  const nll = meanNll(
    forward,
    chars.map((ch) => manifest.vocab.indexOf(ch)),
  );
  const context = chars.slice(Math.max(0, q - 7), q + 1).join('');
  return {
    id: manifest.id,
    label: manifest.label,
    stats: [
      { label: 'Validation loss', value: `${manifest.valLoss.toFixed(3)} nats/char` },
      {
        label: 'KV cache',
        value: `${formatInteger(manifest.kvBytesPerToken)} B/token (fp32, ${manifest.config.layers} layers)`,
      },
      { label: 'Parameters', value: formatInteger(manifest.params) },
    ],
    layers,
    predictions,
    predictionLead: `After “${q > 7 ? '…' : ''}${context.replace(/\n/g, '↵')}” it expects`,
    textLoss: nll === null ? null : `${nll.toFixed(2)} nats/char on your text`,
  };
}

/** A head chosen for the strip of bars: which variant, layer and head. */
export interface HeadChoice {
  readonly variant: string;
  readonly layer: number;
  readonly head: number;
}

/** The chosen head's attention row for `query` as bar heights (0–1) per key, with its caption. */
export function rowBars(
  view: VariantView | undefined,
  choice: HeadChoice,
  T: number,
  query: number,
): { weights: number[]; caption: string } | null {
  const head = view?.layers[choice.layer]?.groups.flatMap((g) => g.heads).find((h) => h.head === choice.head);
  if (!view || !head) return null;
  const weights = Array.from({ length: T }, (_, key) => (key <= query ? (head.map[query * T + key] ?? 0) : 0));
  const caption = `${view.id.toUpperCase()} · layer ${choice.layer + 1} · head ${choice.head + 1}`;
  return { weights, caption };
}

/** The widget's text equivalent. */
export function readout(
  views: readonly VariantView[],
  chars: readonly string[],
  query: number,
  choice: HeadChoice,
): string {
  if (chars.length === 0) return 'Type some text to see the attention of the two trained models.';
  const q = Math.min(query, chars.length - 1);
  const chosen = views.find((v) => v.id === choice.variant);
  const head = chosen?.layers[choice.layer]?.groups.flatMap((g) => g.heads).find((h) => h.head === choice.head);
  const predictions = views
    .map((v) => `${v.id.toUpperCase()} ${v.predictions.map((p) => `${quoted(p.label)} ${p.percent}`).join(', ')}`)
    .join('; ');
  return (
    `Query ${quoted(chars[q] ?? '')}, character ${q + 1} of ${chars.length}. ` +
    (head ? `${head.description}. ` : '') +
    `Next character: ${predictions}.`
  );
}
