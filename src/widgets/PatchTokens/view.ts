/** Everything PatchTokens shows for one state: layout, selected token, sequence strip, tables, diagrams, readout. */
import { formatInteger } from '../../core/units';
import { vitSetting } from '../../core/vision';
import { layoutFor, stripLayout, tokenInfo, type Layout, type Strip, type TokenInfo } from './model';
import type { PatchState } from './state';
import { countRows, fusionDiagrams, kvRows, safeQwen, type CountRow, type FusionDiagrams, type KvRow } from './tables';

export interface PatchView {
  layout: Layout;
  token: TokenInfo;
  strip: Strip;
  counts: CountRow[];
  kv: { rows: KvRow[]; modelName: string; note: string };
  diagrams: FusionDiagrams;
  /** Slider text for the selected position, e.g. "38 of 0–196". */
  posText: string;
  /** The picture's text equivalent. */
  pictureLabel: string;
  readout: string;
  notes: string[];
}

export function buildPatchView(state: PatchState): PatchView {
  const { layout, notes } = layoutFor(state);
  const token = tokenInfo(layout, state.pos);
  const qwen = safeQwen(state.width, state.height);
  const cells = layout.rows * layout.cols;
  const imageTokens = state.scheme === 'qwen2-vl' ? layout.sequence : cells;
  const imageLabel =
    state.scheme === 'qwen2-vl'
      ? 'Qwen2-VL'
      : state.scheme === 'llava-1.5'
        ? 'LLaVA-1.5'
        : `${vitSetting(state.scheme).label}, its patches projected into an LLM as LLaVA does`;
  const pictureLabel =
    `A procedurally drawn landscape, ${layout.image.width} × ${layout.image.height} pixels, cut into ` +
    `${layout.rows} × ${layout.cols} cells of ${layout.cell} px; the selected cell is outlined.`;
  return {
    layout,
    token,
    strip: stripLayout(layout),
    counts: countRows(qwen),
    kv: kvRows(state.model, qwen),
    diagrams: fusionDiagrams(imageTokens, imageLabel),
    posText: `${formatInteger(token.pos)} of 0–${formatInteger(layout.sequence - 1)}`,
    pictureLabel,
    readout: `${layout.summary}. ${token.sentence}`,
    notes,
  };
}
