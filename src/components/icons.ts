/** The self-hosted icon set (lucide-static SVGs inlined at build time). Add an icon here to use it by name. */
import arrowLeft from 'lucide-static/icons/arrow-left.svg?raw';
import arrowRight from 'lucide-static/icons/arrow-right.svg?raw';
import bookOpen from 'lucide-static/icons/book-open.svg?raw';
import chevronRight from 'lucide-static/icons/chevron-right.svg?raw';
import externalLink from 'lucide-static/icons/external-link.svg?raw';
import memoryStick from 'lucide-static/icons/memory-stick.svg?raw';
import moon from 'lucide-static/icons/moon.svg?raw';
import network from 'lucide-static/icons/network.svg?raw';
import plug from 'lucide-static/icons/plug.svg?raw';
import scanEye from 'lucide-static/icons/scan-eye.svg?raw';
import search from 'lucide-static/icons/search.svg?raw';
import sparkles from 'lucide-static/icons/sparkles.svg?raw';
import sun from 'lucide-static/icons/sun.svg?raw';
import layers from 'lucide-static/icons/layers.svg?raw';
import activity from 'lucide-static/icons/activity.svg?raw';

export const ICONS = {
  'arrow-left': arrowLeft,
  'arrow-right': arrowRight,
  'book-open': bookOpen,
  'chevron-right': chevronRight,
  'external-link': externalLink,
  'memory-stick': memoryStick,
  moon,
  network,
  plug,
  'scan-eye': scanEye,
  search,
  sparkles,
  sun,
  layers,
  activity,
} as const;

export type IconName = keyof typeof ICONS;
