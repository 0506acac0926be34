/** The main navigation, in one place: header, footer and the 404 page read it. */
export const NAV_LINKS: readonly { href: string; label: string }[] = [
  { href: '/', label: 'Atlas' },
  { href: '/#visualizations', label: 'Visualizations' },
  { href: '/ask/', label: 'Ask' },
  { href: '/lab/', label: 'Lab' },
];
