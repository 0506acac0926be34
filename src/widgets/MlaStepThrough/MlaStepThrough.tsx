/**
 * MLA step-through: DeepSeek-V3's multi-head latent attention in five steps (compress, decoupled RoPE key, queries,
 * up-projections, absorption), the cache per token against MHA, and a live check that the decompressed and absorbed
 * computations agree. Render-only: model.ts computes every number and sentence.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatInteger } from '../../core/units';
import { Controls, Select } from '../shared/controls';
import { Stepper } from '../shared/Stepper';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  DEFAULT_STATE,
  LENGTHS,
  PARAMS_PER_LAYER,
  STEPS,
  cacheView,
  nextSeed,
  readState,
  readout,
  runCheck,
  toUrl,
  type CheckView,
  type Length,
  type MlaState,
} from './model';
import './mla-step-through.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "mla."). */
  url?: boolean;
}

export function MlaStepThrough({ level = 3, url = true }: Props) {
  const [check, setCheck] = useState<CheckView | null>(null);
  const [state, setState, notes] = useLinkedState<MlaState>(DEFAULT_STATE, readState, toUrl, url);
  // The check takes tens of milliseconds: run it after the first paint, and again for each new seed.
  useEffect(() => {
    setCheck(null);
    const timer = setTimeout(() => setCheck(runCheck(state.seed)), 30);
    return () => clearTimeout(timer);
  }, [state.seed]);

  const set = (patch: Partial<MlaState>) => setState((s) => ({ ...s, ...patch }));
  const cache = useMemo(() => cacheView(state.tokens), [state.tokens]);
  const current = STEPS[state.step - 1] ?? STEPS[0]!;

  const cacheSection = useMemo(
    () => (
      <section class="mla__section" aria-label="Cache per token">
        <h4 class="mla__subhead">Cache per token and layer</h4>
        <Controls label="Context">
          <Select
            label="Context length"
            value={String(state.tokens)}
            options={LENGTHS.map((l) => ({ value: String(l), label: `${l.toLocaleString('en-US')} tokens` }))}
            onChange={(v) => set({ tokens: Number(v) as Length })}
          />
        </Controls>
        <ul class="mla__bars">
          {cache.bars.map((b) => (
            <li key={b.id} class={`mla__bar mla__bar--${b.id}`}>
              <span class="mla__bar-label">{b.label}</span>
              <span class="mla__bar-track" aria-hidden="true">
                <span class="mla__bar-fill" style={{ width: b.width }} />
              </span>
              <span class="mla__bar-value">
                {b.text} numbers · {b.bytes}
              </span>
            </li>
          ))}
        </ul>
        <p class="mla__sentence">{cache.sentence}</p>
        <p class="mla__sentence">{cache.flops.sentence}</p>
        <p class="mla__foot">
          Attention parameters per layer (the matrices of steps 1–4): {formatInteger(PARAMS_PER_LAYER)}.
        </p>
      </section>
    ),
    [cache, state.tokens],
  );

  const checkSection = useMemo(
    () => (
      <section class="mla__section" aria-label="Live check">
        <h4 class="mla__subhead">Decompressed and absorbed: the same attention</h4>
        <div class="mla__check">
          <p class="mla__sentence" aria-live="polite">
            {check ? check.sentence : 'Running the two computations…'}
          </p>
          <button type="button" class="button" onClick={() => set({ seed: nextSeed(state.seed) })}>
            New seed
          </button>
        </div>
      </section>
    ),
    [check, state.seed],
  );

  return (
    <WidgetFrame
      class="mla"
      title="Multi-head latent attention, step by step"
      lead="DeepSeek-V3's attention: cache one small latent per token, rebuild keys and values from it, or never build them at all."
      provenance="computed"
      provenanceDetail="DeepSeek-V3 config · computed live"
      notes={notes}
      level={level}
    >
      <Stepper
        label="Step"
        value={state.step}
        min={1}
        max={STEPS.length}
        text={`${state.step} of ${STEPS.length}`}
        onChange={(step) => set({ step })}
      />
      <ol class="mla__steps">
        {STEPS.map((s, i) => (
          <li key={s.title} class={i + 1 === state.step ? 'is-current' : undefined}>
            <button
              type="button"
              class="mla__step-button"
              aria-current={i + 1 === state.step ? 'step' : undefined}
              onClick={() => set({ step: i + 1 })}
            >
              <span class="mla__step-number">{i + 1}</span>
              {s.title}
            </button>
          </li>
        ))}
      </ol>
      <section class="mla__detail" aria-label={`Step ${state.step}: ${current.title}`}>
        <p>{current.body}</p>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Matrix</th>
                <th scope="col">Shape</th>
                <th scope="col" class="num">
                  Parameters
                </th>
              </tr>
            </thead>
            <tbody>
              {current.matrices.map((m) => (
                <tr key={m.name}>
                  <th scope="row">{m.name}</th>
                  <td>
                    <span class="mla__shape">{m.shape}</span>
                    {m.note && <span class="mla__note">{m.note}</span>}
                  </td>
                  <td class="num">{formatInteger(m.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul class="mla__vectors" aria-label="Vectors this step produces">
          {current.vectors.map((v) => (
            <li key={v.name} class={v.cached ? 'is-cached' : undefined}>
              <span class="mla__vector-name">{v.name}</span> {v.size}
              {v.cached ? ' · cached' : ''}
            </li>
          ))}
        </ul>
      </section>
      <LiveReadout>{readout(state)}</LiveReadout>
      {cacheSection}
      {checkSection}
    </WidgetFrame>
  );
}
