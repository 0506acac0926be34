/**
 * "Step i of N": previous/next buttons around a Slider. The slider takes arrow keys, Page Up/Down, Home and End
 * natively; the buttons step by one and are disabled (aria-disabled, still focusable) at the ends.
 */
import { Slider } from './controls';
import './stepper.css';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Text shown beside the label and announced as the slider's aria-valuetext. */
  text: string;
  onChange: (value: number) => void;
  /** Names used in the buttons' accessible labels, e.g. "token" → "Previous token". */
  unit?: string;
}

export function Stepper({ label, value, min, max, text, onChange, unit = 'step' }: Props) {
  const step = (delta: number) => onChange(Math.min(max, Math.max(min, value + delta)));
  return (
    <div class="stepper" role="group" aria-label={label}>
      <button
        type="button"
        class="button stepper__button"
        onClick={() => step(-1)}
        aria-disabled={value <= min}
        aria-label={`Previous ${unit}`}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <Slider label={label} value={value} min={min} max={max} onChange={onChange} format={() => text} />
      <button
        type="button"
        class="button stepper__button"
        onClick={() => step(1)}
        aria-disabled={value >= max}
        aria-label={`Next ${unit}`}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
