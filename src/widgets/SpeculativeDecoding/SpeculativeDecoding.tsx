/**
 * Speculative decoding: draft length γ, acceptance rate α and draft cost c set the expected tokens per target pass and
 * the walltime speed-up (plotted against γ, with the best γ marked), and a seeded simulation of draft-and-verify rounds
 * plays out round by round until its running mean sits on the formula. Render-only: model.ts computes everything.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Controls, Slider } from '../shared/controls';
import { decadeTick } from '../shared/format';
import { LineChart } from '../shared/LineChart';
import { prefersReducedMotion } from '../shared/theme';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  DEFAULT_STATE,
  MAX_ALPHA,
  MAX_COST,
  MAX_K,
  MIN_ALPHA,
  ROUNDS,
  ROUNDS_SLIDER,
  alphaText,
  costText,
  formulaView,
  nextShown,
  readState,
  simulate,
  simulationView,
  toUrl,
  type SpecState,
} from './model';
import './speculative.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "spec."). */
  url?: boolean;
}

/** Milliseconds between revealed batches of rounds while playing. */
const TICK = 160;

export function SpeculativeDecoding({ level = 3, url = true }: Props) {
  const [playing, setPlaying] = useState(false);
  const [reduced, setReduced] = useState(false);
  const [state, setState, notes] = useLinkedState<SpecState>(DEFAULT_STATE, readState, toUrl, url, !playing);
  useEffect(() => setReduced(prefersReducedMotion()), []);

  useEffect(() => {
    if (!playing || reduced) return;
    const timer = setInterval(() => {
      setState((s) => ({ ...s, shown: nextShown(s.shown) }));
    }, TICK);
    return () => clearInterval(timer);
  }, [playing, reduced]);
  useEffect(() => {
    if (playing && state.shown >= ROUNDS) setPlaying(false);
  }, [playing, state.shown]);

  const set = (patch: Partial<SpecState>) => setState((s) => ({ ...s, ...patch }));
  const formula = useMemo(() => formulaView(state), [state.k, state.alpha, state.cost]);
  // The 10,000-round simulation takes a few milliseconds: the formula and readout repaint first, the simulation
  // follows in the next task (and only once for a burst of slider moves).
  const [sim, setSim] = useState(() => simulate(DEFAULT_STATE));
  useEffect(() => {
    if (sim.k === state.k && sim.alpha === state.alpha / 100) return;
    const timer = setTimeout(() => setSim(simulate(state)), 0);
    return () => clearTimeout(timer);
  }, [state.k, state.alpha]);
  const simView = useMemo(() => simulationView(sim, state.shown), [sim, state.shown]);

  const curves = useMemo(
    () => (
      <LineChart
        series={formula.series}
        description={`Tokens per target pass and walltime speed-up against draft length γ for α = ${alphaText(state.alpha)}, c = ${costText(state.cost)}`}
        xLabel="Draft length γ"
        yLabel="× plain decoding"
        formatY={(v) => v.toFixed(1)}
        markers={[
          { x: state.k, label: `γ = ${state.k}` },
          ...(formula.best.k !== state.k ? [{ x: formula.best.k, label: `best ${formula.best.k}` }] : []),
        ]}
        height={240}
      />
    ),
    [formula, state.k],
  );

  const convergence = useMemo(
    () => (
      <LineChart
        series={simView.series}
        description="Running mean of tokens per target pass over simulated rounds, against the formula"
        xLabel="Rounds simulated (log scale)"
        yLabel="Tokens per target pass"
        xScale="log"
        formatX={decadeTick}
        formatY={(v) => v.toFixed(1)}
        yDomain={[0, sim.k + 1]}
        height={200}
      />
    ),
    [simView, sim.k],
  );

  return (
    <WidgetFrame
      class="spec"
      title="Speculative decoding: draft, verify, repeat"
      lead="A cheap drafter proposes γ tokens, the target checks them in one pass and keeps the accepted prefix plus one token of its own."
      provenance="computed"
      provenanceDetail="Computed live · formula and seeded simulation"
      notes={notes}
      level={level}
    >
      <Controls label="Drafting">
        <Slider
          label="Draft length γ"
          value={state.k}
          min={1}
          max={MAX_K}
          onChange={(k) => set({ k })}
          format={(v) => `${v} token${v === 1 ? '' : 's'}`}
        />
        <Slider
          label="Acceptance rate α"
          value={state.alpha}
          min={MIN_ALPHA}
          max={MAX_ALPHA}
          onChange={(alpha) => set({ alpha })}
          format={alphaText}
        />
        <Slider
          label="Draft cost c (per target step)"
          value={state.cost}
          min={0}
          max={MAX_COST}
          onChange={(cost) => set({ cost })}
          format={costText}
        />
      </Controls>
      <LiveReadout>{formula.readout}</LiveReadout>
      {curves}
      <section class="spec__section" aria-label="Simulated rounds">
        <h4 class="spec__subhead">Simulated rounds</h4>
        <p class="spec__hint">
          Drafts from a toy 8-token drafter whose distribution overlaps the target’s by exactly α; each draft is kept
          with probability min(1, p/q), the first rejection is resampled from the residual, and a fully accepted round
          earns a bonus token. Seeded, so every visit shows the same rounds.
        </p>
        <div class="spec__play">
          <Slider
            label="Rounds simulated"
            value={ROUNDS_SLIDER.toPosition(state.shown)}
            min={0}
            max={ROUNDS_SLIDER.positions}
            onChange={(p) => {
              setPlaying(false);
              set({ shown: ROUNDS_SLIDER.toValue(p) });
            }}
            format={() => state.shown.toLocaleString('en-US')}
          />
          {reduced ? (
            <p class="spec__hint">Animation is off because your system asks for reduced motion; use the slider.</p>
          ) : (
            <button
              type="button"
              class="button"
              aria-pressed={playing}
              onClick={() => {
                if (!playing && state.shown >= ROUNDS) set({ shown: 1 });
                setPlaying(!playing);
              }}
            >
              {playing ? 'Pause' : state.shown >= ROUNDS ? 'Replay' : 'Play'}
            </button>
          )}
        </div>
        <ol class="spec__rounds" aria-label={`The last ${simView.rounds.length} rounds, newest first`}>
          {simView.rounds.map((r) => (
            <li key={r.number} class="spec__round">
              <span class="spec__round-number">#{r.number}</span>
              <span class="spec__chips">
                {r.chips.map((c, i) => (
                  <span key={i} class={`spec__chip is-${c.kind}`} title={c.label} aria-label={c.label} role="img">
                    {c.token}
                  </span>
                ))}
              </span>
              <span class="spec__round-tokens">
                +{r.tokens} token{r.tokens === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ol>
        <ul class="widget__legend" aria-hidden="true">
          <li>
            <span class="spec__chip is-accepted" /> accepted draft
          </li>
          <li>
            <span class="spec__chip is-rejected" /> rejected
          </li>
          <li>
            <span class="spec__chip is-discarded" /> discarded
          </li>
          <li>
            <span class="spec__chip is-resampled" /> target’s resample
          </li>
          <li>
            <span class="spec__chip is-bonus" /> bonus token
          </li>
        </ul>
        <p class="spec__sentence" aria-live={playing ? 'off' : 'polite'}>
          {simView.sentence}
        </p>
        {convergence}
      </section>
    </WidgetFrame>
  );
}
