/**
 * Selective SSM scan: a sentence's characters stepped token by token through a small Mamba-style SSM (input-dependent
 * Δ, B, C; zero-order hold), the hidden state as a heatmap and the output; then memory and FLOPs against sequence
 * length for attention, SSM and hybrid presets. Render-only: model.ts and scaling.ts compute everything.
 */
import { useMemo, useState } from 'preact/hooks';
import { Controls, Segmented, Select } from '../shared/controls';
import { compactNumber, decadeTick } from '../shared/format';
import { LineChart } from '../shared/LineChart';
import { Stepper } from '../shared/Stepper';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { HeatRow } from './HeatRow';
import {
  CHANNELS,
  DEFAULT_STATE,
  METHOD_LABELS,
  METHODS,
  STATE_SIZE,
  outputSeries,
  readState,
  runScan,
  stepView,
  toUrl,
  type SsmState,
} from './model';
import { DEFAULT_LENGTH, LENGTHS, scalingView, type Length, type ScalingData } from './scaling';
import { TextField } from './TextField';
import './ssm-scan.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "ssm."). */
  url?: boolean;
  /** Memory and FLOPs against length for real presets (ssmScaling() from scalingData.ts, at build time); omit to hide. */
  scaling?: ScalingData;
}

const CHANNEL_LABELS = Array.from({ length: CHANNELS }, (_, d) => `ch ${d + 1}`);

export function SsmScan({ level = 3, url = true, scaling }: Props) {
  const [length, setLength] = useState<Length>(DEFAULT_LENGTH);
  const [state, setState, notes] = useLinkedState<SsmState>(DEFAULT_STATE, readState, toUrl, url);

  const run = useMemo(() => runScan(state.text, state.method), [state.text, state.method]);
  const view = useMemo(() => stepView(run, state.step), [run, state.step]);
  const outputs = useMemo(() => outputSeries(run), [run]);
  const costs = useMemo(() => (scaling ? scalingView(scaling, length) : null), [scaling, length]);
  const T = run.chars.length;

  const scalingSection = useMemo(
    () =>
      costs && (
        <section class="ssm__section" aria-label="Memory and compute against sequence length">
          <h4 class="ssm__subhead">Attention against SSM as the sequence grows</h4>
          <Controls label="Sequence length">
            <Select
              label="Sequence length T"
              value={String(length)}
              options={LENGTHS.map((l) => ({ value: String(l), label: `${l.toLocaleString('en-US')} tokens` }))}
              onChange={(v) => setLength(Number(v) as Length)}
            />
          </Controls>
          <p class="ssm__sentence">{costs.sentence}</p>
          <div class="ssm__charts">
            <LineChart
              series={costs.memory}
              description={costs.memoryDescription}
              xLabel="Sequence length T (tokens)"
              yLabel="Cache + state (bytes)"
              xScale="log"
              yScale="log"
              formatX={decadeTick}
              formatY={decadeTick}
              markers={[{ x: length, label: compactNumber(length) }]}
              height={230}
            />
            <LineChart
              series={costs.compute}
              description={costs.computeDescription}
              xLabel="Tokens in context"
              yLabel="FLOPs per decoded token"
              xScale="log"
              yScale="log"
              formatX={decadeTick}
              formatY={decadeTick}
              markers={[{ x: length, label: compactNumber(length) }]}
              height={230}
            />
          </div>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Model at {length.toLocaleString('en-US')} tokens</th>
                  <th scope="col" class="num">
                    Cache + state
                  </th>
                  <th scope="col" class="num">
                    Decode / token
                  </th>
                  <th scope="col" class="num">
                    Prefill
                  </th>
                </tr>
              </thead>
              <tbody>
                {costs.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td class="num">{r.cache}</td>
                    <td class="num">{r.decode}</td>
                    <td class="num">{r.prefill}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="ssm__foot">
            K/V in bf16, SSM state in fp32 (conv window d_conv − 1, as llama.cpp and vLLM); FLOPs are forward passes: 2
            × active parameters plus QKᵀ over the context (Kaplan et al. 2020) plus the selective scan.
          </p>
        </section>
      ),
    [costs, length],
  );
  const outputChart = useMemo(
    () => (
      <LineChart
        series={outputs}
        description={`Output y of each of the ${CHANNELS} channels at every token of the input.`}
        xLabel="Token"
        yLabel="Output yₜ"
        formatY={(v) => v.toFixed(1)}
        markers={[{ x: state.step, label: view.char === ' ' ? '␣' : view.char }]}
        height={200}
      />
    ),
    [outputs, state.step, view.char],
  );

  return (
    <WidgetFrame
      class="ssm"
      title="Selective state-space scan"
      lead="Each character updates a fixed-size state; Δ, B and C depend on the character, so the model chooses what to keep."
      provenance="computed"
      provenanceDetail="Computed live · seeded, untrained weights"
      notes={notes}
      level={level}
    >
      <Controls label="Input">
        <TextField
          label="Input text"
          value={state.text}
          onChange={(text) => setState((s) => ({ ...s, text, step: Math.min(s.step, [...text].length) }))}
        />
        <Segmented
          label="Discretisation"
          value={state.method}
          options={METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
          onChange={(method) => setState((s) => ({ ...s, method }))}
        />
      </Controls>
      <p class="ssm__chars" aria-hidden="true">
        {run.chars.map((c, i) => (
          <span
            key={i}
            class={i + 1 === state.step ? 'is-current' : i + 1 < state.step ? 'is-past' : undefined}
            onClick={() => setState((s) => ({ ...s, step: i + 1 }))}
          >
            {c === ' ' ? '␣' : c}
          </span>
        ))}
      </p>
      <Stepper
        label="Token"
        unit="token"
        value={state.step}
        min={1}
        max={T}
        text={view.position}
        onChange={(step) => setState((s) => ({ ...s, step }))}
      />
      <div class="ssm__grid">
        <figure class="ssm__panel">
          <figcaption>Δₜ per channel (step size)</figcaption>
          <HeatRow rows={[view.delta]} label={`Delta at this token: ${view.delta.map((c) => c.text).join(', ')}`} />
        </figure>
        <figure class="ssm__panel">
          <figcaption>Bₜ (input → state)</figcaption>
          <HeatRow rows={[view.B]} label={`B at this token: ${view.B.map((c) => c.text).join(', ')}`} />
        </figure>
        <figure class="ssm__panel">
          <figcaption>Cₜ (state → output)</figcaption>
          <HeatRow rows={[view.C]} label={`C at this token: ${view.C.map((c) => c.text).join(', ')}`} />
        </figure>
        <figure class="ssm__panel ssm__panel--state">
          <figcaption>
            Hidden state hₜ ({CHANNELS} channels × {STATE_SIZE})
          </figcaption>
          <HeatRow
            rows={view.h}
            rowLabels={CHANNEL_LABELS}
            label={`Hidden state after this token, ${CHANNELS} channels by ${STATE_SIZE} elements`}
          />
        </figure>
      </div>
      <ul class="widget__legend" aria-hidden="true">
        <li>
          <span class="ssm__swatch ssm__pos" /> positive
        </li>
        <li>
          <span class="ssm__swatch ssm__neg" /> negative
        </li>
        <li>stronger colour = larger |value| (scaled over the whole input)</li>
      </ul>
      <LiveReadout>{view.sentence}</LiveReadout>
      {outputChart}
      {scalingSection}
    </WidgetFrame>
  );
}
