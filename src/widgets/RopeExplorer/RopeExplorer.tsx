/**
 * RoPE explorer: a query and a key rotating through positions, one plane per sampled frequency pair, the score
 * against the offset, the wavelength of every pair and how four context-extension methods rescale them.
 * Render-only: every number and sentence comes from model.ts over src/core/rope.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Controls, Segmented, Select, Slider } from '../shared/controls';
import { compactNumber, decadeTick } from '../shared/format';
import { LineChart } from '../shared/LineChart';
import { Stepper } from '../shared/Stepper';
import { prefersReducedMotion } from '../shared/theme';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  BASES,
  DEFAULT_STATE,
  DIMS,
  EXTENSIONS,
  FACTORS,
  MAX_OFFSET,
  MAX_POSITION,
  ORIGINAL_CONTEXTS,
  distanceChart,
  methodRows,
  methodSentence,
  planes,
  readState,
  readout,
  SCALING_LABELS,
  toUrl,
  wavelengthChart,
  type RopeState,
} from './model';
import { RopePlanes } from './RopePlanes';
import './rope-explorer.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "rope."). */
  url?: boolean;
}

/** Positions advanced per second while playing. */
const SPEED = 8;

export function RopeExplorer({ level = 3, url = true }: Props) {
  const [playing, setPlaying] = useState(false);
  const [reduced, setReduced] = useState(false);
  const [state, setState, notes] = useLinkedState<RopeState>(DEFAULT_STATE, readState, toUrl, url, !playing);
  useEffect(() => setReduced(prefersReducedMotion()), []);

  useEffect(() => {
    if (!playing || reduced) return;
    let frame = 0;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      carry += ((now - last) / 1000) * SPEED;
      last = now;
      if (carry >= 1) {
        const steps = Math.floor(carry);
        carry -= steps;
        setState((s) => ({ ...s, pos: (s.pos + steps) % (MAX_POSITION + 1) }));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, reduced]);

  const set = (patch: Partial<RopeState>) => setState((s) => ({ ...s, ...patch }));
  const planeViews = useMemo(() => planes(state), [state.dim, state.base, state.pos, state.offset]);
  const sentence = useMemo(() => readout(state), [state.dim, state.base, state.pos, state.offset]);
  const distance = useMemo(() => distanceChart(state), [state.dim, state.base]);
  const ext = [state.dim, state.base, state.method, state.factor, state.original];
  const wavelengths = useMemo(() => wavelengthChart(state), ext);
  const rows = useMemo(() => methodRows(state), ext);
  const methodText = useMemo(() => methodSentence(state), ext);

  const distanceSection = useMemo(
    () => (
      <section class="rope__section" aria-label="Score against offset">
        <h4 class="rope__subhead">Score against offset</h4>
        <LineChart
          series={distance.series}
          description={distance.description}
          xLabel="Offset m − n (tokens, log scale)"
          yLabel="q·k / |q|²"
          xScale="log"
          formatX={decadeTick}
          formatY={(v) => v.toFixed(1)}
          markers={state.offset > 0 ? [{ x: state.offset, label: `${state.offset}` }] : []}
          height={240}
        />
      </section>
    ),
    [distance, state.offset],
  );

  const extensionSection = useMemo(
    () => (
      <section class="rope__section" aria-label="Wavelengths and context extension">
        <h4 class="rope__subhead">Wavelengths and context extension</h4>
        <Controls label="Context extension">
          <Segmented
            label="Method"
            value={state.method}
            options={EXTENSIONS.map((m) => ({ value: m, label: SCALING_LABELS[m] }))}
            onChange={(method) => set({ method })}
          />
          <Select
            label="Factor s"
            value={String(state.factor)}
            options={FACTORS.map((f) => ({ value: String(f), label: `×${f}` }))}
            onChange={(v) => set({ factor: Number(v) as RopeState['factor'] })}
          />
          <Select
            label="Trained context L"
            value={String(state.original)}
            options={ORIGINAL_CONTEXTS.map((c) => ({ value: String(c), label: c.toLocaleString('en-US') }))}
            onChange={(v) => set({ original: Number(v) as RopeState['original'] })}
          />
        </Controls>
        <p class="rope__method">{methodText}</p>
        <LineChart
          series={wavelengths.series}
          description={wavelengths.description}
          xLabel="Pair i"
          yLabel="Wavelength (tokens)"
          yScale="log"
          formatY={compactNumber}
          height={260}
        />
        <table class="rope__table">
          <caption class="rope__caption">How each method treats the {state.dim / 2} pairs</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col" class="num">
                Kept · blended · ÷ s
              </th>
              <th scope="col" class="num">
                λ range
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.method} class={r.current ? 'is-current' : undefined}>
                <th scope="row">
                  {r.label}
                  <span class="rope__rule">{r.note}</span>
                </th>
                <td class="num">{r.split}</td>
                <td class="num">{r.range}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    ),
    [...ext, wavelengths, rows, methodText],
  );

  return (
    <WidgetFrame
      class="rope"
      title="Rotary position embedding"
      lead="Each pair of dimensions of q and k turns by position × θᵢ; the score sees only how far apart they are."
      provenance="computed"
      provenanceDetail="Computed live · seeded q = k"
      notes={notes}
      level={level}
    >
      <Controls label="Head">
        <Select
          label="Head dim d"
          value={String(state.dim)}
          options={DIMS.map((d) => ({ value: String(d), label: String(d) }))}
          onChange={(v) => set({ dim: Number(v) as RopeState['dim'] })}
        />
        <Select
          label="Base b"
          value={String(state.base)}
          options={BASES.map((b) => ({ value: String(b), label: b.toLocaleString('en-US') }))}
          onChange={(v) => set({ base: Number(v) as RopeState['base'] })}
        />
        <Slider
          label="Offset m − n"
          value={state.offset}
          min={0}
          max={MAX_OFFSET}
          onChange={(offset) => set({ offset })}
          format={(v) => `${v} token${v === 1 ? '' : 's'}`}
        />
      </Controls>
      <div class="rope__position">
        <Stepper
          label="Position m"
          unit="position"
          value={state.pos}
          min={0}
          max={MAX_POSITION}
          text={`${state.pos} · key ${state.pos - state.offset}`}
          onChange={(pos) => set({ pos })}
        />
        {reduced ? (
          <p class="rope__hint">Animation is off because your system asks for reduced motion; step with the slider.</p>
        ) : (
          <button type="button" class="button" aria-pressed={playing} onClick={() => setPlaying(!playing)}>
            {playing ? 'Pause' : 'Play'}
          </button>
        )}
      </div>
      <RopePlanes planes={planeViews} />
      <ul class="widget__legend" aria-hidden="true">
        <li>
          <span class="rope__swatch rope__swatch--q" />q at m
        </li>
        <li>
          <span class="rope__swatch rope__swatch--k" />k at n
        </li>
      </ul>
      <LiveReadout>{sentence}</LiveReadout>
      {distanceSection}
      {extensionSection}
    </WidgetFrame>
  );
}
