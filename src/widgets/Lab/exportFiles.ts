/**
 * Downloads for the lab: the run as JSON, and the loss chart as a PNG. The chart's SVG takes its colours from CSS
 * (light-dark() tokens), which an SVG drawn into a canvas cannot see, so each element's computed stroke, fill and
 * font are copied inline first; the legend (HTML beside the SVG) is drawn onto the canvas below the plot.
 */
import { resolveColor } from '../shared/theme';

/** Saves `blob` as `name` through a temporary link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const STYLE_PROPS = ['stroke', 'fill', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'font-weight'];

/** An SVG string of `svg` with computed styles inlined, so it renders the same outside the page. */
function inlineSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const style = getComputedStyle(el);
    const out = target[i] as SVGElement | undefined;
    if (!out) return;
    for (const prop of STYLE_PROPS) out.style.setProperty(prop, style.getPropertyValue(prop));
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(clone);
}

/** The chart in `container` (its SVG and legend) as a PNG blob at 2× scale on the page's surface colour. */
export async function chartPng(container: HTMLElement, title: string): Promise<Blob | null> {
  const svg = container.querySelector('svg');
  if (!svg) return null;
  const { width, height } = svg.getBoundingClientRect();
  const legend = [...container.querySelectorAll<HTMLElement>('.chart__legend li')].map((li) => ({
    text: li.textContent ?? '',
    color: getComputedStyle(li.querySelector('.chart__swatch') ?? li).borderTopColor,
    dashed: li.querySelector('.chart__swatch--dashed') !== null,
  }));
  const rowHeight = 18;
  const columns = Math.max(1, Math.floor(width / 260));
  const legendHeight = Math.ceil(legend.length / columns) * rowHeight + 8;
  const titleHeight = 28;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(inlineSvg(svg))}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + legendHeight + titleHeight) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(scale, scale);
  ctx.fillStyle = resolveColor(container, '--surface');
  ctx.fillRect(0, 0, width, height + legendHeight + titleHeight);
  const text = resolveColor(container, '--text');
  ctx.fillStyle = text;
  ctx.font = '600 14px sans-serif';
  ctx.fillText(title, 8, 18);
  ctx.drawImage(image, 0, titleHeight, width, height);
  ctx.font = '12px sans-serif';
  legend.forEach((entry, i) => {
    const x = 8 + (i % columns) * 260;
    const y = titleHeight + height + 4 + Math.floor(i / columns) * rowHeight + rowHeight / 2;
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = 3;
    ctx.setLineDash(entry.dashed ? [6, 4] : []);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 22, y);
    ctx.stroke();
    ctx.fillStyle = text;
    ctx.fillText(entry.text, x + 30, y + 4);
  });
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
