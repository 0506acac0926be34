/**
 * Paged KV cache: the same simulated requests arrive and finish under contiguous allocation and under vLLM-style
 * paging; two memory maps at the chosen decoding step, the share of reserved memory holding no token over time, and
 * a whole-trace summary. Block size and step are keyboard sliders; Play advances the step (not under reduced motion).
 * Render-only: model.ts over src/core/paging computes everything.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Slider } from '../shared/controls';
import { LineChart } from '../shared/LineChart';
import { Stepper } from '../shared/Stepper';
import { prefersReducedMotion } from '../shared/theme';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { MemoryMap } from './MemoryMap';
import {
  BLOCK_SIZES,
  CAPACITY,
  DEFAULT_STATE,
  REQUESTS,
  lastStep,
  paged,
  readState,
  stepView,
  toUrl,
  traceView,
  type PagedState,
} from './model';
import './paged-kv.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "paged."). */
  url?: boolean;
}

/** Decoding steps advanced per second while playing. */
const SPEED = 40;

const LEGEND = [
  ['token', 'token (two tones: neighbouring requests)'],
  ['future', 'reserved, filled later'],
  ['unused', 'reserved, never used'],
  ['free', 'free'],
  ['fragment', 'free but fragmented'],
] as const;

export function PagedKvCache({ level = 3, url = true }: Props) {
  const [playing, setPlaying] = useState(false);
  const [reduced, setReduced] = useState(false);
  const [state, setState, notes] = useLinkedState<PagedState>(DEFAULT_STATE, readState, toUrl, url, !playing);
  useEffect(() => setReduced(prefersReducedMotion()), []);

  const run = useMemo(() => paged(state.blockSize), [state.blockSize]);
  const last = lastStep(run);
  const step = Math.min(state.step, last);

  useEffect(() => {
    if (!playing || reduced) return;
    let frame = 0;
    let before = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      carry += ((now - before) / 1000) * SPEED;
      before = now;
      if (carry >= 1) {
        const steps = Math.floor(carry);
        carry -= steps;
        setState((s) => ({ ...s, step: Math.min(last, s.step + steps) }));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, reduced, last]);
  useEffect(() => {
    if (playing && step >= last) setPlaying(false);
  }, [playing, step, last]);

  const view = useMemo(() => stepView(run, state.blockSize, step), [run, step]);
  const trace = useMemo(() => traceView(run, state.blockSize), [run]);
  const blockIndex = BLOCK_SIZES.indexOf(state.blockSize);

  const chart = useMemo(
    () => (
      <LineChart
        series={trace.series}
        description="Share of reserved KV memory holding no token at each decoding step, contiguous against paged"
        xLabel="Decoding step"
        yLabel="Reserved but empty (%)"
        formatY={(v) => `${v}%`}
        yDomain={[0, 100]}
        markers={[{ x: step, label: `step ${step}` }]}
        height={220}
      />
    ),
    [trace, step],
  );

  return (
    <WidgetFrame
      class="paged"
      title="Paged KV cache against contiguous allocation"
      lead={`${REQUESTS} requests of different lengths arrive and finish; each layout keeps their keys and values in ${CAPACITY.toLocaleString('en-US')} token slots.`}
      provenance="computed"
      provenanceDetail="Computed live · simulated request trace"
      notes={notes}
      level={level}
    >
      <div class="paged__controls">
        <Slider
          label="Block size (paged)"
          value={blockIndex}
          min={0}
          max={BLOCK_SIZES.length - 1}
          onChange={(i) => setState((s) => ({ ...s, blockSize: BLOCK_SIZES[i] ?? s.blockSize }))}
          format={(i) => `${BLOCK_SIZES[i] ?? state.blockSize} tokens`}
          hint="vLLM’s default is 16."
        />
        <div class="paged__step">
          <Stepper
            label="Decoding step"
            unit="step"
            value={step}
            min={0}
            max={last}
            text={`${step} of ${last}`}
            onChange={(next) => {
              setPlaying(false);
              setState((s) => ({ ...s, step: next }));
            }}
          />
          {reduced ? (
            <p class="paged__hint">Animation is off because your system asks for reduced motion; use the slider.</p>
          ) : (
            <button
              type="button"
              class="button"
              aria-pressed={playing}
              onClick={() => {
                if (!playing && step >= last) setState((s) => ({ ...s, step: 0 }));
                setPlaying(!playing);
              }}
            >
              {playing ? 'Pause' : 'Play'}
            </button>
          )}
        </div>
      </div>
      <div class="paged__maps">
        {view.panels.map((p) => (
          <figure key={p.title} class="paged__panel">
            <figcaption class="paged__title">{p.title}</figcaption>
            <MemoryMap cells={p.cells} label={`${p.title}: ${p.line}`} />
            <p class="paged__line">{p.line}</p>
          </figure>
        ))}
      </div>
      <ul class="widget__legend" aria-hidden="true">
        {LEGEND.map(([kind, text]) => (
          <li key={kind}>
            <span class={`paged__swatch is-${kind}`} />
            {text}
          </li>
        ))}
      </ul>
      <LiveReadout>{view.readout}</LiveReadout>
      {chart}
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Summary of the simulated trace">
        <table class="paged__table">
          <caption class="paged__caption">The whole simulated trace</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" class="num">
                Contiguous
              </th>
              <th scope="col" class="num">
                Paged ({state.blockSize})
              </th>
            </tr>
          </thead>
          <tbody>
            {trace.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.contiguous}</td>
                <td class="num">{r.paged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="paged__sentence">{trace.sentence}</p>
      <p class="paged__hint">
        Simulated trace, seeded: prompts of 16–256 tokens, max_tokens of 128, 256 or 512, outputs that stop early; one
        token per running request per step, first come first served. A preempted request’s recomputation is not charged
        time here.
      </p>
    </WidgetFrame>
  );
}
