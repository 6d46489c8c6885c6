import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapCi } from '../../../src/core/stats/bootstrap-ci.ts';
import { pearson, ranks, spearman } from '../../../src/core/stats/correlation.ts';
import { mean, median, quantile, sampleSd } from '../../../src/core/stats/describe-sample.ts';
import { holmAdjust } from '../../../src/core/stats/holm-adjust.ts';
import { linearFit } from '../../../src/core/stats/linear-fit.ts';
import { minimumDetectableEffect, noiseBand } from '../../../src/core/stats/minimum-detectable-effect.ts';
import { naturalBreaks, silhouette } from '../../../src/core/stats/natural-breaks.ts';
import { normalCdf, normalQuantile, twoSidedP } from '../../../src/core/stats/normal.ts';
import { pairedDifference } from '../../../src/core/stats/paired-difference.ts';
import { seededRandom } from '../../../src/core/stats/seeded-random.ts';
import {
  binomialStandardError,
  cltStandardError,
  clusteredStandardError,
} from '../../../src/core/stats/standard-error.ts';
import { studentTTwoSidedP } from '../../../src/core/stats/student-t.ts';
import { wilsonInterval } from '../../../src/core/stats/wilson-interval.ts';

const close = (a: number, b: number, tol = 1e-3) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} is not within ${tol} of ${b}`);

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const sa = Array.from({ length: 5 }, a);
    assert.deepEqual(sa, Array.from({ length: 5 }, b));
    assert.notDeepEqual(sa, Array.from({ length: 5 }, c));
  });
  it('draws values in [0, 1) with a mean near one half', () => {
    const r = seededRandom(7);
    const xs = Array.from({ length: 20000 }, r);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    close(mean(xs), 0.5, 0.01);
  });
});

describe('normal distribution', () => {
  it('matches textbook values of the CDF and quantile', () => {
    close(normalCdf(1.959964), 0.975, 1e-6);
    close(normalCdf(0), 0.5, 1e-7);
    close(normalQuantile(0.975), 1.959964, 1e-5);
    close(normalQuantile(0.001), -3.090232, 1e-5);
    close(twoSidedP(1.959964), 0.05, 1e-5);
  });
  it('rejects probabilities outside (0, 1)', () => {
    assert.throws(() => normalQuantile(1), RangeError);
  });
});

describe('describe-sample', () => {
  it('computes mean, median, sample SD and type-7 quantiles', () => {
    assert.equal(mean([1, 2, 3, 4]), 2.5);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    close(sampleSd([2, 4, 4, 4, 5, 5, 7, 9]), 2.138, 1e-3);
    assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
  });
});

describe('wilsonInterval', () => {
  it('matches published Wilson intervals', () => {
    const a = wilsonInterval(5, 10);
    close(a.low, 0.2366);
    close(a.high, 0.7634);
    const b = wilsonInterval(0, 10);
    assert.equal(b.low, 0);
    close(b.high, 0.2775);
  });
  it('stays inside [0, 1] at n successes', () => {
    const i = wilsonInterval(30, 30);
    assert.equal(i.high, 1);
    assert.ok(i.low > 0.8 && i.low < 1);
  });
  it('narrows as n grows', () => {
    const small = wilsonInterval(15, 30);
    const big = wilsonInterval(150, 300);
    assert.ok(big.high - big.low < small.high - small.low);
  });
});

describe('standard errors', () => {
  it('gives the CLT standard error of a mean', () => {
    close(cltStandardError([0, 1, 0, 1]), 0.2887);
  });
  it('equals the CLT error when every value is its own cluster', () => {
    const xs = [0, 1, 1, 0, 1, 1, 1, 0];
    close(
      clusteredStandardError(
        xs,
        xs.map((_, i) => `c${i}`),
      ),
      cltStandardError(xs),
      1e-12,
    );
  });
  it('grows when correlated values share a cluster', () => {
    const xs = [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0];
    const clusters = xs.map((_, i) => `item${Math.floor(i / 4)}`);
    assert.ok(clusteredStandardError(xs, clusters) > 1.5 * cltStandardError(xs));
  });
  it('gives a binomial standard error in percent', () => {
    close(binomialStandardError(50, 100), 5, 1e-9);
  });
});

describe('bootstrapCi', () => {
  const data = Array.from({ length: 40 }, (_, i) => (i % 7) + (i % 3));
  it('is reproducible for a seed and changes with the seed', () => {
    const a = bootstrapCi(data, mean, { seed: 3, iterations: 500 });
    const b = bootstrapCi(data, mean, { seed: 3, iterations: 500 });
    const c = bootstrapCi(data, mean, { seed: 4, iterations: 500 });
    assert.deepEqual(a, b);
    assert.notDeepEqual([a.low, a.high], [c.low, c.high]);
  });
  it('brackets the estimate with a width close to the normal interval', () => {
    const ci = bootstrapCi(data, mean, { seed: 1, iterations: 2000 });
    assert.ok(ci.low < ci.estimate && ci.estimate < ci.high);
    const se = cltStandardError(data);
    close(ci.high - ci.low, 2 * 1.96 * se, 0.35 * 2 * 1.96 * se);
  });
});

describe('pairedDifference', () => {
  it('detects a planted per-item improvement', () => {
    const r = seededRandom(11);
    const a = Array.from({ length: 200 }, () => (r() < 0.5 ? 1 : 0));
    const b = a.map((x) => (x === 0 && r() < 0.3 ? 1 : x));
    const d = pairedDifference(a, b);
    assert.ok(d.difference > 0.1);
    assert.ok(d.p < 0.001);
    assert.ok(d.low > 0);
  });
  it('finds nothing between identical conditions', () => {
    const a = [1, 0, 1, 1, 0];
    const d = pairedDifference(a, a);
    assert.equal(d.difference, 0);
    assert.equal(d.p, 1);
  });
});

describe('holmAdjust', () => {
  it('matches a hand-computed Holm adjustment, in input order', () => {
    const adj = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    for (const [i, x] of [0.03, 0.06, 0.06, 0.02].entries()) close(adj[i]!, x, 1e-12);
  });
  it('never lowers a p-value and caps at 1', () => {
    const ps = [0.5, 0.9, 0.2];
    const adj = holmAdjust(ps);
    for (const [i, x] of adj.entries()) assert.ok(x >= ps[i]! && x <= 1);
  });
});

describe('minimumDetectableEffect', () => {
  it('is about 36 points for 30 items near 50%', () => {
    close(minimumDetectableEffect(30, 50), 36.17, 0.05);
  });
  it('halves when the item count quadruples', () => {
    close(minimumDetectableEffect(400, 60) / minimumDetectableEffect(100, 60), 0.5, 1e-9);
  });
  it('gives a 95% noise band wide enough to cover 72.7 vs 72.6 on 30 items', () => {
    assert.ok(noiseBand(30, 72.65) > 20);
  });
});

describe('student t', () => {
  it('gives the textbook two-sided p-values', () => {
    close(studentTTwoSidedP(2.228, 10), 0.05, 1e-3);
    close(studentTTwoSidedP(12.706, 1), 0.05, 1e-3);
    assert.equal(studentTTwoSidedP(0, 5), 1);
  });
});

describe('correlation', () => {
  it('is 1 for a perfect line and -1 for a reversed one', () => {
    close(pearson([1, 2, 3, 4], [2, 4, 6, 8]), 1, 1e-12);
    close(pearson([1, 2, 3, 4], [8, 6, 4, 2]), -1, 1e-12);
  });
  it('averages tied ranks', () => {
    assert.deepEqual(ranks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  });
  it('gives Spearman 1 for a monotone but curved relation where Pearson is below 1', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = x.map((v) => v ** 4);
    close(spearman(x, y), 1, 1e-12);
    assert.ok(pearson(x, y) < 0.95);
  });
  it('is undefined for a constant variable', () => {
    assert.ok(Number.isNaN(pearson([1, 2, 3], [5, 5, 5])));
  });
});

describe('linearFit', () => {
  it('recovers an exact line', () => {
    const f = linearFit([0, 1, 2, 3], [1, 3, 5, 7]);
    close(f.slope, 2, 1e-12);
    close(f.intercept, 1, 1e-12);
    close(f.r2, 1, 1e-12);
  });
  it('gives the planted outlier the largest studentized residual', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const y = x.map((v, i) => 2 * v + (i % 2 ? 0.3 : -0.3));
    y[4] = y[4]! + 6;
    const f = linearFit(x, y);
    const max = f.studentized.indexOf(Math.max(...f.studentized));
    assert.equal(max, 4);
    assert.ok(f.studentized[4]! > f.standardized[4]!);
  });
});

describe('naturalBreaks and silhouette', () => {
  const planted = [20, 21, 22.5, 50, 51, 52, 49.5, 80, 81, 79];
  it('recovers planted groups', () => {
    const { groups } = naturalBreaks(planted, 3);
    const vals = groups.map((g) => g.map((i) => planted[i]!).sort((a, b) => a - b));
    assert.deepEqual(vals, [
      [20, 21, 22.5],
      [49.5, 50, 51, 52],
      [79, 80, 81],
    ]);
  });
  it('scores planted groups near 1 and an even spread well below', () => {
    const g = naturalBreaks(planted, 3).groups;
    assert.ok(silhouette(planted, g) > 0.9);
    const even = Array.from({ length: 12 }, (_, i) => i);
    assert.ok(silhouette(even, naturalBreaks(even, 3).groups) < 0.7);
  });
});
