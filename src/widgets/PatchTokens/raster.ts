/** The procedural picture as an offscreen canvas, drawn once per size and reused by the picture and the strip. */
import { renderPicture } from './picture';

const cache = new Map<string, HTMLCanvasElement>();

export function pictureCanvas(width: number, height: number): HTMLCanvasElement {
  const key = `${width}x${height}`;
  let canvas = cache.get(key);
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (ctx) ctx.putImageData(new ImageData(renderPicture(width, height), width, height), 0, 0);
    if (cache.size > 8) cache.clear();
    cache.set(key, canvas);
  }
  return canvas;
}
