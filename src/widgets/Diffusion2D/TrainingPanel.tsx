/** The live-training controls: step count, Train/Stop, progress, status sentence and loss curve. Render-only. */
import { useMemo } from 'preact/hooks';
import { formatInteger } from '../../core/units';
import { LineChart } from '../shared/LineChart';
import { Select } from '../shared/controls';
import { TRAIN_STEP_OPTIONS } from './model';
import type { TrainingView } from './trainView';

interface Props {
  view: TrainingView;
  steps: number;
  onSteps: (steps: number) => void;
  onStart: () => void;
  onStop: () => void;
  /** Why training cannot start now, shown under the button. */
  blocked: string | null;
  state: { step: number; lastLoss: number | null; firstLoss: number | null; status: string };
}

export function TrainingPanel({ view, steps, onSteps, onStart, onStop, blocked, state }: Props) {
  // The same vnode while the loss curve is unchanged, so slider input elsewhere never re-renders the chart.
  const chart = useMemo(
    () =>
      view.series.length > 0 ? (
        <LineChart
          series={view.series}
          xLabel="training step"
          yLabel="loss"
          description="Smoothed training loss (mean squared error of the predicted noise) against the training step."
          height={170}
          formatY={(v) => String(Number(v.toPrecision(2)))}
        />
      ) : null,
    [view.series],
  );
  return (
    <section class="d2d__train" aria-label="Train live">
      <p class="d2d__subhead">Train live in your browser</p>
      <div class="d2d__train-row">
        <Select
          label="Training steps"
          value={String(steps)}
          options={TRAIN_STEP_OPTIONS.map((s) => ({ value: String(s), label: formatInteger(s) }))}
          onChange={(v) => onSteps(Number(v))}
          disabled={view.busy}
        />
        {view.busy ? (
          <button type="button" class="button" onClick={onStop}>
            Stop
          </button>
        ) : (
          <button type="button" class="button" data-variant="primary" onClick={onStart} disabled={!view.canStart}>
            {view.startLabel}
          </button>
        )}
      </div>
      {view.progress !== null && (
        <progress class="d2d__progress" max={1} value={view.progress} aria-label="Training progress" />
      )}
      <p
        class="d2d__status"
        data-status={state.status}
        data-step={state.step}
        data-loss={state.lastLoss ?? ''}
        data-first-loss={state.firstLoss ?? ''}
      >
        {view.statusText}
      </p>
      {blocked && <p class="control__hint">{blocked}</p>}
      {chart}
    </section>
  );
}
