/**
 * KV-cache calculator island: state (from props, then the link), URL writing on the explorer page, and the models it
 * draws from. The presets arrive as props built at render time (catalogue.ts), a pasted config.json is parsed on
 * demand (parseConfig.ts). Render-only: every figure comes from model.ts and chart.ts over src/core.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { ModelSpec } from '../../core/modelSpec';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { Calculator } from './Calculator';
import { buildChart, chartMarkers } from './chart';
import { buildResult, buildReverse } from './model';
import { expandSpec, type CalculatorModel } from './spec';
import { CUSTOM_ID, DEFAULT_STATE, fromUrl, readState, toUrl, type CalcState } from './state';
import './kv-calculator.css';

export interface KvCacheCalculatorProps {
  /** The presets, from kvCatalogue() at render time. */
  catalogue: readonly CalculatorModel[];
  /** Preset id to start with. */
  model?: string;
  tokens?: number;
  batch?: number;
  dtype?: string;
  wdtype?: string;
  /** Preset ids for the chart, as a list or "a,b". */
  compare?: readonly string[] | string;
  /** Read and write the page URL: only the explorer page's copy does. */
  url?: boolean;
  /** Heading level of the title: 2 on the explorer page, 3 in entries. */
  level?: 2 | 3;
}

export function KvCacheCalculator({ catalogue, url = false, level = 3, ...props }: KvCacheCalculatorProps) {
  const ids = useMemo(() => catalogue.map((m) => m.id), [catalogue]);
  const initial = useMemo(() => {
    const base = ids.includes(DEFAULT_STATE.model) ? DEFAULT_STATE : { ...DEFAULT_STATE, model: ids[0] ?? '' };
    const compare = props.compare ?? base.compare.filter((id) => ids.includes(id));
    return readState({ ...props, compare }, base, ids, 'the embed');
  }, []);
  const [state, setState] = useState<CalcState>(initial.state);
  const [linkNotes, setLinkNotes] = useState<string[]>([]);
  const [custom, setCustom] = useState<CalculatorModel | null>(null);
  const specs = useRef(new Map<CalculatorModel, ModelSpec>());

  useUrlRestore((params) => {
    const linked = fromUrl(params, initial.state, ids);
    setState(linked.state);
    setLinkNotes(linked.notes);
  }, url);
  useUrlSync(toUrl(state, initial.state), url);

  const byId = (id: string) => (id === CUSTOM_ID && custom ? custom : catalogue.find((m) => m.id === id));
  const specOf = (m: CalculatorModel) => {
    let spec = specs.current.get(m);
    if (!spec) specs.current.set(m, (spec = expandSpec(m.spec)));
    return spec;
  };
  const current = byId(state.model) ?? catalogue[0];
  const patch = (values: Partial<CalcState>) =>
    setState((s) => {
      const next = { ...s, ...values };
      return { ...next, compare: next.compare.filter((id) => id !== next.model) };
    });

  const { tokens, batch, dtype, wdtype, units, windows, convLayout, stateDtype, chart: mode } = state;
  const costKey = [batch, dtype, wdtype, units, windows, convLayout, stateDtype];
  const result = useMemo(() => current && buildResult(current, specOf(current), state), [current, tokens, ...costKey]);
  const reverse = useMemo(
    () => current && buildReverse(current, specOf(current), state),
    [current, tokens, state.gpus, state.gpuGB, ...costKey],
  );
  const chart = useMemo(() => {
    if (!current) return null;
    const models = [current, ...state.compare.map(byId)].filter((m): m is CalculatorModel => m !== undefined);
    return buildChart(
      models.map((model) => ({ model, spec: specOf(model) })),
      state,
    );
  }, [current, state.compare.join(','), mode, ...costKey]);
  const markers = useMemo(() => chartMarkers(tokens), [tokens]);

  return (
    <WidgetFrame
      class="kvcalc"
      title="KV-cache and memory calculator"
      lead="Exact cache bytes for real model configs (MLA, sliding windows, SSM state and hybrids included), weights + cache against GPU sizes, and the longest context or largest batch a budget allows."
      provenance="config"
      provenanceDetail={state.model === CUSTOM_ID ? 'Computed from your config.json' : 'From published configs'}
      notes={[...initial.notes, ...linkNotes]}
      level={level}
    >
      {current && result && reverse && chart ? (
        <Calculator
          state={state}
          model={current}
          catalogue={catalogue}
          result={result}
          reverse={reverse}
          chart={chart}
          markers={markers}
          headingLevel={level === 2 ? 3 : 4}
          explorer={url}
          onPatch={patch}
          onCustom={(m) => {
            setCustom(m);
            patch({ model: CUSTOM_ID });
          }}
          csvModel={() => ({ model: current, spec: specOf(current) })}
        />
      ) : (
        <LiveReadout>No models to show.</LiveReadout>
      )}
    </WidgetFrame>
  );
}
