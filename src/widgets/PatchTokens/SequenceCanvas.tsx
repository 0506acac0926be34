/**
 * The token sequence as the encoder (or the LLM) receives it: special tokens as labelled tiles, image cells as their
 * pixels, left to right and top to bottom, with the selected position outlined. Clicking a tile selects it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { onThemeChange, resolveColor } from '../shared/theme';
import { stripPositionAt, type Layout, type Strip } from './model';
import { pictureCanvas } from './raster';

const SOURCE_WIDTH = 480;
const SHORT: Record<string, string> = { '[CLS]': 'CLS', '<|vision_start|>': 'VS', '<|vision_end|>': 'VE' };

interface Props {
  layout: Layout;
  strip: Strip;
  selected: number;
  onPick: (pos: number) => void;
}

export function SequenceCanvas({ layout, strip, selected, onPick }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const sourceHeight = Math.round((SOURCE_WIDTH * layout.image.height) / layout.image.width);
  const scale = SOURCE_WIDTH / layout.image.width;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const draw = () => {
      const source = pictureCanvas(SOURCE_WIDTH, sourceHeight);
      const special = resolveColor(canvas, '--series-1');
      const ink = resolveColor(canvas, '--surface');
      const gap = strip.tile > 12 ? 1 : 0.5;
      ctx.clearRect(0, 0, strip.width, strip.height);
      ctx.font = `600 ${Math.max(8, Math.round(strip.tile * 0.36))}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const t of strip.tiles) {
        const size = strip.tile - 2 * gap;
        if (t.src) {
          const { x, y, w, h } = t.src;
          ctx.drawImage(source, x * scale, y * scale, w * scale, h * scale, t.dx + gap, t.dy + gap, size, size);
        } else {
          ctx.fillStyle = special;
          ctx.fillRect(t.dx + gap, t.dy + gap, size, size);
          ctx.fillStyle = ink;
          ctx.fillText(SHORT[t.special ?? ''] ?? '·', t.dx + strip.tile / 2, t.dy + strip.tile / 2);
        }
      }
      const pick = strip.tiles[selected];
      if (pick) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = resolveColor(canvas, '--heat-mark');
        ctx.strokeRect(pick.dx + 1.5, pick.dy + 1.5, strip.tile - 3, strip.tile - 3);
      }
    };
    draw();
    return onThemeChange(draw);
  }, [strip, selected, sourceHeight]);

  return (
    <figure class="ptk__strip">
      <canvas
        ref={ref}
        width={strip.width}
        height={strip.height}
        role="img"
        aria-label={strip.description}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const pos = stripPositionAt(
            strip,
            ((e.clientX - box.left) / box.width) * strip.width,
            ((e.clientY - box.top) / box.height) * strip.height,
          );
          if (pos !== null) onPick(pos);
        }}
      />
      <figcaption>
        {strip.description}
        {strip.hidden > 0 && ` The first ${strip.tiles.length.toLocaleString('en-US')} are drawn.`}
      </figcaption>
    </figure>
  );
}
