/** Which common GPU memory sizes weights + cache fit, with the headroom; sizes labelled GB, capacity in the units. */
import type { ResultView } from './model';

export function GpuFit({ result }: { result: ResultView }) {
  return (
    <>
      <ul class="kvcalc__fits">
        {result.fits.map((f) => (
          <li key={f.label} data-fits={f.fits ? 'yes' : 'no'}>
            <span class="kvcalc__fit-name">
              <strong>{f.label}</strong> <span class="kvcalc__muted">{f.cards}</span>
            </span>
            <span class="kvcalc__fit-bar" aria-hidden="true">
              <span style={{ width: f.usedWidth }} />
            </span>
            <span class="kvcalc__fit-status">
              <span class="kvcalc__mark" aria-hidden="true">
                {f.fits ? '✓' : '✗'}
              </span>{' '}
              {f.status}{' '}
              <span class="kvcalc__muted">
                ({f.usedText} of {f.capacity})
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p class="kvcalc__note">{result.fitNote}</p>
    </>
  );
}
