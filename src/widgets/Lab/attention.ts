/**
 * The attention panel's view-model: for one variant and layer of the maps the Worker returned, each head's [n, n]
 * map and a sentence naming where the last character looks most (the text equivalent of the heatmaps).
 */
import type { AttentionView } from './runState';

/** How a character is shown: space ␣, newline ↵. */
export const charLabel = (ch: string): string => (ch === ' ' ? '␣' : ch === '\n' ? '↵' : ch);

export interface HeadMap {
  readonly head: number;
  /** [n, n] row-major weights. */
  readonly map: Float32Array;
  /** "Head 3: the last character looks most at “o” (position 5, 42%)." */
  readonly sentence: string;
}

export interface AttentionPanelView {
  /** Variants that have maps (attention or MLA), in run order. */
  readonly options: { value: string; label: string }[];
  readonly n: number;
  readonly heads: HeadMap[];
  readonly caption: string;
}

/** The heads of `variant`'s layer `layer` (0-based); empty when the variant has no maps. */
export function attentionPanel(
  view: AttentionView,
  labels: readonly { id: string; label: string }[],
  variant: string,
  layer: number,
): AttentionPanelView {
  const options = view.maps
    .filter((m) => m.layers !== null)
    .map((m) => ({ value: m.id, label: labels.find((l) => l.id === m.id)?.label ?? m.id }));
  const chosen = view.maps.find((m) => m.id === variant && m.layers) ?? view.maps.find((m) => m.layers);
  const data = chosen?.layers?.[layer];
  const n = chosen?.length ?? 0;
  const chars = [...view.prompt].slice(-n);
  const heads: HeadMap[] = [];
  if (chosen && data && n > 0) {
    for (let h = 0; h < chosen.heads; h++) {
      const map = data.subarray(h * n * n, (h + 1) * n * n);
      const last = map.subarray((n - 1) * n, n * n);
      let best = 0;
      for (let j = 1; j < n; j++) if ((last[j] ?? 0) > (last[best] ?? 0)) best = j;
      const share = Math.round((last[best] ?? 0) * 100);
      heads.push({
        head: h + 1,
        map,
        sentence: `Head ${h + 1}: the last character looks most at “${charLabel(chars[best] ?? '')}” (position ${best + 1} of ${n}, ${share}%).`,
      });
    }
  }
  const name = options.find((o) => o.value === chosen?.id)?.label ?? '';
  return {
    options,
    n,
    heads,
    caption: chosen ? `${name}, layer ${layer + 1}, after ${view.step} steps: row = query, column = key.` : '',
  };
}
