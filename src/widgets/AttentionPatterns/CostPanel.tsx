/** What the mask costs: attended pairs, their share of N², and the asymptotic orders of the pattern. */
import type { CostView } from './model';

export function CostPanel({ cost }: { cost: CostView }) {
  return (
    <dl class="attn-cost">
      <div>
        <dt>Attended pairs</dt>
        <dd>
          {cost.pairs} <span class="attn-cost__of">of {cost.all}</span>
        </dd>
      </div>
      <div>
        <dt>Share of N²</dt>
        <dd>{cost.share}</dd>
      </div>
      <div>
        <dt>Keys per token</dt>
        <dd>{cost.perToken}</dd>
      </div>
      <div>
        <dt>Pairs per layer</dt>
        <dd>{cost.total}</dd>
      </div>
    </dl>
  );
}
