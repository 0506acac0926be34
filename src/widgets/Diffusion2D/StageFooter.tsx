/** Under the canvas: the run's step counter, the legend, and in draw mode the drawing hint and Undo/Clear. */
import type { LegendItem } from './model';
import type { RunProgress } from './sampling';

interface Props {
  hintId: string;
  drawMode: boolean;
  progress: RunProgress | null;
  preview: { step: number } | null;
  drawnCount: number;
  legend: LegendItem[];
  /** Where the weights came from. */
  source: string;
  onUndo: () => void;
  onClear: () => void;
}

export function StageFooter({
  hintId,
  drawMode,
  progress,
  preview,
  drawnCount,
  legend,
  source,
  onUndo,
  onClear,
}: Props) {
  return (
    <div class="d2d__footer">
      <p class="d2d__step" aria-hidden="true">
        {preview
          ? `Training preview · step ${preview.step}`
          : progress
            ? progress.done
              ? `Done · ${progress.total} steps, t = 100 → 0`
              : `Step ${progress.step} of ${progress.total} · t = ${progress.t}`
            : ' '}
      </p>
      <ul class="widget__legend" aria-label="Legend">
        {legend.map((item) => (
          <li key={item.label}>
            <span class={`d2d__swatch d2d__swatch--${item.shape}`} data-color={item.color} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <p class="d2d__source">{source}</p>
      {drawMode && (
        <div class="d2d__draw">
          <p id={hintId} class="control__hint">
            Drag on the canvas to add points. With the keyboard: focus the canvas, move the brush with the arrow keys
            (Shift for bigger steps), press Space to add points and Backspace to undo.
          </p>
          <div class="d2d__buttons">
            <span class="d2d__count">{drawnCount} points</span>
            <button type="button" class="button" onClick={onUndo} disabled={drawnCount === 0}>
              Undo
            </button>
            <button type="button" class="button" onClick={onClear} disabled={drawnCount === 0}>
              Clear
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
