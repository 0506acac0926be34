/**
 * A multi-series line chart drawn as SVG (scales from scales.ts: d3's behaviour at a fraction of its bytes).
 * Render-only: callers pass computed points.
 * Colour-blind-safe series colours (Okabe–Ito, tuned per theme in widget.css), dashed series for a second encoding,
 * labelled axes, optional vertical markers, and an aria-label describing what the chart shows.
 */
import { line, scaleLinear, scaleLog } from './scales';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface Point {
  x: number;
  y: number;
}

export interface Series {
  id: string;
  label: string;
  points: readonly Point[];
  dashed?: boolean;
  /** 1–6: index into the series palette; defaults to the series position. */
  color?: number;
}

export interface Marker {
  x: number;
  label: string;
}

interface Props {
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  /** What the chart shows, for screen readers (the readout next to it carries the numbers). */
  description: string;
  xScale?: 'linear' | 'log';
  yScale?: 'linear' | 'log';
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
  markers?: readonly Marker[];
  height?: number;
  /** Fixes the y domain (e.g. [0, 1]); otherwise it spans the data (from 0 on linear scales). */
  yDomain?: [number, number];
  /** Draw the legend under the chart (default); false when the caller renders a more compact one. */
  legend?: boolean;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 64 };

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function LineChart({
  series,
  xLabel,
  yLabel,
  description,
  xScale = 'linear',
  yScale = 'linear',
  formatX = String,
  formatY = String,
  markers = [],
  height = 260,
  yDomain,
  legend = true,
}: Props) {
  const [ref, width] = useWidth(640);
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;

  const xExtent: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const yMax = ys.length ? Math.max(...ys) : 1;
  const yMin = ys.length ? Math.min(...ys) : 0;
  const x = (xScale === 'log' ? scaleLog() : scaleLinear()).domain(xExtent).range([0, innerW]);
  const y = (
    yScale === 'log'
      ? scaleLog().domain([Math.max(yMin, 1e-12), Math.max(yMax, yMin * 10, 1e-12)])
      : scaleLinear().domain(yDomain ?? [Math.min(0, yMin), yMax || 1])
  )
    .range([innerH, 0])
    .nice();
  if (yDomain && yScale === 'linear') y.domain(yDomain);

  const xTicks = x.ticks(width < 420 ? 3 : 6);
  const yTicks = y.ticks(5);
  const path = line<Point>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));

  return (
    <div class="chart" ref={ref}>
      <svg width={width} height={height} role="img" aria-label={description}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {yTicks.map((t) => (
            <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
              <line class="chart__grid" x2={innerW} />
              <text class="chart__tick" x={-8} dy="0.32em" text-anchor="end">
                {formatY(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`} transform={`translate(${x(t)},${innerH})`}>
              <line class="chart__axis" y2={5} />
              <text class="chart__tick" y={18} text-anchor="middle">
                {formatX(t)}
              </text>
            </g>
          ))}
          <line class="chart__axis" y1={innerH} y2={innerH} x2={innerW} />
          {markers.map((m) => {
            // Labels of markers in the right part of the plot go to the left of the line, so they stay inside.
            const flip = x(m.x) > innerW * 0.6;
            return (
              <g key={`m${m.x}`} transform={`translate(${x(m.x)},0)`}>
                <line class="chart__marker" y2={innerH} />
                <text class="chart__marker-label" x={flip ? -4 : 4} y={10} text-anchor={flip ? 'end' : 'start'}>
                  {m.label}
                </text>
              </g>
            );
          })}
          {series.map((s, i) => (
            <path
              key={s.id}
              class="chart__line"
              d={path(s.points.filter((p) => Number.isFinite(p.y) && (yScale !== 'log' || p.y > 0))) ?? ''}
              style={{ stroke: `var(--series-${s.color ?? (i % 6) + 1})` }}
              stroke-dasharray={s.dashed ? '6 4' : undefined}
            />
          ))}
          <text class="chart__label" x={innerW / 2} y={innerH + 38} text-anchor="middle">
            {xLabel}
          </text>
          <text
            class="chart__label"
            transform={`translate(${-MARGIN.left + 14},${innerH / 2}) rotate(-90)`}
            text-anchor="middle"
          >
            {yLabel}
          </text>
        </g>
      </svg>
      {legend && series.length > 1 && (
        <ul class="chart__legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.id}>
              <span
                class={`chart__swatch${s.dashed ? ' chart__swatch--dashed' : ''}`}
                style={{ borderColor: `var(--series-${s.color ?? (i % 6) + 1})` }}
              />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
