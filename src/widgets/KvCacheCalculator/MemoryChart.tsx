/** Memory against context length for the current model and up to three others (log–log). */
import { LineChart, type Marker } from '../shared/LineChart';
import { Controls, Segmented, Select } from '../shared/controls';
import type { ChartView } from './chart';
import { axisNumber, compactCount } from './describe';
import type { CalculatorModel } from './spec';
import { MAX_COMPARE, type CalcState, type ChartMode } from './state';

interface Props {
  state: CalcState;
  chart: ChartView;
  markers: Marker[];
  catalogue: readonly CalculatorModel[];
  onPatch: (values: Partial<CalcState>) => void;
}

const MODE_OPTIONS: { value: ChartMode; label: string }[] = [
  { value: 'cache', label: 'Cache only' },
  { value: 'total', label: 'Weights + cache' },
];

export function MemoryChart({ state, chart, markers, catalogue, onPatch }: Props) {
  const slots = Array.from({ length: MAX_COMPARE }, (_, i) => state.compare[i] ?? '');
  const choose = (slot: number, id: string) => {
    const next = slots.map((v, i) => (i === slot ? id : v)).filter((v) => v !== '');
    onPatch({ compare: [...new Set(next)] });
  };
  const options = [
    { value: '', label: 'none' },
    ...catalogue.filter((m) => m.id !== state.model).map((m) => ({ value: m.id, label: m.name })),
  ];
  return (
    <>
      <Controls label="Chart settings">
        {slots.map((id, i) => (
          <Select
            key={i}
            label={`Compare with (${i + 1} of ${MAX_COMPARE})`}
            value={id}
            options={options}
            onChange={(v) => choose(i, v)}
          />
        ))}
        <Segmented label="Show" value={state.chart} options={MODE_OPTIONS} onChange={(chart) => onPatch({ chart })} />
      </Controls>
      <LineChart
        series={chart.series}
        xLabel={chart.xLabel}
        yLabel={chart.yLabel}
        description={chart.description}
        xScale="log"
        yScale="log"
        formatX={compactCount}
        formatY={axisNumber}
        markers={markers}
        height={300}
      />
    </>
  );
}
