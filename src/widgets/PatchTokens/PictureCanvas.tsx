/**
 * The picture with its token grid drawn over it and the selected cell outlined. Clicking a cell selects its token.
 * Render-only: the grid and the selection come from model.ts; the pixels from picture.ts.
 */
import { useEffect, useRef } from 'preact/hooks';
import { onThemeChange, resolveColor } from '../shared/theme';
import { positionAt, type Layout, type TokenInfo } from './model';
import { pictureCanvas } from './raster';

/** Internal canvas width in pixels; CSS scales it to the column. */
const CANVAS_WIDTH = 480;
/** Below this many canvas pixels per cell the grid lines would be a grey wash, so only the selection is drawn. */
const MIN_CELL_PX = 4;

interface Props {
  layout: Layout;
  token: TokenInfo;
  label: string;
  onPick: (pos: number) => void;
}

export function PictureCanvas({ layout, token, label, onPick }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height } = layout.image;
  const canvasHeight = Math.round((CANVAS_WIDTH * height) / width);
  const scale = CANVAS_WIDTH / width;
  const cellPx = layout.cell * scale;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const draw = () => {
      ctx.drawImage(pictureCanvas(CANVAS_WIDTH, canvasHeight), 0, 0);
      if (cellPx >= MIN_CELL_PX) {
        ctx.strokeStyle = 'rgb(255 255 255 / 0.55)';
        ctx.lineWidth = 1;
        ctx.beginPath();
        for (let c = 1; c < layout.cols; c++) {
          const x = Math.round(c * cellPx) + 0.5;
          ctx.moveTo(x, 0);
          ctx.lineTo(x, layout.rows * cellPx);
        }
        for (let r = 1; r < layout.rows; r++) {
          const y = Math.round(r * cellPx) + 0.5;
          ctx.moveTo(0, y);
          ctx.lineTo(layout.cols * cellPx, y);
        }
        ctx.stroke();
      }
      if (token.rect) {
        const { x, y, w, h } = token.rect;
        ctx.lineWidth = 4;
        ctx.strokeStyle = '#ffffff';
        ctx.strokeRect(x * scale, y * scale, w * scale, h * scale);
        ctx.lineWidth = 2;
        ctx.strokeStyle = resolveColor(canvas, '--heat-mark');
        ctx.strokeRect(x * scale, y * scale, w * scale, h * scale);
      }
    };
    draw();
    return onThemeChange(draw);
  }, [layout, token.pos, canvasHeight]);

  return (
    <figure class="ptk__picture">
      <canvas
        ref={ref}
        width={CANVAS_WIDTH}
        height={canvasHeight}
        role="img"
        aria-label={label}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          onPick(
            positionAt(
              layout,
              ((e.clientX - box.left) / box.width) * width,
              ((e.clientY - box.top) / box.height) * height,
            ),
          );
        }}
      />
      <figcaption>
        {width} × {height} px, {layout.rows} × {layout.cols} cells of {layout.cell} px
        {cellPx < MIN_CELL_PX ? ' (too fine to draw at this size; the selection is outlined)' : ''}. Click a cell to
        select its token.
      </figcaption>
    </figure>
  );
}
