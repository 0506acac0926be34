/**
 * MoE routing: a seeded router scores the words of a sentence over 8 experts, top-k picks where each goes, the load
 * per expert and the Switch balance loss show the imbalance, and DeepSeek-V3's bias updates can be stepped to even it
 * out; then total against active parameters and FLOPs per token for real MoE presets. Render-only.
 */
import { useMemo } from 'preact/hooks';
import { Controls, Segmented, Select, Slider, Toggle } from '../shared/controls';
import { LineChart } from '../shared/LineChart';
import { Stepper } from '../shared/Stepper';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  DEFAULT_STATE,
  GAMMAS,
  MAX_K,
  MAX_STEPS,
  balancingRun,
  historyView,
  readState,
  routingView,
  toUrl,
  type MoeState,
} from './model';
import { FLOPS_CONTEXT, presetRows } from './presets';
import { RouterTable } from './RouterTable';
import './moe-routing.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "moe."). */
  url?: boolean;
}

const SCORING = [
  { value: 'softmax', label: 'Softmax' },
  { value: 'sigmoid', label: 'Sigmoid' },
] as const;

export function MoeRouting({ level = 3, url = true }: Props) {
  const [state, setState, notes] = useLinkedState<MoeState>(DEFAULT_STATE, readState, toUrl, url);

  const set = (patch: Partial<MoeState>) => setState((s) => ({ ...s, ...patch }));
  const run = useMemo(() => balancingRun(state), [state.scoring, state.topK, state.gamma]);
  const view = useMemo(() => routingView(state, run), [run, state.step, state.shared]);
  const history = useMemo(() => historyView(run, state.gamma), [run]);
  const presets = useMemo(() => presetRows(), []);

  const presetSection = useMemo(
    () => (
      <section class="moe__section" aria-label="Real MoE models">
        <h4 class="moe__subhead">Total against active parameters</h4>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Experts per token</th>
                <th scope="col" class="num">
                  Total
                </th>
                <th scope="col" class="num">
                  Active
                </th>
                <th scope="col" class="num">
                  FLOPs / token
                </th>
                <th scope="col" class="num">
                  If all experts ran
                </th>
              </tr>
            </thead>
            <tbody>
              {presets.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.routing}</td>
                  <td class="num">{p.total}</td>
                  <td class="num">
                    {p.active} ({p.activeShare})
                  </td>
                  <td class="num">{p.flops}</td>
                  <td class="num">
                    {p.denseFlops} ({p.saving})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="moe__foot">
          Parameters counted from each model's config; active includes the input embedding and the output head
          (gpt-oss's official 5.1B leaves out the input embedding). FLOPs: forward pass per token at{' '}
          {FLOPS_CONTEXT.toLocaleString('en-US')} tokens of context, 2 × active non-embedding parameters plus attention
          (Kaplan et al. 2020); memory still has to hold every expert.
        </p>
      </section>
    ),
    [presets],
  );

  return (
    <WidgetFrame
      class="moe"
      title="Mixture-of-experts routing"
      lead="A router scores every word against every expert; each word goes to its top k, and the load per expert is what balancing has to even out."
      provenance="computed"
      provenanceDetail="Computed live · seeded, untrained router"
      notes={notes}
      level={level}
    >
      <Controls label="Router">
        <Segmented
          label="Scoring (Mixtral: softmax, DeepSeek-V3: sigmoid)"
          value={state.scoring}
          options={SCORING}
          onChange={(scoring) => set({ scoring, step: 0 })}
        />
        <Slider
          label="Experts per word k"
          value={state.topK}
          min={1}
          max={MAX_K}
          onChange={(topK) => set({ topK })}
          format={(v) => `top-${v} of 8`}
        />
        <Toggle label="Shared expert" checked={state.shared} onChange={(shared) => set({ shared })} />
      </Controls>
      <RouterTable rows={view.rows} shared={state.shared} />
      <section class="moe__section" aria-label="Load per expert">
        <h4 class="moe__subhead">Load per expert and bias balancing</h4>
        <Controls label="Bias balancing">
          <div class="moe__stepper">
            <Stepper
              label="Bias updates"
              unit="update"
              value={state.step}
              min={0}
              max={MAX_STEPS}
              text={`${state.step} of ${MAX_STEPS}`}
              onChange={(step) => set({ step })}
            />
          </div>
          <Select
            label="Update speed γ"
            value={String(state.gamma)}
            options={GAMMAS.map((g) => ({ value: String(g), label: String(g) }))}
            onChange={(v) => set({ gamma: Number(v) as MoeState['gamma'] })}
          />
        </Controls>
        <div
          class="moe__loads"
          role="img"
          aria-label={`Tokens per expert: ${view.loads.map((l) => l.load).join(', ')}`}
        >
          {view.loads.map((l) => (
            <div key={l.expert} class="moe__load">
              <div class="moe__load-track">
                <div class={`moe__load-bar${l.over ? ' is-over' : ''}`} style={{ height: l.height }} />
                <div class="moe__ideal" style={{ bottom: view.idealHeight }} />
              </div>
              <span class="moe__load-value">{l.load}</span>
              <span class="moe__load-name">E{l.expert}</span>
              <span class="moe__load-bias">{l.bias}</span>
            </div>
          ))}
        </div>
        <p class="moe__caption">
          Bars: words routed to each expert (orange: above the ideal {view.ideal}, the dashed line); under them the
          selection bias bᵢ.
        </p>
        <LiveReadout>{view.sentence}</LiveReadout>
        <LineChart
          series={history.series}
          description={history.description}
          xLabel="Bias updates"
          yLabel="Imbalance"
          formatY={(v) => v.toFixed(1)}
          markers={[{ x: state.step, label: `${state.step}` }]}
          height={200}
        />
        <p class="moe__caption">
          Here the bias is updated again and again on one batch, so a large γ makes the loads flip between routings (try
          0.05); DeepSeek-V3 updates it once per training step, on a fresh batch each time, with a small γ.
        </p>
      </section>
      {presetSection}
    </WidgetFrame>
  );
}
