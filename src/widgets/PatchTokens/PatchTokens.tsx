/**
 * From pixels to tokens: a picture cut into P×P patches by a real encoder setting (ViT-B/16, ViT-L/14, LLaVA-1.5,
 * Qwen2-VL's dynamic resolution), the token sequence that results ([CLS], markers, positions), early fusion against
 * cross-attention, the token counts of real settings and what an image costs in a model's KV cache.
 * Render-only: every number and sentence comes from model.ts, tables.ts and view.ts over src/core/vision.
 */
import { useMemo, useState } from 'preact/hooks';
import { Controls, NumberField, Select, Slider } from '../shared/controls';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { MAX_IMAGE_SIDE } from '../../core/vision';
import { getPreset } from '../../models/presets';
import { FusionDiagrams } from './FusionDiagrams';
import { PictureCanvas } from './PictureCanvas';
import { SequenceCanvas } from './SequenceCanvas';
import { DEFAULT_PATCH_STATE, fromUrl, isScheme, SCHEMES, toUrl, type PatchState, type SchemeId } from './state';
import { CountsTable, KvPanel } from './Tables';
import { buildPatchView } from './view';
import './patch-tokens.css';

export interface PatchTokensProps {
  /** Starting encoder for embeds (default ViT-B/16 at 224 px). */
  scheme?: SchemeId;
  /** Preset id for the KV-cache table (default Llama-2-7B, the geometry of LLaVA-1.5-7B's Vicuna). */
  model?: string;
  /** Heading level of the title: 3 inside entries. */
  level?: 2 | 3;
  /** Read and write the page's URL (keys patch.enc, patch.w, patch.h, patch.pos, patch.model). */
  url?: boolean;
}

export function PatchTokens({ scheme, model, level = 3, url = false }: PatchTokensProps) {
  const [state, setState] = useState<PatchState>(() => ({
    ...DEFAULT_PATCH_STATE,
    scheme: scheme && isScheme(scheme) ? scheme : DEFAULT_PATCH_STATE.scheme,
    model: model && getPreset(model) ? model : DEFAULT_PATCH_STATE.model,
  }));
  const [linkNotes, setLinkNotes] = useState<string[]>([]);
  useUrlRestore((params) => {
    const linked = fromUrl(params, state);
    setState(linked.state);
    setLinkNotes(linked.notes);
  }, url);
  useUrlSync(toUrl(state), url);

  const view = useMemo(() => buildPatchView(state), [state]);
  const patch = (values: Partial<PatchState>) => setState((current) => ({ ...current, ...values }));
  const pick = (pos: number) => patch({ pos });
  const qwen = state.scheme === 'qwen2-vl';

  return (
    <WidgetFrame
      class="ptk"
      title="From pixels to tokens"
      lead="Pick an encoder and a token: see which patch it is, where it sits in the sequence, and what the image costs a language model."
      provenance="computed"
      provenanceDetail="Computed live · counts from published settings"
      notes={[...linkNotes, ...view.notes]}
      level={level}
    >
      <Controls label="Encoder settings">
        <Select
          label="Encoder"
          value={state.scheme}
          options={SCHEMES}
          onChange={(value) => patch({ scheme: value, pos: value === 'llava-1.5' ? 0 : 1 })}
        />
        {qwen && (
          <>
            <NumberField
              label="Image width"
              value={state.width}
              min={1}
              max={MAX_IMAGE_SIDE}
              unit="px"
              onChange={(width) => patch({ width })}
            />
            <NumberField
              label="Image height"
              value={state.height}
              min={1}
              max={MAX_IMAGE_SIDE}
              unit="px"
              onChange={(height) => patch({ height })}
            />
          </>
        )}
      </Controls>
      <Slider
        label="Token position"
        value={view.token.pos}
        min={0}
        max={view.layout.sequence - 1}
        format={() => view.posText}
        onChange={pick}
      />
      <LiveReadout>{view.readout}</LiveReadout>
      <div class="ptk__main">
        <PictureCanvas layout={view.layout} token={view.token} label={view.pictureLabel} onPick={pick} />
        <SequenceCanvas layout={view.layout} strip={view.strip} selected={view.token.pos} onPick={pick} />
      </div>
      <FusionDiagrams diagrams={view.diagrams} level={level === 2 ? 3 : 4} />
      <CountsTable rows={view.counts} current={state.scheme} />
      <KvPanel model={state.model} kv={view.kv} onModel={(id) => patch({ model: id })} />
      <p class="ptk__note">
        The picture is drawn by code from a fixed seed, not a photo; token counts and positions follow the cited papers
        and code (ViT, LLaVA-1.5, Qwen2-VL's smart_resize, Flamingo, Chameleon). The example prompt in the diagrams is
        illustrative.
      </p>
    </WidgetFrame>
  );
}

export default PatchTokens;
