/**
 * The calculator's body: model choice, inputs, the readout and totals, then the breakdown, GPU fit, reverse solve
 * and chart sections. Render-only; the island (KvCacheCalculator.tsx) owns the state.
 */
import type { ModelSpec } from '../../core/modelSpec';
import type { Marker } from '../shared/LineChart';
import { LiveReadout } from '../shared/WidgetFrame';
import { Breakdown } from './Breakdown';
import type { ChartView } from './chart';
import { GpuFit } from './GpuFit';
import { Inputs } from './Inputs';
import { MemoryChart } from './MemoryChart';
import type { ResultView, ReverseView } from './model';
import { ModelPanel } from './ModelPanel';
import { ReverseSolve } from './ReverseSolve';
import type { CalculatorModel } from './spec';
import { explorerHref, type CalcState } from './state';

export interface CalculatorProps {
  state: CalcState;
  model: CalculatorModel;
  catalogue: readonly CalculatorModel[];
  result: ResultView;
  reverse: ReverseView;
  chart: ChartView;
  /** The current context on the chart. */
  markers: Marker[];
  /** Heading level of the sections (one below the widget title). */
  headingLevel: 3 | 4;
  /** True on the explorer page (no "open in the calculator" link). */
  explorer: boolean;
  onPatch: (values: Partial<CalcState>) => void;
  onCustom: (model: CalculatorModel) => void;
  csvModel: () => { model: CalculatorModel; spec: ModelSpec };
}

export function Calculator(p: CalculatorProps) {
  const { state, result, headingLevel: h } = p;
  const H = h === 3 ? 'h3' : 'h4';
  return (
    <div class="kvcalc__body">
      <ModelPanel state={state} model={p.model} catalogue={p.catalogue} onPatch={p.onPatch} onCustom={p.onCustom} />
      <Inputs state={state} model={p.model} onPatch={p.onPatch} />
      <LiveReadout>{result.readout}</LiveReadout>
      {result.error === null && (
        <>
          <dl class="kvcalc__totals" aria-label="Memory totals">
            <div>
              <dt>Weights</dt>
              <dd>{state.wdtype === 'none' ? 'left out' : result.weights.text}</dd>
            </div>
            <div>
              <dt>KV cache</dt>
              <dd>{result.kv.text}</dd>
            </div>
            <div>
              <dt>SSM state</dt>
              <dd>{result.state.text}</dd>
            </div>
            <div class="kvcalc__total">
              <dt>Total</dt>
              <dd>{result.total.text}</dd>
            </div>
          </dl>
          {result.warnings.map((w) => (
            <p key={w} class="kvcalc__warning">
              {w}
            </p>
          ))}
          <section class="kvcalc__section">
            <H class="kvcalc__heading">Breakdown by layer type</H>
            <Breakdown state={state} result={result} csvModel={p.csvModel} />
          </section>
          <div class="kvcalc__pair">
            <section class="kvcalc__section">
              <H class="kvcalc__heading">Weights + cache on one GPU</H>
              <GpuFit result={result} />
            </section>
            <section class="kvcalc__section">
              <H class="kvcalc__heading">What fits a memory budget</H>
              <ReverseSolve state={state} reverse={p.reverse} onPatch={p.onPatch} />
            </section>
          </div>
        </>
      )}
      <section class="kvcalc__section">
        <H class="kvcalc__heading">Memory against context length</H>
        <MemoryChart state={state} chart={p.chart} markers={p.markers} catalogue={p.catalogue} onPatch={p.onPatch} />
      </section>
      {!p.explorer && (
        <p class="kvcalc__open">
          <a href={explorerHref(state)}>Open the full calculator with these settings</a>
        </p>
      )}
    </div>
  );
}
