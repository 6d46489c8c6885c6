import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeViews } from '../../../src/core/analysis/analyze-views.ts';
import { toPoint } from '../../../src/core/analysis/points.ts';
import { findTiers } from '../../../src/core/analysis/tiers.ts';
import { sizeTrend, trendStrength } from '../../../src/core/analysis/trend.ts';
import { gaussian, SIZES, views } from './synthetic.ts';

const points = (values: number[]) =>
  views(values.map((value, i) => ({ id: `m${i}`, size: SIZES[i]!, value }))).map((v) => toPoint(v, 'total'));

describe('tiers', () => {
  it('recovers three planted tiers with their members, highest first', () => {
    const t = findTiers(points([81, 30, 52, 79.5, 29, 50, 80, 31.5, 51.5, 28]));
    assert.equal(t.k, 3);
    assert.deepEqual(
      t.tiers.map((tier) => tier.map((p) => p.model.id).sort()),
      [
        ['m0', 'm3', 'm6'],
        ['m2', 'm5', 'm8'],
        ['m1', 'm4', 'm7', 'm9'],
      ],
    );
  });
  it('chooses the number of tiers by the silhouette criterion, not a fixed k', () => {
    assert.equal(findTiers(points([90, 91, 89, 20, 21, 22, 19, 90.5])).k, 2);
  });
  it('finds no tiers in evenly spread or noisy scores', () => {
    assert.equal(findTiers(points(Array.from({ length: 12 }, (_, i) => 40 + 2 * i))).k, 1);
    const g = gaussian(5);
    assert.equal(findTiers(points(Array.from({ length: 12 }, () => 50 + 3 * g()))).k, 1);
  });
  it('writes one tier finding per tier naming its range and gap', () => {
    const fs = analyzeViews(
      views(
        [81, 30, 52, 79.5, 29, 50, 80, 31.5, 51.5, 28].map((value, i) => ({
          id: `m${i}`,
          size: SIZES[i]!,
          value,
        })),
      ),
    );
    const tiers = fs.filter((f) => f.kind === 'tier');
    assert.equal(tiers.length, 3);
    assert.match(
      tiers[0]!.text,
      /^Tier 1 of 3 \(79\.5 to 81\.0\): M0, M6 and M3; 27\.5 points above the next tier\.$/,
    );
  });
});

describe('trend', () => {
  it('words the strength by the stated thresholds', () => {
    assert.equal(trendStrength(0.8, 0.5, 0.95), 'strong');
    assert.equal(trendStrength(0.5, 0.1, 0.8), 'loose');
    assert.equal(trendStrength(0.8, -0.1, 0.95), 'none');
    assert.equal(trendStrength(0.2, 0.05, 0.4), 'none');
  });
  it('calls a planted size effect strong and gives the same interval for the same seed', () => {
    const g = gaussian(9);
    const ps = points(SIZES.map((s) => 30 + 10 * Math.log10(s) + g()));
    const a = sizeTrend(ps, 'total', 7)!;
    const b = sizeTrend(ps, 'total', 7)!;
    assert.equal(a.strength, 'strong');
    assert.deepEqual(a, b);
    assert.ok(a.pearson.low > 0.7);
  });
  it('changes the bootstrap interval when the seed changes', () => {
    const g = gaussian(10);
    const ps = points(SIZES.map((s) => 30 + 3 * Math.log10(s) + 3 * g()));
    assert.notDeepEqual(sizeTrend(ps, 'total', 1)!.pearson.low, sizeTrend(ps, 'total', 2)!.pearson.low);
  });
});
