/** Reverse solve: the longest context and the largest batch whose weights + cache fit a number of GPUs. */
import { GPU_MEMORY_SIZES_GB } from '../../core/memory';
import { Controls, Select } from '../shared/controls';
import type { ReverseView } from './model';
import { GPU_COUNTS, type CalcState } from './state';

interface Props {
  state: CalcState;
  reverse: ReverseView;
  onPatch: (values: Partial<CalcState>) => void;
}

const COUNT_OPTIONS = GPU_COUNTS.map((n) => ({ value: String(n), label: `${n} ×` }));
const SIZE_OPTIONS = GPU_MEMORY_SIZES_GB.map((gb) => ({ value: String(gb), label: `${gb} GB` }));

export function ReverseSolve({ state, reverse, onPatch }: Props) {
  return (
    <>
      <Controls label="Memory budget">
        <Select
          label="GPUs"
          value={String(state.gpus)}
          options={COUNT_OPTIONS}
          onChange={(v) => onPatch({ gpus: Number(v) })}
        />
        <Select
          label="Memory per GPU"
          value={String(state.gpuGB)}
          options={SIZE_OPTIONS}
          onChange={(v) => onPatch({ gpuGB: Number(v) })}
        />
      </Controls>
      <p class="kvcalc__muted">Budget: {reverse.budget}, for weights + cache.</p>
      <ul class="kvcalc__solve">
        <li>{reverse.context}</li>
        {reverse.batch && <li>{reverse.batch}</li>}
      </ul>
    </>
  );
}
