/**
 * One KV memory map on a Canvas: CAPACITY slots, COLUMNS per row, one colour per palette index from model.ts
 * (resolved from the theme's tokens, repainted when the theme changes). Render-only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onThemeChange, resolveColor } from '../shared/theme';
import { CAPACITY, COLUMNS } from './model';

/** Theme tokens for PAINT indices 0…5: free, token (two tones), reserved for later, never used, fragmented. */
const TOKENS = ['--surface-2', '--series-1', '--paged-token-b', '--paged-future', '--series-2', '--paged-fragment'];
const ROWS = CAPACITY / COLUMNS;
/** Canvas pixels per slot (the element is scaled by CSS). */
const CELL = 6;

interface Props {
  cells: Uint8Array;
  label: string;
}

export function MemoryMap({ cells, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [palette, setPalette] = useState<string[] | null>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const host = el.parentElement ?? el;
    const resolve = () => setPalette(TOKENS.map((t) => resolveColor(host, t)));
    resolve();
    return onThemeChange(resolve);
  }, []);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !palette) return;
    for (let r = 0; r < ROWS; r++) {
      let start = 0;
      for (let c = 1; c <= COLUMNS; c++) {
        const here = cells[r * COLUMNS + start] ?? 0;
        if (c < COLUMNS && cells[r * COLUMNS + c] === here) continue;
        ctx.fillStyle = palette[here] ?? '#888';
        ctx.fillRect(start * CELL, r * CELL, (c - start) * CELL, CELL - 1);
        start = c;
      }
    }
  }, [cells, palette]);

  return (
    <canvas
      ref={canvas}
      class="paged__canvas"
      width={COLUMNS * CELL}
      height={ROWS * CELL}
      role="img"
      aria-label={label}
    />
  );
}
