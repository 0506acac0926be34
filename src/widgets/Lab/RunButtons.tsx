/** Start, pause/resume, reset and the two exports. Render-only: which buttons show comes from the run status. */
import type { RunStatus } from './runState';

interface Props {
  status: RunStatus;
  onStart: () => void;
  onPause: () => void;
  onResume: () => void;
  onReset: () => void;
  onExportJson: () => void;
  onExportPng: () => void;
}

export function RunButtons({ status, onStart, onPause, onResume, onReset, onExportJson, onExportPng }: Props) {
  const idle = status === 'recorded' || status === 'done' || status === 'error';
  return (
    <div class="lab__buttons" role="group" aria-label="Run">
      {idle && (
        <button type="button" class="button" data-variant="primary" onClick={onStart}>
          {status === 'recorded' ? 'Start training' : 'Train again'}
        </button>
      )}
      {status === 'training' && (
        <button type="button" class="button" onClick={onPause}>
          Pause
        </button>
      )}
      {status === 'paused' && (
        <button type="button" class="button" data-variant="primary" onClick={onResume}>
          Resume
        </button>
      )}
      {status === 'loading' && (
        <button type="button" class="button" disabled>
          Loading…
        </button>
      )}
      {status !== 'recorded' && (
        <button type="button" class="button" onClick={onReset}>
          Reset
        </button>
      )}
      <button type="button" class="button" onClick={onExportJson}>
        Export run (JSON)
      </button>
      <button type="button" class="button" onClick={onExportPng}>
        Chart as PNG
      </button>
    </div>
  );
}
