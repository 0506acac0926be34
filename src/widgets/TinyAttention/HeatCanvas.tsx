/**
 * One head's attention map, painted at T × T into a scratch canvas and drawn scaled (square pixels) into a canvas of
 * fixed size, so typing never changes an element's intrinsic size (which made every keystroke re-lay out the page).
 * Repainted before the browser paints, with the current query's row outlined. Render-only: the weights come from
 * the view-model, the colours from the ramp.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { paintAttention, type HeatRamp } from './paint';

interface Props {
  map: Float32Array;
  T: number;
  query: number;
  ramp: HeatRamp | null;
  /** Called with the row under the pointer: hovering a map picks the query. */
  onRow?: (row: number) => void;
}

/** Canvas resolution: T × T cells scaled to SIZE × SIZE pixels (2–128 pixels per cell), then scaled by CSS. */
const SIZE = 128;
let scratch: HTMLCanvasElement | null = null;

export function HeatCanvas({ map, T, query, ramp, onRow }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    scratch ??= document.createElement('canvas');
    scratch.width = T;
    scratch.height = T;
    const small = scratch.getContext('2d');
    if (!ctx || !small || !ramp || T < 1) return;
    const image = small.createImageData(T, T);
    paintAttention(map, T, ramp, new Uint32Array(image.data.buffer));
    small.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.drawImage(scratch, 0, 0, T, T, 0, 0, SIZE, SIZE);
  }, [map, T, ramp]);
  return (
    <span
      class="ta-heat"
      onPointerMove={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        const row = Math.floor(((event.clientY - box.top) / box.height) * T);
        if (onRow && box.height > 0 && row >= 0 && row < T && row !== query) onRow(row);
      }}
    >
      <canvas ref={canvas} class="ta-heat__canvas" width={SIZE} height={SIZE} aria-hidden="true" />
      <span class="ta-heat__row" style={{ top: `${(query / T) * 100}%`, height: `${100 / T}%` }} aria-hidden="true" />
    </span>
  );
}
