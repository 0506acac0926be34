/**
 * Dense transformer compute: parameters and forward FLOPs per token by component for any preset, Kaplan et al.'s
 * C_forward = 2N + 2·n_layer·n_ctx·d_attn, training ≈ 6N, and how the context term grows with n_ctx.
 * Render-only: model.ts computes every number and sentence.
 */
import { useMemo } from 'preact/hooks';
import { Controls, Select, Slider, Toggle } from '../shared/controls';
import { decadeTick } from '../shared/format';
import { LineChart } from '../shared/LineChart';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  CONTEXTS,
  DEFAULT_STATE,
  PRESET_OPTIONS,
  denseView,
  presetView,
  readState,
  toUrl,
  type DenseState,
} from './model';
import './dense-compute.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "dense."). */
  url?: boolean;
}

export function DenseCompute({ level = 3, url = true }: Props) {
  const [state, setState, notes] = useLinkedState<DenseState>(DEFAULT_STATE, readState, toUrl, url);
  const set = (patch: Partial<DenseState>) => setState((s) => ({ ...s, ...patch }));
  const preset = useMemo(() => presetView(state.preset, state.av), [state.preset, state.av]);
  const view = useMemo(() => denseView(state, preset), [preset, state.ctx]);

  return (
    <WidgetFrame
      class="dense"
      title="Compute per token"
      lead="Where a forward pass spends its FLOPs: two per weight a token passes through, plus attention over everything already in context."
      provenance="config"
      provenanceDetail="From published configs · computed live"
      notes={notes}
      level={level}
    >
      <Controls label="Model and context">
        <Select label="Model" value={state.preset} options={PRESET_OPTIONS} onChange={(preset) => set({ preset })} />
        <Slider
          label="Context n_ctx"
          value={state.ctx}
          min={0}
          max={CONTEXTS.length - 1}
          onChange={(ctx) => set({ ctx })}
          format={() => `${view.tokens.toLocaleString('en-US')} tokens`}
        />
        <Toggle label="Count A·V too" checked={state.av} onChange={(av) => set({ av })} />
      </Controls>
      <LiveReadout>{view.sentence}</LiveReadout>
      <div class="dense__totals">
        <p>
          <span class="dense__label">C_forward (Kaplan)</span>
          <span class="dense__value">{view.forward}</span>
        </p>
        <p>
          <span class="dense__label">+ output head</span>
          <span class="dense__value">{view.total}</span>
        </p>
        <p>
          <span class="dense__label">Training ≈ 6N</span>
          <span class="dense__value">{view.training}</span>
        </p>
      </div>
      <p class="dense__formula">{view.formula}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col" class="num">
                Params (active)
              </th>
              <th scope="col" class="num">
                FLOPs/token
              </th>
              <th scope="col" class="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.params}</td>
                <td class="num">{r.flops}</td>
                <td class="num">{r.share}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LineChart
        series={view.chart}
        description={view.chartDescription}
        xLabel="Context n_ctx (tokens)"
        yLabel="FLOPs per token"
        xScale="log"
        yScale="log"
        formatX={decadeTick}
        formatY={decadeTick}
        markers={[{ x: view.tokens, label: view.tokens.toLocaleString('en-US') }]}
        height={240}
      />
      <p class="dense__crossover">{view.crossover}</p>
      <ul class="dense__foot">
        {view.caveats.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </WidgetFrame>
  );
}
