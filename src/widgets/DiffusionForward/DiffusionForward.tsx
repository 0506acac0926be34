/**
 * The diffusion forward process on a picture: a timestep slider noises the project's landscape under the linear and
 * cosine schedules side by side, with ᾱ_t, the SNR and a chart of both schedules. Render-only: every pixel, number
 * and sentence comes from model.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LineChart } from '../shared/LineChart';
import { Controls, Segmented, Slider } from '../shared/controls';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  DEFAULT_FORWARD,
  FORWARD_T,
  forwardFromUrl,
  forwardToUrl,
  forwardView,
  IMAGE_SIZE,
  type ChartMode,
  type ForwardState,
} from './model';
import './diffusion-forward.css';

export interface DiffusionForwardProps {
  /** Heading level: 2 on the explorer page, 3 inside the entry. */
  level?: 2 | 3;
  /** Read and write the page's URL (the explorer page's copy). */
  url?: boolean;
}

function Picture({ rgba, label }: { rgba: Uint8ClampedArray; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), IMAGE_SIZE, IMAGE_SIZE), 0, 0);
  }, [rgba]);
  return <canvas ref={ref} class="dfwd__canvas" width={IMAGE_SIZE} height={IMAGE_SIZE} role="img" aria-label={label} />;
}

export function DiffusionForward({ level = 3, url = false }: DiffusionForwardProps) {
  const [state, setState] = useState<ForwardState>(DEFAULT_FORWARD);
  const [notes, setNotes] = useState<string[]>([]);
  useUrlRestore((params) => {
    const linked = forwardFromUrl(params);
    setState(linked.state);
    setNotes(linked.notes);
  }, url);
  useUrlSync(forwardToUrl(state), url);
  const view = useMemo(() => forwardView(state), [state]);
  const [lin, cos] = view.panels;

  return (
    <WidgetFrame
      class="dfwd"
      title="The forward process: noising a picture"
      lead="Drag the timestep: q(xₜ | x₀) mixes the picture with Gaussian noise. The cosine schedule keeps more signal for longer."
      provenance="computed"
      provenanceDetail="Computed live · T = 1000"
      notes={notes}
      level={level}
    >
      <Controls label="Forward process">
        <Slider
          label="Timestep t"
          value={view.t}
          min={0}
          max={FORWARD_T}
          onChange={(t) => setState((s) => ({ ...s, t }))}
          format={() => view.sliderText}
          hint="Arrow keys step by 1, Page Up/Down by 100, Home/End jump to 0 and 1000."
        />
      </Controls>
      <div class="dfwd__pictures">
        <figure class="dfwd__panel">
          <Picture rgba={view.original} label="The clean picture x₀: a landscape drawn by code." />
          <figcaption>
            <strong>x₀</strong>
            <span>clean picture</span>
          </figcaption>
        </figure>
        {[lin, cos].map((p) => (
          <figure class="dfwd__panel" key={p.kind}>
            <Picture rgba={p.rgba} label={p.description} />
            <figcaption>
              <strong>{p.name}</strong>
              <span>{p.paper}</span>
              <span>
                ᾱ = <span class="dfwd__num">{p.alphaBarText}</span>
              </span>
              <span>
                SNR <span class="dfwd__num">{p.snrParts[0]}</span> <span class="dfwd__num">{p.snrParts[1]}</span>
              </span>
              <span class="dfwd__mix">
                <span>xₜ = {p.signalText}</span> <span>+ {p.noiseText}</span>
              </span>
            </figcaption>
          </figure>
        ))}
      </div>
      <div class="dfwd__chart">
        <Segmented<ChartMode>
          label="Chart"
          value={state.chart}
          options={[
            { value: 'alphaBar', label: 'ᾱₜ' },
            { value: 'snr', label: 'SNR (dB)' },
          ]}
          onChange={(chart) => setState((s) => ({ ...s, chart }))}
        />
        <LineChart
          series={view.chart.series}
          xLabel="timestep t"
          yLabel={view.chart.yLabel}
          description={view.chart.description}
          markers={view.markers}
          yDomain={view.chart.yDomain}
          height={220}
          formatY={(v) => String(Number(v.toPrecision(3)))}
        />
      </div>
      <LiveReadout>{view.readout}</LiveReadout>
    </WidgetFrame>
  );
}

export default DiffusionForward;
