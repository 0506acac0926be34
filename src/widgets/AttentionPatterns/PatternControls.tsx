/** The pattern and its parameters: only the controls the chosen pattern reads are shown. */
import { MAX_N, type Direction, type PatternName } from '../../core/masks';
import { Controls, NumberField, Segmented, Select, Slider, Toggle } from '../shared/controls';
import { GlobalField } from './GlobalField';
import type { View } from './model';
import type { RawPatch, WidgetState } from './state';

interface Props {
  state: WidgetState;
  view: View;
  onPatch: (patch: RawPatch) => void;
}

const DIRECTIONS: readonly { value: Direction; label: string }[] = [
  { value: 'causal', label: 'Causal' },
  { value: 'bidirectional', label: 'Bidirectional' },
];

const tokensText = (v: number) => `${v} ${v === 1 ? 'token' : 'tokens'}`;

export function PatternControls({ state, view, onPatch }: Props) {
  const { params } = state;
  const { show, ranges } = view;
  return (
    <Controls label="Attention pattern and its parameters">
      <Select<PatternName>
        label="Pattern"
        value={state.pattern}
        options={view.patternOptions}
        onChange={(pattern) => onPatch({ pattern })}
      />
      <NumberField label="Tokens N" value={params.n} min={1} max={MAX_N} onChange={(n) => onPatch({ n })} />
      {show.direction && (
        <Segmented<Direction>
          label="Direction"
          value={params.direction}
          options={DIRECTIONS}
          onChange={(direction) => onPatch({ direction })}
        />
      )}
      {show.window && (
        <Slider
          label="Window W"
          value={params.window}
          {...ranges.window}
          format={tokensText}
          onChange={(window) => onPatch({ window })}
        />
      )}
      {show.dilation && (
        <Slider
          label="Dilation d"
          value={params.dilation}
          {...ranges.dilation}
          format={(v) => `d = ${v}`}
          onChange={(dilation) => onPatch({ dilation })}
        />
      )}
      {show.global && <GlobalField positions={params.global} n={params.n} onChange={(global) => onPatch({ global })} />}
      {show.group && (
        <Slider
          label="Group size G"
          value={params.group}
          {...ranges.group}
          format={tokensText}
          onChange={(group) => onPatch({ group })}
        />
      )}
      {show.chunk && (
        <Slider
          label="Chunk C"
          value={params.chunk}
          {...ranges.chunk}
          format={tokensText}
          onChange={(chunk) => onPatch({ chunk })}
        />
      )}
      {show.prefix && (
        <Slider
          label="Prefix P"
          value={params.prefix}
          {...ranges.prefix}
          format={tokensText}
          onChange={(prefix) => onPatch({ prefix })}
        />
      )}
      <Toggle label="Kernel tiles" checked={state.tiles} onChange={(tiles) => onPatch({ tiles })} />
    </Controls>
  );
}
