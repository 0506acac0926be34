/**
 * The Canvas heatmap (N > 64, up to 1024): one pixel per (query, key) pair, or a max-pooled block of pairs when N is
 * larger than the device pixels the canvas covers. It repaints in a layout effect, before the browser paints, so a
 * control change shows in the next frame. Hover shows a cell's query and key; a click makes its query the current
 * token (the stepper is the keyboard route).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { onThemeChange, resolveColor } from '../shared/theme';
import {
  cellAtPoint,
  heatGeometry,
  paintBase,
  paintRow,
  paletteFrom,
  pixelRowOf,
  restoreRow,
  rowCentrePercent,
  type HeatPalette,
} from './heatmap';
import type { Cell } from './grid';
import { formatCount } from './model';

interface Props {
  matrix: Uint8Array;
  /** Changes whenever the matrix contents change (the buffer itself is reused). */
  version: string;
  n: number;
  token: number;
  /** Kernel-tile side in tokens, 0 for none. */
  tile: number;
  label: string;
  onProbe: (cell: Cell | null) => void;
  onChooseToken: (token: number) => void;
}

export function MaskHeatmap({ matrix, version, n, token, tile, label, onProbe, onChooseToken }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  /** The picture without the current row, and what it was painted from, so a token change repaints two rows. */
  const base = useRef<{ pixels: Uint32Array; key: string; token: number } | null>(null);
  const [palette, setPalette] = useState<HeatPalette | null>(null);
  const [devicePixels, setDevicePixels] = useState(0);
  const geometry = heatGeometry(n, devicePixels);

  useLayoutEffect(() => {
    const el = canvas.current?.parentElement;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setDevicePixels(Math.round(entry.contentRect.width * window.devicePixelRatio));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const read = () => setPalette(paletteFrom((token) => resolveColor(el, token)));
    read();
    return onThemeChange(read);
  }, []);

  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !palette) return;
    const { size } = geometry;
    if (!image.current || image.current.width !== size) image.current = ctx.createImageData(size, size);
    const pixels = new Uint32Array(image.current.data.buffer);
    const key = `${version} ${tile} ${size} ${JSON.stringify(palette)}`;
    const previous = base.current;
    if (previous && previous.key === key) {
      restoreRow(previous.pixels, pixels, previous.token, geometry);
      paintRow(matrix, n, token, palette, pixels, geometry);
      ctx.putImageData(image.current, 0, 0, 0, pixelRowOf(previous.token, geometry), size, 1);
      ctx.putImageData(image.current, 0, 0, 0, pixelRowOf(token, geometry), size, 1);
      previous.token = token;
      return;
    }
    const fresh =
      previous && previous.pixels.length === pixels.length ? previous.pixels : new Uint32Array(pixels.length);
    paintBase(matrix, n, palette, fresh, tile, geometry);
    pixels.set(fresh);
    paintRow(matrix, n, token, palette, pixels, geometry);
    ctx.putImageData(image.current, 0, 0);
    base.current = { pixels: fresh, key, token };
  }, [version, token, palette, tile, n, geometry.size]);

  const cellAt = (event: PointerEvent | MouseEvent) =>
    canvas.current ? cellAtPoint(event.clientX, event.clientY, canvas.current.getBoundingClientRect(), n) : null;

  return (
    <div class="attn-heat">
      <p class="attn-heat__axis attn-heat__axis--keys" aria-hidden="true">
        <span>key 1</span>
        <span>keys →</span>
        <span>{formatCount(n)}</span>
      </p>
      <div class="attn-heat__frame">
        <p class="attn-heat__axis attn-heat__axis--queries" aria-hidden="true">
          queries ↓
        </p>
        <div class="attn-heat__plot">
          <canvas
            ref={canvas}
            class={`attn-heat__canvas${geometry.smooth ? ' is-smooth' : ''}`}
            width={geometry.size}
            height={geometry.size}
            role="img"
            aria-label={label}
            onPointerMove={(event) => onProbe(cellAt(event))}
            onPointerLeave={() => onProbe(null)}
            onClick={(event) => {
              const cell = cellAt(event);
              if (cell) onChooseToken(cell.query);
            }}
          />
          <span class="attn-heat__row" style={{ top: `${rowCentrePercent(token, n)}%` }} aria-hidden="true" />
          <span class="attn-heat__marker" style={{ top: `${rowCentrePercent(token, n)}%` }} aria-hidden="true">
            ▶
          </span>
        </div>
      </div>
    </div>
  );
}
