/** Model choice: a preset (with its sources and caveats) or a pasted / uploaded config.json. Render-only. */
import { Select } from '../shared/controls';
import { ConfigInput } from './ConfigInput';
import { sourceHref } from './describe';
import type { CalculatorModel } from './spec';
import { CUSTOM_ID, type CalcState } from './state';

interface Props {
  state: CalcState;
  model: CalculatorModel;
  catalogue: readonly CalculatorModel[];
  onPatch: (values: Partial<CalcState>) => void;
  onCustom: (model: CalculatorModel) => void;
}

export function ModelPanel({ state, model, catalogue, onPatch, onCustom }: Props) {
  const options = [
    ...catalogue.map((m) => ({ value: m.id, label: `${m.name} · ${m.attention}` })),
    ...(state.model === CUSTOM_ID ? [{ value: CUSTOM_ID, label: `${model.name} · your config.json` }] : []),
  ];
  return (
    <div class="kvcalc__model">
      <div class="kvcalc__pick">
        <Select label="Model" value={state.model} options={options} onChange={(id) => onPatch({ model: id })} />
        <ConfigInput onModel={onCustom} active={state.model === CUSTOM_ID ? model.name : null} />
      </div>
      <div class="kvcalc__about">
        <p>
          <strong>{model.name}</strong>: {model.attention}
          {model.maxPositions !== null && <>; configured context {model.maxPositions.toLocaleString('en-US')} tokens</>}
          .
        </p>
        {model.caveats.length > 0 && (
          <ul class="kvcalc__caveats" aria-label={model.id === CUSTOM_ID ? 'Parser notes' : 'Preset caveats'}>
            {model.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {model.sources.length > 0 && (
          <details class="kvcalc__sources">
            <summary>
              Sources for {model.name} ({model.sources.length})
            </summary>
            <ul>
              {model.sources.map((s) => {
                const href = sourceHref(s);
                return <li key={s}>{href ? <a href={href}>{s}</a> : s}</li>;
              })}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}
