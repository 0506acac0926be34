/**
 * Colours for Canvas drawing. The design tokens are `light-dark()` values, so the raw custom property is not a
 * usable colour; resolving it through a probe element's computed `color` gives the active theme's rgb().
 */

/** The computed colour of a CSS custom property (e.g. "--accent") in the context of `el`. */
export function resolveColor(el: Element, token: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  probe.style.display = 'none';
  el.appendChild(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** Calls `onChange` when the effective theme changes (toggle or OS preference); returns an unsubscribe function. */
export function onThemeChange(onChange: () => void): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

/** Whether the user asked for reduced motion. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
