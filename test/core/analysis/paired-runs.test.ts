import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeViews } from '../../../src/core/analysis/analyze-views.ts';
import { itemScoresOf } from '../../../src/core/analysis/paired-runs.ts';
import { seededRandom } from '../../../src/core/stats/seeded-random.ts';
import { sample } from '../../helpers/fixtures.ts';
import { views } from './synthetic.ts';

function runs(gapB: number, seed: number) {
  const r = seededRandom(seed);
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  const c = new Map<string, number>();
  for (let i = 0; i < 300; i++) {
    const base = r() < 0.5 ? 1 : 0;
    a.set(`q${i}`, base);
    b.set(`q${i}`, base === 0 && r() < gapB ? 1 : base);
    c.set(`q${i}`, r() < 0.03 ? 1 - base : base);
  }
  const mean = (m: Map<string, number>) => (100 * [...m.values()].reduce((s, x) => s + x, 0)) / m.size;
  const v = views(
    [
      { id: 'a', value: mean(a), result: { source: 'run', runId: 'run-a', paper: null } },
      { id: 'b', value: mean(b), result: { source: 'run', runId: 'run-b', paper: null } },
      { id: 'c', value: mean(c), result: { source: 'run', runId: 'run-c', paper: null } },
    ],
    300,
  );
  return {
    v,
    scores: new Map([
      ['run-a', a],
      ['run-b', b],
      ['run-c', c],
    ]),
  };
}

describe('paired tests between measured runs', () => {
  it('finds a planted per-item improvement and calls a tiny one within noise, after Holm correction', () => {
    const { v, scores } = runs(0.3, 4);
    const fs = analyzeViews(v, {}, scores).filter((f) => f.metric === 'paired-difference');
    const dom = fs.filter((f) => f.kind === 'dominance');
    assert.ok(dom.some((f) => f.subjects.models[0] === 'b' && f.subjects.models[1] === 'a'));
    const noise = fs.find((f) => f.kind === 'within-noise')!;
    assert.match(
      noise.text,
      /per-item paired tests find no difference beyond noise between .*A and C|C and A/,
    );
    assert.equal((dom[0]!.evidence as { comparisons: number }).comparisons, 3);
  });
  it('averages samples per item and leaves out error samples', () => {
    const m = itemScoresOf([
      sample({ itemId: 'q1', sampleIndex: 0, score: 1 }),
      sample({ itemId: 'q1', sampleIndex: 1, score: 0, verdict: 'incorrect' }),
      sample({ itemId: 'q2', sampleIndex: 0, score: null, verdict: 'error' }),
    ]);
    assert.deepEqual([...m], [['q1', 0.5]]);
  });
});
