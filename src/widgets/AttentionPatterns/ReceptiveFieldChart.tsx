/** How far a sliding window reaches through L stacked layers (Mistral 7B §2): a layer slider, a chart, a sentence. */
import { Slider } from '../shared/controls';
import { LineChart } from '../shared/LineChart';
import { formatCount, formatLayers, type ReceptiveView } from './model';
import { MAX_CHART_LAYERS } from './state';
import { useScopedId } from '../shared/ids';

interface Props {
  view: ReceptiveView;
  onLayers: (layers: number) => void;
}

export function ReceptiveFieldChart({ view, onLayers }: Props) {
  const id = useScopedId();
  return (
    <section class="attn-rf" aria-labelledby={id}>
      <p id={id} class="attn__subhead">
        Receptive field across layers
      </p>
      <Slider
        label="Layers L"
        value={view.layers}
        min={1}
        max={MAX_CHART_LAYERS}
        format={formatLayers}
        onChange={onLayers}
      />
      <LineChart
        series={view.series}
        xLabel="Layers L"
        yLabel="Tokens reached"
        description={view.description}
        formatY={formatCount}
        height={200}
      />
      <p class="attn-rf__sentence">{view.sentence}</p>
    </section>
  );
}
