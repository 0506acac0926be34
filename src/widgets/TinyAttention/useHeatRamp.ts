/**
 * The attention heatmap's colour ramp, read from the theme tokens (--heat-0, --heat-1, --surface) of the element in
 * `ref` and read again whenever the theme changes. Null until the element is mounted. Shared by the tiny model's
 * attention and the lab's attention maps.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { onThemeChange, resolveColor } from '../shared/theme';
import { makeRamp, parseRgb, type HeatRamp } from './paint';

export function useHeatRamp(ref: RefObject<Element>): HeatRamp | null {
  const [ramp, setRamp] = useState<HeatRamp | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () =>
      setRamp(
        makeRamp(
          parseRgb(resolveColor(el, '--heat-0')),
          parseRgb(resolveColor(el, '--heat-1')),
          parseRgb(resolveColor(el, '--surface')),
        ),
      );
    read();
    return onThemeChange(read);
  }, []);
  return ramp;
}
