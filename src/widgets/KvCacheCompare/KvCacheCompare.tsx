/**
 * KV-cache comparison: MHA / GQA / MQA / MLA bars at one geometry with the reduction against MHA. Render-only:
 * every figure and sentence comes from model.ts over src/core/kvCache.ts.
 */
import { useMemo, useState } from 'preact/hooks';
import type { DType } from '../../core/dtypes';
import { MAX_TOKENS } from '../../core/kvCache';
import type { UnitSystem } from '../../core/units';
import { Controls, NumberField, Segmented, Select, Slider } from '../shared/controls';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { buildView, DTYPE_OPTIONS, GQA_CHOICES, normalizeState, TOKEN_SLIDER, type CompareState } from './model';
import './kv-compare.css';

export interface KvCacheCompareProps {
  /** Cached tokens (batch × sequence), 1 … 10,000,000; default 6,400. */
  tokens?: number;
  /** K/V element type; default fp16. */
  dtype?: DType;
  /** KV heads of the GQA bar: 2, 4, 8 or 16; default 8. */
  gqaKvHeads?: number;
  /** Heading level of the title: 3 on the home band and in entries. */
  level?: 2 | 3;
}

const GQA_OPTIONS = GQA_CHOICES.map((g) => ({ value: String(g), label: String(g) }));
const UNIT_OPTIONS: { value: UnitSystem; label: string }[] = [
  { value: 'binary', label: 'Binary' },
  { value: 'decimal', label: 'Decimal' },
];

export function KvCacheCompare({ tokens, dtype, gqaKvHeads, level = 3 }: KvCacheCompareProps) {
  const initial = useMemo(() => normalizeState({ tokens, dtype, gqaKvHeads }), []);
  const [state, setState] = useState<CompareState>(initial.state);
  const view = useMemo(() => buildView(state), [state]);
  const set = (patch: Partial<CompareState>) => setState((s) => ({ ...s, ...patch }));

  return (
    <WidgetFrame
      class="kvc"
      title="KV cache: MHA, GQA, MQA and MLA"
      lead="Bytes one model geometry caches, by attention design, and how many times smaller each is than multi-head attention."
      provenance="computed"
      provenanceDetail="Computed live · Llama-2-7B geometry"
      notes={initial.notes}
      level={level}
    >
      <p class="kvc__inputs">{view.inputs}</p>
      <Controls label="Comparison settings">
        <Slider
          label="Cached tokens"
          value={TOKEN_SLIDER.toPosition(state.tokens)}
          min={0}
          max={TOKEN_SLIDER.positions}
          onChange={(p) => set({ tokens: TOKEN_SLIDER.toValue(p) })}
          format={() => view.tokensText}
        />
        <NumberField
          label="Tokens (exact)"
          value={state.tokens}
          min={1}
          max={MAX_TOKENS}
          onChange={(t) => set({ tokens: t })}
        />
        <Select label="KV dtype" value={state.dtype} options={DTYPE_OPTIONS} onChange={(d) => set({ dtype: d })} />
        <Segmented
          label="GQA KV heads"
          value={String(state.gqaKvHeads)}
          options={GQA_OPTIONS}
          onChange={(g) => set({ gqaKvHeads: Number(g) })}
        />
        <Segmented
          label="Units: binary (MiB) or decimal (MB)"
          value={state.units}
          options={UNIT_OPTIONS}
          onChange={(u) => set({ units: u })}
        />
      </Controls>
      <LiveReadout>{view.readout}</LiveReadout>
      <ul class="kvc__bars" aria-label={`KV cache per design, in ${view.unit}`}>
        {view.bars.map((bar, i) => (
          <li key={bar.id} class="kvc__row" data-design={bar.id}>
            <span class="kvc__name">
              <strong>{bar.name}</strong> <span class="kvc__detail">{bar.detail}</span>
            </span>
            <span class="kvc__track" aria-hidden="true">
              <span class="kvc__bar" style={{ width: bar.width, background: `var(--series-${i + 1})` }} />
            </span>
            <span class="kvc__value">{bar.value}</span>
            <span class="kvc__factor">{bar.factor}</span>
          </li>
        ))}
      </ul>
      <p class="kvc__note">
        Bars in {view.unit} ({view.unitNote}); the factor is MHA ÷ design. {view.mlaNote}
      </p>
      <details class="kvc__formulas">
        <summary>Formulas with these numbers</summary>
        <ul>
          {view.bars.map((bar) => (
            <li key={bar.id}>
              <strong>{bar.name}</strong>: <code>{bar.formula}</code> = {bar.value}
            </li>
          ))}
        </ul>
      </details>
      <p class="kvc__link">
        <a href={view.calculatorHref}>Real models, batch, weights and GPU fit: open the KV-cache calculator</a>
      </p>
    </WidgetFrame>
  );
}
