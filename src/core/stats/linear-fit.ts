import { mean } from './describe-sample.ts';

export interface LinearFit {
  n: number;
  slope: number;
  intercept: number;
  /** Fraction of the variance in y the line explains. */
  r2: number;
  /** Residual standard deviation, sqrt(SSE / (n - 2)). */
  sigma: number;
  fitted: number[];
  residuals: number[];
  /** Leverage h_i of each point. */
  leverage: number[];
  /** Internally studentised residuals: e_i / (sigma * sqrt(1 - h_i)). */
  standardized: number[];
  /** Externally studentised residuals: as above with sigma estimated without point i. */
  studentized: number[];
}

/** Ordinary least squares of y on x. Needs at least three points and two distinct x values. */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  const n = x.length;
  if (n !== y.length) throw new RangeError('x and y differ in length');
  if (n < 3) throw new RangeError('a fit needs at least three points');
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
    syy += (y[i]! - my) ** 2;
  }
  if (sxx === 0) throw new RangeError('a fit needs at least two distinct x values');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const fitted = x.map((xi) => intercept + slope * xi);
  const residuals = y.map((yi, i) => yi - fitted[i]!);
  const sse = residuals.reduce((s, e) => s + e * e, 0);
  const sigma = Math.sqrt(sse / (n - 2));
  const leverage = x.map((xi) => 1 / n + (xi - mx) ** 2 / sxx);
  const standardized = residuals.map((e, i) => (sigma > 0 ? e / (sigma * Math.sqrt(1 - leverage[i]!)) : 0));
  const studentized = residuals.map((e, i) => {
    const h = leverage[i]!;
    const dof = n - 3;
    if (dof <= 0 || sigma === 0) return 0;
    const sse_i = sse - (e * e) / (1 - h);
    const s_i = Math.sqrt(Math.max(sse_i, 0) / dof);
    return s_i > 0 ? e / (s_i * Math.sqrt(1 - h)) : Math.sign(e) * Number.POSITIVE_INFINITY;
  });
  return {
    n,
    slope,
    intercept,
    r2: syy > 0 ? 1 - sse / syy : 0,
    sigma,
    fitted,
    residuals,
    leverage,
    standardized,
    studentized,
  };
}
