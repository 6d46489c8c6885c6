import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFigure } from '../../../src/core/analysis/analyze-figure.ts';
import type { Finding } from '../../../src/core/analysis/finding.ts';
import { catalogFigure } from './catalog-views.ts';

const run = (id: string) => {
  const { preset, views } = catalogFigure(id);
  return analyzeFigure(preset, views);
};
const texts = (fs: Finding[], kind: Finding['kind']) => fs.filter((f) => f.kind === kind).map((f) => f.text);

describe('findings on the catalog figures', () => {
  it('fig1: DASD-4B matches models up to 63 times larger; no trend; the top group is within noise', () => {
    const fs = run('fig1-livecodebench-v5');
    assert.ok(
      texts(fs, 'dominance').includes(
        'DASD-4B-Thinking (4B, 70.0) matches or beats all 10 larger models, which are 1.8-63 times its size, ' +
          'up to Nvidia-Nemotron-Ultra-253B (253B, 68.0); against 5 of them the margin is within noise (up to ±7.8 at 279 items).',
      ),
    );
    assert.match(texts(fs, 'trend')[0]!, /no clear relation/);
    assert.match(texts(fs, 'within-noise')[0]!, /^On LiveCodeBench v5 \(279 items\)/);
    assert.equal(
      fs.find((f) => f.metric === 'largest-residual-above')!.subjects.models[0],
      'dasd-4b-thinking',
    );
  });
  it('fig2: every model drops on HumanEval, and only there; groups split on MATH and GPQA', () => {
    const fs = run('fig2-delta-across-datasets');
    const all = fs.filter((f) => f.metric === 'delta-sign');
    assert.deepEqual(
      all.map((f) => f.subjects.benchmarks[0]),
      ['humaneval'],
    );
    assert.match(all[0]!.text, /negative for all 9 models \(mean -12\.7, median -12\.0/);
    const split = fs
      .filter((f) => f.metric === 'delta-sign-in-group' && f.value === 2)
      .map((f) => f.subjects.benchmarks[0]);
    assert.deepEqual(split.sort(), ['gpqa', 'math']);
    assert.equal(
      fs.find((f) => f.metric === 'largest-drop')!.text,
      'The largest drop is -24.0 (Qwen2.5-72B on HumanEval).',
    );
  });
  it('fig3: Scale-SWE beats every larger model; scores fall into tiers; size explains nothing', () => {
    const fs = run('fig3-swebench-verified');
    assert.match(
      texts(fs, 'dominance')[0]!,
      /^Scale-SWE \(3B, 64\.0\) matches or beats all 10 larger models/,
    );
    const tiers = fs.filter((f) => f.kind === 'tier');
    assert.ok(tiers.length >= 3);
    assert.deepEqual(tiers[0]!.subjects.models.sort(), ['glm-4.7-flash', 'kat-dev-32b', 'scale-swe']);
    assert.match(texts(fs, 'trend')[0]!, /no clear relation/);
  });
  it('fig4: AM-Distill-Qwen-72B scores at least as high as the other three everywhere, with margins mostly within noise', () => {
    const fs = run('fig4-reasoning-benchmarks');
    const dom = fs.filter((f) => f.metric === 'models-dominated');
    assert.deepEqual(dom.map((f) => f.subjects.models[0]).sort(), [
      'am-distill-qwen-32b',
      'am-distill-qwen-72b',
    ]);
    assert.ok(dom.find((f) => f.subjects.models[0] === 'am-distill-qwen-72b')!.value === 3);
    const aime = fs.find((f) => f.kind === 'within-noise' && f.subjects.benchmarks[0] === 'aime-2024')!;
    assert.match(aime.text, /the 4 scores \(70\.0 to 76\.5\) are within noise/);
  });
  it('fig5: Step-DPO gains in all four pairs; which models cross which reference lines', () => {
    const fs = run('fig5-math-accuracy-vs-size');
    const summary = fs.find((f) => f.metric === 'mean-gain')!;
    assert.equal(summary.value, 6);
    assert.equal(summary.evidence['consistent'], true);
    const cross = fs.filter((f) => f.kind === 'baseline-crossing');
    assert.deepEqual(
      cross.map((f) => [f.subjects.models[0], f.value]),
      [
        ['gemini-1.5-pro', 1],
        ['gpt-4-1106', 2],
        ['claude-3-opus', 2],
      ],
    );
    assert.match(cross[1]!.text, /the margin of Qwen2-72B-Step-DPO is within noise/);
  });
  it('claims no statistical outlier on any catalog figure, since none is clear', () => {
    for (const id of ['fig1-livecodebench-v5', 'fig3-swebench-verified', 'fig5-math-accuracy-vs-size'])
      assert.equal(
        run(id).filter((f) => f.kind === 'efficiency-outlier' || f.kind === 'underperformer').length,
        0,
      );
  });
});
