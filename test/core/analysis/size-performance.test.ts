import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeViews } from '../../../src/core/analysis/analyze-views.ts';
import { Finding } from '../../../src/core/analysis/finding.ts';
import { toPoint } from '../../../src/core/analysis/points.ts';
import { paretoFrontier, sizePerformance } from '../../../src/core/analysis/size-performance.ts';
import { gaussian, SIZES, views } from './synthetic.ts';

function planted(seed: number, bumps: Record<number, number> = {}) {
  const g = gaussian(seed);
  return SIZES.map((size, i) => ({
    id: `m${i}`,
    size,
    value: 40 + 8 * Math.log10(size) + 1.5 * g() + (bumps[i] ?? 0),
  }));
}

describe('size vs performance', () => {
  it('flags a planted efficiency outlier and nothing else', () => {
    const fs = analyzeViews(views(planted(1, { 3: 20 })));
    const out = fs.filter((f) => f.kind === 'efficiency-outlier');
    assert.deepEqual(
      out.map((f) => f.subjects.models[0]),
      ['m3'],
    );
    assert.equal(fs.filter((f) => f.kind === 'underperformer').length, 0);
    assert.match(out[0]!.text, /^M3 \(5B, \d+\.\d\) lies \d+\.\d points above the fit/);
  });
  it('flags a planted underperformer below the fit', () => {
    const fs = analyzeViews(views(planted(2, { 10: -20 })));
    assert.deepEqual(
      fs.filter((f) => f.kind === 'underperformer').map((f) => f.subjects.models[0]),
      ['m10'],
    );
  });
  it('finds no outlier in pure noise across many seeds, and says the top is within noise', () => {
    let flagged = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const g = gaussian(seed);
      const fs = analyzeViews(
        views(
          SIZES.map((size, i) => ({ id: `m${i}`, size, value: 50 + 2 * g() })),
          200,
        ),
      );
      flagged += fs.filter((f) => f.kind === 'efficiency-outlier' || f.kind === 'underperformer').length;
      if (seed === 1) {
        assert.ok(fs.some((f) => f.kind === 'within-noise'));
        const trend = fs.find((f) => f.kind === 'trend')!;
        assert.match(trend.text, /no clear relation/);
      }
    }
    assert.ok(flagged <= 1, `pure noise gave ${flagged} outliers over 20 seeds`);
  });
  it('computes residuals from the least-squares fit on log10 size', () => {
    const pts = views(SIZES.map((size, i) => ({ id: `m${i}`, size, value: 10 + 5 * Math.log10(size) }))).map(
      (v) => toPoint(v, 'total'),
    );
    const sp = sizePerformance(pts, 'total')!;
    assert.ok(Math.abs(sp.slopePerDecade - 5) < 1e-9);
    assert.ok(sp.rows.every((r) => Math.abs(r.residual) < 1e-9));
  });
  it('uses the activated size when asked', () => {
    const v = views([
      ...SIZES.slice(0, 6).map((size, i) => ({ id: `m${i}`, size, value: 40 + i })),
      { id: 'moe', size: 100, value: 60, card: { activeParamsB: 3 } },
    ]);
    const sp = sizePerformance(
      v.map((x) => toPoint(x, 'active')),
      'active',
    )!;
    assert.equal(sp.rows.find((r) => r.point.model.id === 'moe')!.size, 3);
  });
  it('needs enough sized points to fit', () => {
    const v = views([
      { id: 'a', size: 1, value: 1 },
      { id: 'b', size: 2, value: 2 },
      { id: 'c', size: null, value: 3 },
    ]);
    assert.equal(
      sizePerformance(
        v.map((x) => toPoint(x, 'total')),
        'total',
      ),
      null,
    );
  });
});

describe('pareto frontier and "matches larger models"', () => {
  it('keeps the best score at or below each size', () => {
    const f = paretoFrontier([
      { size: 1, value: 10 },
      { size: 2, value: 30 },
      { size: 4, value: 20 },
      { size: 8, value: 30 },
      { size: 16, value: 40 },
    ]);
    assert.deepEqual(
      f.map((p) => p.size),
      [1, 2, 16],
    );
  });
  it('states the size ratios of the larger models a small model matches', () => {
    const fs = analyzeViews(
      views([
        { id: 'small', size: 4, value: 70 },
        { id: 'a', size: 8, value: 60 },
        { id: 'b', size: 32, value: 70 },
        { id: 'c', size: 253, value: 68 },
        { id: 'd', size: 3, value: 50 },
        { id: 'e', size: 14, value: 65 },
      ]),
    );
    const f = fs.find((x) => x.kind === 'dominance' && x.subjects.models[0] === 'small')!;
    assert.equal(f.value, 4);
    assert.match(f.text, /matches or beats all 4 larger models, which are 2-63 times its size/);
  });
  it('gives only findings that satisfy the Finding schema', () => {
    for (const f of analyzeViews(views(planted(3, { 2: 15 })))) Finding.parse(f);
  });
});
