/**
 * The toy's square canvas: data points (faint, tinted by class), trajectories of traced samples, the x_T start points
 * once a run is done, the samples, and in draw mode a brush cross for keyboard drawing. Render-only: coordinates go
 * through model.toPx, colours through the theme tokens.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset2D } from '../../core/diffusion/data';
import { onThemeChange, resolveColor } from '../shared/theme';
import { fromPx, toPx } from './model';
import type { ClassChoice } from './sampling';

export interface Paths {
  coords: Float32Array;
  count: number;
  /** Entries per path (S + 1). */
  stride: number;
  /** Draw each path up to this step. */
  upTo: number;
  alpha: number;
}

interface Props {
  data: Dataset2D;
  samples: Float32Array | null;
  sampleClass: ClassChoice;
  start: Float32Array | null;
  paths: Paths | null;
  drawMode: boolean;
  brush: { x: number; y: number };
  /** Accessible name: what the canvas shows now. */
  label: string;
  describedBy?: string;
  /** Changes whenever the (mutated-in-place) sample arrays moved on. */
  tick: number;
  onStamp: (x: number, y: number) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

type Palette = Record<'a' | 'b' | 'none' | 'muted' | 'grid' | 'text', string>;

function palette(el: Element): Palette {
  return {
    a: resolveColor(el, '--series-1'),
    b: resolveColor(el, '--series-2'),
    none: resolveColor(el, '--series-3'),
    muted: resolveColor(el, '--text-muted'),
    grid: resolveColor(el, '--border'),
    text: resolveColor(el, '--text'),
  };
}

function dots(ctx: CanvasRenderingContext2D, pts: Float32Array, size: number, r: number, fill: boolean): void {
  ctx.beginPath();
  for (let i = 0; i + 1 < pts.length; i += 2) {
    const [px, py] = toPx(pts[i] ?? 0, pts[i + 1] ?? 0, size);
    ctx.moveTo(px + r, py);
    ctx.arc(px, py, r, 0, 2 * Math.PI);
  }
  if (fill) ctx.fill();
  else ctx.stroke();
}

export function ToyCanvas(props: Props) {
  const { data, samples, sampleClass, start, paths, drawMode, brush, label, describedBy, tick } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState(320);
  const [colors, setColors] = useState<Palette | null>(null);
  const [focused, setFocused] = useState(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const byClass = useMemo(
    () =>
      (data.classes === 1 ? [0] : [0, 1]).map((c) =>
        data.points.filter((_, i) => data.classes === 1 || data.labels[i >> 1] === c),
      ),
    [data],
  );

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    setColors(palette(el));
    const off = onThemeChange(() => setColors(palette(el)));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize(Math.max(200, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => {
      off();
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !colors) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(size * dpr);
    el.height = Math.round(size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size, size);
    ctx.strokeStyle = colors.grid;
    ctx.lineWidth = 1;
    for (let v = -2; v <= 2; v++) {
      const [gx] = toPx(v, 0, size);
      const [, gy] = toPx(0, v, size);
      ctx.beginPath();
      ctx.moveTo(gx, 0);
      ctx.lineTo(gx, size);
      ctx.moveTo(0, gy);
      ctx.lineTo(size, gy);
      ctx.stroke();
    }
    const classColor = (c: number) => (data.classes === 1 ? colors.muted : c === 0 ? colors.a : colors.b);
    ctx.globalAlpha = data.id === 'drawn' ? 0.7 : 0.35;
    byClass.forEach((own, c) => {
      ctx.fillStyle = classColor(c);
      dots(ctx, own, size, data.id === 'drawn' ? 2.4 : 1.8, true);
    });
    const sampleColor = colors[sampleClass];
    if (paths) {
      ctx.globalAlpha = paths.alpha;
      ctx.strokeStyle = sampleColor;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let p = 0; p < paths.count; p++) {
        for (let s = 0; s <= paths.upTo; s++) {
          const k = (p * paths.stride + s) * 2;
          const [px, py] = toPx(paths.coords[k] ?? 0, paths.coords[k + 1] ?? 0, size);
          if (s === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        }
      }
      ctx.stroke();
    }
    if (start) {
      ctx.globalAlpha = 0.35;
      ctx.strokeStyle = colors.muted;
      dots(ctx, start, size, 2, false);
    }
    if (samples) {
      ctx.globalAlpha = 0.9;
      ctx.fillStyle = sampleColor;
      dots(ctx, samples, size, 2.4, true);
    }
    ctx.globalAlpha = 1;
    if (drawMode && focused) {
      const [bx, by] = toPx(brush.x, brush.y, size);
      ctx.strokeStyle = colors.text;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(bx, by, 9, 0, 2 * Math.PI);
      ctx.moveTo(bx - 14, by);
      ctx.lineTo(bx + 14, by);
      ctx.moveTo(bx, by - 14);
      ctx.lineTo(bx, by + 14);
      ctx.stroke();
    }
  }, [size, colors, data, byClass, samples, sampleClass, start, paths, drawMode, brush, focused, tick]);

  const stampAt = (event: PointerEvent, force: boolean) => {
    const el = canvas.current;
    if (!drawMode || !el) return;
    const rect = el.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    const prev = last.current;
    if (!force && prev && Math.hypot(px - prev.x, py - prev.y) < 10) return;
    last.current = { x: px, y: py };
    const p = fromPx(px, py, rect.width);
    props.onStamp(p.x, p.y);
  };

  return (
    <div class={`d2d__canvas-wrap${drawMode ? ' d2d__canvas-wrap--draw' : ''}`} ref={wrap}>
      <canvas
        ref={canvas}
        class="d2d__canvas"
        role={drawMode ? 'application' : 'img'}
        aria-label={label}
        aria-describedby={describedBy}
        aria-roledescription={drawMode ? 'drawing area' : undefined}
        tabIndex={drawMode ? 0 : undefined}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(e) => props.onKeyDown(e)}
        onPointerDown={(e) => {
          if (!drawMode) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          stampAt(e, true);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) stampAt(e, false);
        }}
        onPointerUp={() => {
          last.current = null;
        }}
      />
    </div>
  );
}
