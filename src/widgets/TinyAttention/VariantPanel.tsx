/**
 * One trained variant: its figures, then every head's attention map per layer, heads framed by the KV head they
 * share (one per frame for MHA, two per frame for GQA-2), and its next-character prediction. Choosing a map (click,
 * Enter or Space) shows that head's row in the bar strip; hovering a map's row makes that character the query.
 */
import type { HeadChoice, VariantView } from './model';
import { HeatCanvas } from './HeatCanvas';
import type { HeatRamp } from './paint';

interface Props {
  view: VariantView;
  T: number;
  query: number;
  choice: HeadChoice;
  ramp: HeatRamp | null;
  onChoose: (choice: HeadChoice) => void;
  onQuery: (query: number) => void;
  /** One below the widget's title. */
  headingLevel: 3 | 4;
}

export function VariantPanel({ view, T, query, choice, ramp, onChoose, onQuery, headingLevel }: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section class="ta-variant" aria-label={view.label}>
      <Heading class="ta-variant__title">{view.label}</Heading>
      <dl class="ta-variant__stats">
        {view.stats.map((s) => (
          <div key={s.label}>
            <dt>{s.label}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      {view.layers.map((layer) => (
        <div class="ta-layer" key={layer.layer}>
          <p class="ta-layer__label">{layer.label}</p>
          <div class="ta-layer__groups">
            {layer.groups.map((group) => (
              <div class="ta-group" key={group.kvHead} style={{ flexGrow: group.heads.length }}>
                <div class="ta-group__heads">
                  {group.heads.map((head) => {
                    const selected =
                      choice.variant === view.id && choice.layer === layer.layer && choice.head === head.head;
                    return (
                      <button
                        key={head.head}
                        type="button"
                        class="ta-head"
                        aria-pressed={selected}
                        aria-label={head.description}
                        onClick={() => onChoose({ variant: view.id, layer: layer.layer, head: head.head })}
                      >
                        <HeatCanvas map={head.map} T={T} query={query} ramp={ramp} onRow={onQuery} />
                        <span class="ta-head__label" aria-hidden="true">
                          {head.label}
                        </span>
                      </button>
                    );
                  })}
                </div>
                <p class="ta-group__label" aria-hidden="true">
                  {group.label}
                </p>
              </div>
            ))}
          </div>
        </div>
      ))}
      <p class="ta-variant__predict">
        {view.predictionLead}:{' '}
        {view.predictions.map((p, i) => (
          <span key={i} class="ta-predict">
            <code>{p.label}</code> {p.percent}
          </span>
        ))}
      </p>
      {view.textLoss && <p class="ta-variant__loss">{view.textLoss}</p>}
    </section>
  );
}
