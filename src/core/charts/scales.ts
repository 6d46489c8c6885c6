/**
 * Pixel mappings that match Vega's own scales for the same settings (explicit domain, nice: false,
 * zero: false), so labels placed here in pixels land exactly where Vega draws the points.
 */
export type Scale = (v: number) => number;

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

export function logScale(domain: [number, number], range: [number, number]): Scale {
  const lin = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range);
  return (v) => lin(Math.log10(v));
}

/** Vega's point scale with outer padding 0.5: n categories, each at the centre of an equal step. */
export function pointPosition(index: number, count: number, width: number): number {
  return (width * (index + 0.5)) / count;
}

/** Vega's band scale (align 0.5): start and width of band `index` of `count`. */
export function bandOf(
  index: number,
  count: number,
  width: number,
  paddingInner: number,
  paddingOuter: number,
): { start: number; width: number } {
  const step = width / Math.max(1, count - paddingInner + paddingOuter * 2);
  const start = (width - step * (count - paddingInner)) / 2;
  return { start: start + step * index, width: step * (1 - paddingInner) };
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A round step so that `span` is cut into about `count` parts. */
export function niceStep(span: number, count = 6): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const m = NICE_STEPS.find((s) => s * mag >= raw) ?? 10;
  return m * mag;
}

/**
 * A linear axis domain for data in [min, max]: padded by `pad` of the span on each side, then
 * widened outward to whole steps, so no point sits on the frame and ticks are round.
 */
export function niceDomain(min: number, max: number, pad = 0.08): { domain: [number, number]; step: number } {
  const span = max - min || Math.abs(max) || 1;
  const lo = min - span * pad;
  const hi = max + span * pad;
  const step = niceStep(hi - lo);
  const round = (x: number) => Number(x.toFixed(10));
  return { domain: [round(Math.floor(lo / step) * step), round(Math.ceil(hi / step) * step)], step };
}

/** Tick values from the domain's start to its end, every `step`. */
export function stepTicks(domain: [number, number], step: number): number[] {
  const out: number[] = [];
  for (let v = domain[0]; v <= domain[1] + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/** A log axis domain around positive data: at least `padDecades` of room on each side. */
export function logDomain(min: number, max: number, padDecades = 0.12): [number, number] {
  const span = Math.log10(max) - Math.log10(min);
  const pad = Math.max(padDecades, span * 0.06);
  return [10 ** (Math.log10(min) - pad), 10 ** (Math.log10(max) + pad)];
}

/**
 * Log-axis ticks a reader can use: first the values named in `prefer` (e.g. the highlighted
 * model's size), then powers of ten, then the data's own sizes from the most to the least common;
 * a candidate is kept when it lies at least `minGap` pixels from every tick already kept.
 */
export function logTicks(
  domain: [number, number],
  width: number,
  data: number[],
  prefer: number[] = [],
  minGap = 56,
): number[] {
  const x = logScale(domain, [0, width]);
  const inDomain = (v: number) => v >= domain[0] && v <= domain[1];
  const powers: number[] = [];
  for (let e = Math.floor(Math.log10(domain[0])); e <= Math.ceil(Math.log10(domain[1])); e++)
    powers.push(10 ** e);
  const counts = new Map<number, number>();
  for (const v of data) counts.set(v, (counts.get(v) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([v]) => v);
  const kept: number[] = [];
  for (const v of [...prefer, ...powers, ...byCount]) {
    if (!inDomain(v) || kept.includes(v)) continue;
    if (kept.every((k) => Math.abs(x(k) - x(v)) >= minGap)) kept.push(v);
  }
  return kept.sort((a, b) => a - b);
}
