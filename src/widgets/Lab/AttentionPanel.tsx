/** Attention maps of the attention variants on a prompt: one heatmap per head, with a sentence each. Render-only. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { paintAttention, type HeatRamp } from '../TinyAttention/paint';
import { Segmented, Select } from '../shared/controls';
import type { AttentionPanelView } from './attention';
import { PromptField } from './PromptField';

function HeadCanvas({ map, n, ramp }: { map: Float32Array; n: number; ramp: HeatRamp | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !ramp || n < 1) return;
    const image = ctx.createImageData(n, n);
    paintAttention(map, n, ramp, new Uint32Array(image.data.buffer));
    ctx.putImageData(image, 0, 0);
  }, [map, n, ramp]);
  return <canvas ref={canvas} class="lab__heat" width={n} height={n} aria-hidden="true" />;
}

interface Props {
  prompt: string;
  onPrompt: (value: string) => void;
  onShow: () => void;
  canShow: boolean;
  busy: boolean;
  hint: string;
  view: AttentionPanelView | null;
  variant: string;
  onVariant: (id: string) => void;
  layer: number;
  onLayer: (layer: number) => void;
  ramp: HeatRamp | null;
}

export function AttentionPanel(p: Props) {
  const view = p.view;
  return (
    <section class="lab__panel" aria-label="Attention maps">
      <p class="lab__subhead">Attention maps</p>
      <PromptField
        label="Prompt"
        value={p.prompt}
        onInput={p.onPrompt}
        action={p.busy ? 'Computing…' : 'Show attention'}
        onAction={p.onShow}
        disabled={!p.canShow || p.busy}
        hint={p.hint}
      />
      {view && view.heads.length > 0 && (
        <>
          <div class="controls">
            <Select label="Variant" value={p.variant} options={view.options} onChange={p.onVariant} />
            <Segmented
              label="Layer"
              value={String(p.layer)}
              options={[
                { value: '0', label: '1' },
                { value: '1', label: '2' },
              ]}
              onChange={(v) => p.onLayer(Number(v))}
            />
          </div>
          <p class="lab__caption">{view.caption}</p>
          <ul class="lab__heads">
            {view.heads.map((h) => (
              <li key={h.head}>
                <HeadCanvas map={h.map} n={view.n} ramp={p.ramp} />
                <span class="lab__head-label">{h.sentence}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
