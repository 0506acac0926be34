/**
 * The typed characters as a row of buttons, one tab stop: hover a character, or focus the row and move with the
 * arrow keys, Home and End, to make it the query. Bars above the characters show the chosen head's attention
 * weights from that query (taller = more weight).
 */
import { useRef } from 'preact/hooks';
import { charLabel } from './model';

interface Props {
  chars: readonly string[];
  query: number;
  /** Bar heights 0–1 per character, or null before the weights load. */
  bars: readonly number[] | null;
  onQuery: (query: number) => void;
}

export function QueryStrip({ chars, query, bars, onQuery }: Props) {
  const strip = useRef<HTMLDivElement>(null);
  const move = (next: number) => {
    const target = Math.min(Math.max(0, next), chars.length - 1);
    onQuery(target);
    strip.current?.querySelectorAll<HTMLButtonElement>('button')[target]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const keys: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: chars.length - 1,
    };
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    move(next);
  };
  return (
    <div class="ta-strip" ref={strip} role="group" aria-label="Query character: use the arrow keys to move">
      {chars.map((ch, i) => (
        <button
          key={i}
          type="button"
          class="ta-strip__char"
          tabIndex={i === query ? 0 : -1}
          aria-pressed={i === query}
          aria-label={`Character ${i + 1}: ${ch === ' ' ? 'space' : ch === '\n' ? 'newline' : ch}${bars && i <= query ? `, weight ${(bars[i] ?? 0).toFixed(2)}` : ''}`}
          onFocus={() => onQuery(i)}
          onMouseEnter={() => onQuery(i)}
          onKeyDown={(event) => onKeyDown(event, i)}
        >
          <span class="ta-strip__bar" style={{ height: `${Math.round((bars?.[i] ?? 0) * 100)}%` }} aria-hidden="true" />
          <span class="ta-strip__text" aria-hidden="true">
            {charLabel(ch)}
          </span>
        </button>
      ))}
    </div>
  );
}
