/**
 * ALiBi: the slopes of every head, one head's linear bias matrix and the causal attention it shapes on seeded q, k, v,
 * the selected query's scores, biases and weights with and without the bias, and the logit against distance compared
 * with RoPE. Render-only: model.ts computes every number and sentence.
 */
import { useMemo } from 'preact/hooks';
import { Controls, Select, Slider } from '../shared/controls';
import { LineChart } from '../shared/LineChart';
import { Stepper } from '../shared/Stepper';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  DEFAULT_STATE,
  HEAD_COUNTS,
  CELL_PX,
  N,
  distanceView,
  headView,
  readState,
  slopeChips,
  toUrl,
  type AlibiState,
  type HeatCell,
} from './model';
import './alibi.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "alibi."). */
  url?: boolean;
}

function Heat({ cells, query, label }: { cells: HeatCell[]; query: number; label: string }) {
  return (
    <div class="alibi__heat">
      <p class="alibi__heat-title">{label}</p>
      <div
        class="alibi__grid"
        style={{ gridTemplateColumns: `repeat(${N}, ${CELL_PX}px)`, gridAutoRows: `${CELL_PX}px` }}
        aria-hidden="true"
      >
        {cells.map((c, i) => (
          <span
            key={i}
            class={`alibi__cell${c.heat === null ? ' is-masked' : ''}${Math.floor(i / N) === query - 1 ? ' is-row' : ''}`}
            style={c.heat === null ? undefined : { '--w': c.heat.toFixed(3) }}
          />
        ))}
      </div>
    </div>
  );
}

export function AlibiBias({ level = 3, url = true }: Props) {
  const [state, setState, notes] = useLinkedState<AlibiState>(DEFAULT_STATE, readState, toUrl, url);
  const set = (patch: Partial<AlibiState>) => setState((s) => ({ ...s, ...patch }));

  const view = useMemo(() => headView(state), [state.heads, state.head, state.query]);
  const chips = useMemo(() => slopeChips(state), [state.heads, state.head]);
  const distance = useMemo(() => distanceView(state), [state.heads, state.head]);

  const chart = useMemo(
    () => (
      <LineChart
        series={distance.series}
        description={distance.description}
        xLabel="Distance i − j (tokens back)"
        yLabel="Logit q·k/√d + bias"
        formatY={(v) => v.toFixed(0)}
        height={240}
      />
    ),
    [distance],
  );

  return (
    <WidgetFrame
      class="alibi"
      title="ALiBi: a linear penalty per head"
      lead="No position embeddings: each head subtracts m·(i − j) from the score of a key i − j tokens back, with a fixed slope m per head."
      provenance="computed"
      provenanceDetail="Computed live · seeded q, k, v"
      notes={notes}
      level={level}
    >
      <Controls label="Heads and query">
        <Select
          label="Heads H"
          value={String(state.heads)}
          options={HEAD_COUNTS.map((h) => ({ value: String(h), label: String(h) }))}
          onChange={(v) => {
            const heads = Number(v) as AlibiState['heads'];
            setState((s) => ({ ...s, heads, head: Math.min(s.head, heads) }));
          }}
        />
        <Slider label="Query token i" value={state.query} min={1} max={N} onChange={(query) => set({ query })} />
      </Controls>
      <Stepper
        label="Head h"
        unit="head"
        value={state.head}
        min={1}
        max={state.heads}
        text={`${state.head} of ${state.heads} · m = ${view.slopeText}`}
        onChange={(head) => set({ head })}
      />
      <ol class="alibi__slopes" aria-label={`Slopes of the ${state.heads} heads`}>
        {chips.map((c) => (
          <li key={c.head} class={c.current ? 'is-current' : undefined}>
            <span class="alibi__slope-head">h{c.head}</span> {c.text}
          </li>
        ))}
      </ol>
      <div class="alibi__maps">
        <Heat
          cells={view.bias}
          query={state.query}
          label={`Bias −m·(i − j), head ${state.head} (darker: larger penalty)`}
        />
        <Heat cells={view.weights} query={state.query} label="Attention weights with the bias (darker: more weight)" />
      </div>
      <LiveReadout>{view.readout}</LiveReadout>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Query row table">
        <table class="alibi__table">
          <caption class="alibi__caption">Query {state.query}, newest key first</caption>
          <thead>
            <tr>
              <th scope="col">Key j</th>
              <th scope="col" class="num">
                q·k/√d
              </th>
              <th scope="col" class="num">
                bias
              </th>
              <th scope="col" class="num">
                weight, no bias
              </th>
              <th scope="col" class="num">
                weight, ALiBi
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.key}</th>
                <td class="num">{r.score}</td>
                <td class="num">{r.bias}</td>
                <td class="num">{r.plain}</td>
                <td class="num">{r.biased}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="alibi__section" aria-label="ALiBi and RoPE against distance">
        <h4 class="alibi__subhead">Against distance: ALiBi and RoPE</h4>
        <p class="alibi__hint">
          One key with the same content as the query, placed further and further back. Both encodings depend only on the
          offset: ALiBi lowers the logit along a straight line, steeply for head 1 and gently for head {state.heads};
          RoPE rotates q and k, so the same pair’s logit oscillates within a slowly shrinking envelope.
        </p>
        {chart}
      </section>
    </WidgetFrame>
  );
}
