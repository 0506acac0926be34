/** Context, batch, element types and units; the sliding-window and SSM options appear when the model has them. */
import { MAX_BATCH, MAX_TOKENS } from '../../core/kvCache';
import { formatInteger, type UnitSystem } from '../../core/units';
import { Controls, NumberField, Segmented, Select, Slider, Toggle } from '../shared/controls';
import { DTYPE_OPTIONS, sequences } from './describe';
import type { CalculatorModel } from './spec';
import { BATCH_SLIDER, TOKEN_SLIDER, type CalcState, type WeightDtype } from './state';

interface Props {
  state: CalcState;
  model: CalculatorModel;
  onPatch: (values: Partial<CalcState>) => void;
}

const KV_OPTIONS = DTYPE_OPTIONS;
const WEIGHT_OPTIONS: { value: WeightDtype; label: string }[] = [
  ...KV_OPTIONS,
  { value: 'none', label: 'none (cache only)' },
];
const STATE_OPTIONS = (['fp32', 'fp16', 'bf16'] as const).map((d) => ({ value: d, label: d }));
const UNIT_OPTIONS: { value: UnitSystem; label: string }[] = [
  { value: 'binary', label: 'Binary' },
  { value: 'decimal', label: 'Decimal' },
];
const CONV_OPTIONS = [
  { value: 'd_conv-1', label: 'd_conv − 1 columns (llama.cpp, vLLM)' },
  { value: 'd_conv', label: 'd_conv columns (mamba_ssm, HF)' },
] as const;

export function Inputs({ state, model, onPatch }: Props) {
  const windowed = model.spec.layerRuns.some(([mixer, window]) => mixer === 'attention' && window !== null);
  const ssm = model.spec.ssm !== null;
  return (
    <>
      <Controls label="Context and batch">
        <Slider
          label="Tokens per sequence (log scale)"
          value={TOKEN_SLIDER.toPosition(state.tokens)}
          min={0}
          max={TOKEN_SLIDER.positions}
          onChange={(p) => onPatch({ tokens: TOKEN_SLIDER.toValue(p) })}
          format={() => `${formatInteger(state.tokens)} tokens`}
        />
        <NumberField
          label="Tokens (exact)"
          value={state.tokens}
          min={1}
          max={MAX_TOKENS}
          onChange={(tokens) => onPatch({ tokens })}
        />
        <Slider
          label="Batch (log scale)"
          value={BATCH_SLIDER.toPosition(state.batch)}
          min={0}
          max={BATCH_SLIDER.positions}
          onChange={(p) => onPatch({ batch: BATCH_SLIDER.toValue(p) })}
          format={() => sequences(state.batch)}
        />
        <NumberField
          label="Batch (exact)"
          value={state.batch}
          min={1}
          max={MAX_BATCH}
          onChange={(batch) => onPatch({ batch })}
        />
      </Controls>
      <Controls label="Number formats">
        <Select
          label="KV cache dtype"
          value={state.dtype}
          options={KV_OPTIONS}
          onChange={(dtype) => onPatch({ dtype })}
        />
        <Select
          label="Weights dtype"
          value={state.wdtype}
          options={WEIGHT_OPTIONS}
          onChange={(wdtype) => onPatch({ wdtype })}
        />
        {ssm && (
          <Select
            label="SSM state dtype"
            value={state.stateDtype}
            options={STATE_OPTIONS}
            onChange={(stateDtype) => onPatch({ stateDtype })}
          />
        )}
        {ssm && (
          <Select
            label="SSM conv cache"
            value={state.convLayout}
            options={CONV_OPTIONS}
            onChange={(convLayout) => onPatch({ convLayout })}
          />
        )}
        <Segmented
          label="Units: binary (GiB) or decimal (GB)"
          value={state.units}
          options={UNIT_OPTIONS}
          onChange={(units) => onPatch({ units })}
        />
        {windowed && (
          <Toggle
            label="Count sliding-window layers at full size (as engines without window-aware caches do)"
            checked={state.windows === 'ignore'}
            onChange={(full) => onPatch({ windows: full ? 'ignore' : 'cap' })}
          />
        )}
      </Controls>
    </>
  );
}
