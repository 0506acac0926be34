/**
 * Linear and log scales and a polyline path, with the exact behaviour of the d3-scale / d3-shape calls LineChart
 * makes (`scaleLinear`, `scaleLog` with domain, range, nice, ticks; `line().x().y()` with 3-digit rounding), in a
 * fraction of the bytes: d3-scale ships as one bundle that does not tree-shake (~14 KB gzip with d3-shape), which
 * would spend most of a widget page's JavaScript budget on two axes. Ported from d3-array `ticks`/`tickIncrement`
 * and d3-scale `linearish`/`loggish` (ISC licence); scales.test.ts checks the outputs against d3 itself.
 */

/** A continuous scale: call it to map a domain value to the range. */
export interface ContinuousScale {
  (value: number): number;
  domain(): number[];
  domain(values: readonly number[]): ContinuousScale;
  range(): number[];
  range(values: readonly number[]): ContinuousScale;
  /** Extends the domain to round values (linear: tick steps; log: powers of ten). */
  nice(count?: number): ContinuousScale;
  /** About `count` round values inside the domain. */
  ticks(count?: number): number[];
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** d3-array `ticks`: about `count` round values from start to stop (either order). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; ++i) {
    const k = reverse ? i2 - i : i1 + i;
    out[i] = inc < 0 ? k / -inc : k * inc;
  }
  return out;
}

function tickIncrement(start: number, stop: number, count: number): number {
  return tickSpec(start, stop, count)[2];
}

const pow10 = (x: number) => (Number.isFinite(x) ? +`1e${x}` : x < 0 ? 0 : x);

function continuous(log: boolean): ContinuousScale {
  let dom = [0, 1];
  let ran = [0, 1];
  // A log scale of a negative domain reflects it (d3 loggish): log(-x) and -10^x.
  const forward = (x: number) => (log ? (dom[0]! < 0 ? -Math.log(-x) : Math.log(x)) : x);
  const logs = (x: number) => (dom[0]! < 0 ? -Math.log10(-x) : Math.log10(x));
  const pows = (x: number) => (dom[0]! < 0 ? -pow10(-x) : pow10(x));

  const scale = ((value: number) => {
    const a = forward(dom[0]!);
    const b = forward(dom[dom.length - 1]!) - a;
    const t = b ? (forward(value) - a) / b : Number.isNaN(b) ? NaN : 0.5;
    const r0 = ran[0]!;
    const r1 = ran[ran.length - 1]!;
    return r0 * (1 - t) + r1 * t;
  }) as ContinuousScale;

  scale.domain = ((values?: readonly number[]) => {
    if (values === undefined) return dom.slice();
    dom = Array.from(values, Number);
    return scale;
  }) as ContinuousScale['domain'];

  scale.range = ((values?: readonly number[]) => {
    if (values === undefined) return ran.slice();
    ran = Array.from(values, Number);
    return scale;
  }) as ContinuousScale['range'];

  scale.ticks = (count = 10) => {
    const d0 = dom[0]!;
    const d1 = dom[dom.length - 1]!;
    if (!log) return ticks(d0, d1, count);
    const reversed = d1 < d0;
    const [u, v] = reversed ? [d1, d0] : [d0, d1];
    let i = logs(u);
    let j = logs(v);
    let z: number[] = [];
    if (j - i < count) {
      i = Math.floor(i);
      j = Math.ceil(j);
      if (u > 0) {
        for (; i <= j; ++i) {
          for (let k = 1; k < 10; ++k) {
            const t = i < 0 ? k / pows(-i) : k * pows(i);
            if (t < u) continue;
            if (t > v) break;
            z.push(t);
          }
        }
      } else {
        for (; i <= j; ++i) {
          for (let k = 9; k >= 1; --k) {
            const t = i > 0 ? k / pows(-i) : k * pows(i);
            if (t < u) continue;
            if (t > v) break;
            z.push(t);
          }
        }
      }
      if (z.length * 2 < count) z = ticks(u, v, count);
    } else {
      z = ticks(i, j, Math.min(j - i, count)).map(pows);
    }
    return reversed ? z.reverse() : z;
  };

  scale.nice = (count = 10) => {
    const d = dom.slice();
    let i0 = 0;
    let i1 = d.length - 1;
    let start = d[i0]!;
    let stop = d[i1]!;
    if (stop < start) {
      [start, stop] = [stop, start];
      [i0, i1] = [i1, i0];
    }
    if (log) {
      d[i0] = pows(Math.floor(logs(start)));
      d[i1] = pows(Math.ceil(logs(stop)));
      dom = d;
      return scale;
    }
    let prestep: number | undefined;
    for (let maxIter = 10; maxIter > 0; maxIter--) {
      const step = tickIncrement(start, stop, count);
      if (step === prestep) {
        d[i0] = start;
        d[i1] = stop;
        dom = d;
        return scale;
      }
      if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else break;
      prestep = step;
    }
    return scale;
  };

  return scale;
}

/** d3 `scaleLinear()`: domain [0, 1], range [0, 1]. */
export const scaleLinear = (): ContinuousScale => continuous(false);

/** d3 `scaleLog()` (base 10): domain [1, 10], range [0, 1]. */
export const scaleLog = (): ContinuousScale => continuous(true).domain([1, 10]);

/** A polyline generator like d3-shape `line()`: "M x,y L x,y …" with coordinates rounded to 3 decimals. */
export interface LineGenerator<T> {
  (data: readonly T[]): string | null;
  x(fn: (d: T) => number): LineGenerator<T>;
  y(fn: (d: T) => number): LineGenerator<T>;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** d3 `line<T>()` with the linear curve and the default 3-digit path precision. */
export function line<T>(): LineGenerator<T> {
  let fx = (d: T) => (d as unknown as [number, number])[0];
  let fy = (d: T) => (d as unknown as [number, number])[1];
  const gen = ((data: readonly T[]) => {
    if (data.length === 0) return null;
    const parts = data.map((d, i) => `${i === 0 ? 'M' : 'L'}${round3(+fx(d))},${round3(+fy(d))}`);
    // d3's linear curve closes a one-point line.
    return parts.join('') + (data.length === 1 ? 'Z' : '');
  }) as LineGenerator<T>;
  gen.x = (fn) => ((fx = fn), gen);
  gen.y = (fn) => ((fy = fn), gen);
  return gen;
}
