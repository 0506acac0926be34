/**
 * "Token i of N": previous/next buttons around a slider. The slider takes arrow keys, Page Up/Down, Home and End
 * natively; the arrow keys also step while a button has focus.
 */
import { Slider } from '../shared/controls';

interface Props {
  token: number;
  min: number;
  max: number;
  /** "1 of 16 · Attention" */
  text: string;
  onChange: (token: number) => void;
  onStep: (delta: -1 | 1) => void;
}

const STEP_KEYS: Record<string, -1 | 1> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

export function TokenStepper({ token, min, max, text, onChange, onStep }: Props) {
  const onButtonKey = (event: KeyboardEvent) => {
    const delta = STEP_KEYS[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    onStep(delta);
  };
  return (
    <div class="attn-stepper" role="group" aria-label="Current token">
      <button
        type="button"
        class="button attn-stepper__button"
        onClick={() => onStep(-1)}
        onKeyDown={onButtonKey}
        aria-disabled={token <= min}
        aria-label="Previous token"
      >
        <span aria-hidden="true">‹</span>
        <span class="attn-stepper__text">Previous</span>
      </button>
      <Slider label="Token" value={token} min={min} max={max} onChange={onChange} format={() => text} />
      <button
        type="button"
        class="button attn-stepper__button"
        onClick={() => onStep(1)}
        onKeyDown={onButtonKey}
        aria-disabled={token >= max}
        aria-label="Next token"
      >
        <span class="attn-stepper__text">Next</span>
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
