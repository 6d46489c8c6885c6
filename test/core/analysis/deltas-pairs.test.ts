import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeViews } from '../../../src/core/analysis/analyze-views.ts';
import { methodPairs } from '../../../src/core/analysis/method-pairs.ts';
import { model } from '../../helpers/fixtures.ts';
import { views } from './synthetic.ts';

const delta = { condition: 'intervention', baseline: 'baseline' };

describe('per-dataset deltas', () => {
  const data = [
    ...['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, benchmark: 'down', value: -5 - i, result: delta })),
    ...['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
      id,
      benchmark: 'mixed',
      value: i % 2 ? 4 : -3,
      result: delta,
    })),
  ];
  it('recovers a dataset where every model moves the same way, and only that one', () => {
    const fs = analyzeViews(views(data, 1000)).filter((f) => f.kind === 'consistent-sign');
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0]!.subjects.benchmarks, ['down']);
    assert.match(fs[0]!.text, /^On DOWN, Δ is negative for all 5 models \(mean -7\.0, median -7\.0; /);
  });
  it('names the largest gain and drop and the most volatile model', () => {
    const fs = analyzeViews(views(data, 1000)).filter((f) => f.kind === 'extreme');
    assert.equal(fs.find((f) => f.metric === 'largest-drop')!.value, -9);
    assert.equal(fs.find((f) => f.metric === 'largest-gain')!.value, 4);
  });
  it('says which deltas are within noise for the dataset size', () => {
    const fs = analyzeViews(views(data, 1000)).filter((f) => f.kind === 'within-noise');
    const mixed = fs.find((f) => f.subjects.benchmarks[0] === 'mixed')!;
    assert.equal(mixed.subjects.models.length, 5);
    assert.match(mixed.text, /smaller than ±4\.4/);
  });
  it('finds groups that move together when the whole dataset does not', () => {
    const groups = { a: 'G1', b: 'G1', c: 'G1', d: 'G2', e: 'G2' };
    const d2 = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
      id,
      benchmark: 'split',
      value: i < 3 ? 2 + i : -1,
      result: delta,
    }));
    const fs = analyzeViews(views(d2), { groups }).filter((f) => f.kind === 'consistent-sign');
    assert.equal(fs.length, 1);
    assert.match(fs[0]!.text, /Δ is positive for all 3 G1 \(\+2\.0 to \+4\.0\)/);
  });
});

describe('method pairs', () => {
  it('pairs models by base model and size, the preferred method as the target', () => {
    const cards = [
      model({ id: 'x-sft', baseModel: 'x', totalParamsB: 7, trainingMethod: 'SFT' }),
      model({ id: 'x-dpo', baseModel: 'x', totalParamsB: 7, trainingMethod: 'Step-DPO' }),
      model({ id: 'y-inst', baseModel: 'y', totalParamsB: 70, trainingMethod: 'Instruct' }),
      model({ id: 'y-dpo', baseModel: 'y', totalParamsB: 70, trainingMethod: 'Step-DPO' }),
      model({ id: 'z-dpo', baseModel: 'z', totalParamsB: 70, trainingMethod: 'Step-DPO' }),
    ];
    assert.deepEqual(methodPairs(cards, [], 'Step-DPO'), [
      ['x-sft', 'x-dpo'],
      ['y-inst', 'y-dpo'],
    ]);
  });
  it('reports each gain and whether the gains agree', () => {
    const v = views(
      [
        { id: 'x-sft', value: 50, card: { baseModel: 'x', trainingMethod: 'SFT' } },
        { id: 'x-dpo', value: 53, card: { baseModel: 'x', trainingMethod: 'Step-DPO' } },
        {
          id: 'y-inst',
          value: 40,
          card: { baseModel: 'y', trainingMethod: 'Instruct', totalParamsB: 70 },
          size: 70,
        },
        {
          id: 'y-dpo',
          value: 48,
          card: { baseModel: 'y', trainingMethod: 'Step-DPO', totalParamsB: 70 },
          size: 70,
        },
      ],
      5000,
    );
    const fs = analyzeViews(v, { highlightMethod: 'Step-DPO' }).filter((f) => f.kind === 'pair-improvement');
    assert.equal(fs.length, 3);
    assert.equal(fs[2]!.value, 5.5);
    assert.match(
      fs[2]!.text,
      /^Step-DPO scores higher than SFT and Instruct in all 2 pairs \(gains \+3\.0 to \+8\.0, mean \+5\.5/,
    );
  });
});

describe('baseline crossings and dominance', () => {
  it('lists the models above each reference line and near misses within noise', () => {
    const v = views(
      [
        { id: 'ref', value: 60 },
        { id: 'a', value: 65 },
        { id: 'b', value: 59.5 },
        { id: 'c', value: 40 },
      ],
      5000,
    );
    const f = analyzeViews(v, { references: ['ref'] }).find((x) => x.kind === 'baseline-crossing')!;
    assert.equal(f.value, 1);
    assert.match(
      f.text,
      /^1 of 3 plotted scores lies above REF \(60\.0\): A \(65\.0\); B \(59\.5\) falls short by less than noise/,
    );
  });
  it('finds who scores at least as high on every benchmark', () => {
    const v = views(
      [
        { id: 'top', benchmark: 'b1', value: 80 },
        { id: 'top', benchmark: 'b2', value: 70 },
        { id: 'mid', benchmark: 'b1', value: 75 },
        { id: 'mid', benchmark: 'b2', value: 72 },
        { id: 'low', benchmark: 'b1', value: 60 },
        { id: 'low', benchmark: 'b2', value: 50 },
      ],
      1000,
    );
    const dom = analyzeViews(v).filter((f) => f.kind === 'dominance');
    assert.deepEqual(dom.map((f) => f.subjects.models).sort(), [
      ['mid', 'low'],
      ['top', 'low'],
    ]);
  });
});
