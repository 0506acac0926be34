/** One small 2-D plane per sampled frequency pair: the query and key halves of that pair as arrows on a circle. */
import type { PlaneView } from './model';

const R = 44;
const C = 56;

function Arrow({ x, y, cls }: { x: number; y: number; cls: string }) {
  const px = C + x * R;
  const py = C - y * R;
  return (
    <g class={cls}>
      <line x1={C} y1={C} x2={px} y2={py} />
      <circle cx={px} cy={py} r={4} />
    </g>
  );
}

export function RopePlanes({ planes }: { planes: readonly PlaneView[] }) {
  return (
    <ul class="rope__planes" aria-label="Query and key in each sampled frequency pair">
      {planes.map((p) => (
        <li key={p.index} class="rope__plane">
          <svg viewBox="0 0 112 112" width="112" height="112" aria-hidden="true">
            <circle class="rope__circle" cx={C} cy={C} r={R} />
            <line class="rope__axis" x1={C - R - 4} x2={C + R + 4} y1={C} y2={C} />
            <line class="rope__axis" y1={C - R - 4} y2={C + R + 4} x1={C} x2={C} />
            <Arrow x={p.k.x} y={p.k.y} cls="rope__k" />
            <Arrow x={p.q.x} y={p.q.y} cls="rope__q" />
          </svg>
          <p class="rope__plane-title">{p.title}</p>
          <p class="rope__plane-meta">{p.wavelength}</p>
          <p class="rope__plane-meta">q–k angle {p.angle}</p>
        </li>
      ))}
    </ul>
  );
}
