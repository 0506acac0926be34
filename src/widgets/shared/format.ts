/** Short number formats for chart ticks and compact readouts. Pure; no DOM. */

/** 65536 → "65.5k", 1.2e9 → "1.2G", 0.004 → "0.004": at most three significant digits, SI suffixes. */
export function compactNumber(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const units: [number, string][] = [
    [1e15, 'P'],
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  const hit = units.find(([scale]) => abs >= scale);
  const [scale, suffix] = hit ?? [1, ''];
  const v = n / scale;
  const text =
    Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toPrecision(abs < 1e-3 && !hit ? 1 : 3);
  return `${text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text}${suffix}`;
}

/** A log-axis tick label: powers of ten get compactNumber, the ticks between them stay unlabelled. */
export function decadeTick(v: number): string {
  const exponent = Math.log10(Math.abs(v));
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? compactNumber(v) : '';
}

/** 1.7157e10 → "17.2 GFLOP", 532480 → "532 kFLOP". */
export function formatFlops(n: number): string {
  const text = compactNumber(n);
  const suffix = /[kMGTP]$/.exec(text)?.[0] ?? '';
  return `${text.slice(0, text.length - suffix.length)} ${suffix}FLOP`;
}

/** Parameter counts with the usual B for billions: 1.34e9 → "1.34B", 525e6 → "525M". */
export function formatParams(n: number): string {
  return compactNumber(n).replace(/G$/, 'B');
}
