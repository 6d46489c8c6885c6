import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFigure } from '../../../src/core/describe/describe-figure.ts';
import {
  renderDescriptionMarkdown,
  renderDescriptionPlain,
} from '../../../src/core/describe/figure-description.ts';
import { Result } from '../../../src/core/schema/index.ts';
import { figureViews } from '../../../src/core/analysis/analyze-figure.ts';
import { num, signed } from '../../../src/core/analysis/wording.ts';
import { catalogFigure, catalogViews } from '../analysis/catalog-views.ts';

const section = (d: ReturnType<typeof describeFigure>, h: string) => {
  const s = d.sections.find((x) => x.heading === h)!;
  return [...s.paragraphs, ...s.bullets].join('\n');
};

describe('describeFigure', () => {
  it('has the five sections in order for every catalog figure', () => {
    const { views, figures } = catalogViews();
    assert.equal(figures.length, 5);
    for (const f of figures)
      assert.deepEqual(
        describeFigure(f, views).sections.map((s) => s.heading),
        ['Overview', 'Components/Axes', 'Detailed Analysis', 'Key Observations', 'Interpretation'],
      );
  });
  it('lists every data point with its value in Detailed Analysis', () => {
    const { views, figures } = catalogViews();
    for (const f of figures) {
      const text = section(describeFigure(f, views), 'Detailed Analysis');
      const lines = text.split('\n');
      for (const v of figureViews(f, views)) {
        const shown = v.result.baseline !== null ? signed(v.result.value) : num(v.result.value);
        assert.ok(
          lines.some((l) => l.includes(v.model.name) && l.includes(`: ${shown}`)),
          `${f.id}: ${v.model.name} ${shown} missing`,
        );
      }
    }
  });
  it('uses the findings as Key Observations', () => {
    const { preset, views } = catalogFigure('fig5-math-accuracy-vs-size');
    const d = describeFigure(preset, views);
    assert.match(
      section(d, 'Key Observations'),
      /Step-DPO scores higher than SFT and Instruct in all 4 pairs/,
    );
  });
  it('changes its text when a value in the data changes', () => {
    const { preset, views } = catalogFigure('fig1-livecodebench-v5');
    const before = renderDescriptionMarkdown(describeFigure(preset, views));
    const changed = views.map((v) =>
      v.result.model === 'dasd-4b-thinking' && v.result.benchmark === 'livecodebench-v5'
        ? { ...v, result: Result.parse({ ...v.result, value: 57.3 }) }
        : v,
    );
    const after = renderDescriptionMarkdown(describeFigure(preset, changed));
    assert.notEqual(before, after);
    assert.match(after, /DASD-4B-Thinking \(4B total parameters; Our Model\): 57\.3%/);
    assert.doesNotMatch(after, /DASD-4B-Thinking \(4B, 70\.0\)/);
  });
  it('is deterministic', () => {
    const { preset, views } = catalogFigure('fig3-swebench-verified');
    assert.equal(
      renderDescriptionMarkdown(describeFigure(preset, views)),
      renderDescriptionMarkdown(describeFigure(preset, [...views].reverse())),
    );
  });
  it('hedges when values were read off a chart and a benchmark has few items', () => {
    const { preset, views } = catalogFigure('fig4-reasoning-benchmarks');
    const text = section(describeFigure(preset, views), 'Interpretation');
    assert.match(text, /read off a chart/);
    assert.match(text, /AIME 2024 has only 30 items/);
    assert.match(text, /no difference here can be called significant/);
  });
  it('renders a plain one-line-per-section text for accessible descriptions', () => {
    const { preset, views } = catalogFigure('fig2-delta-across-datasets');
    const plain = renderDescriptionPlain(describeFigure(preset, views));
    assert.equal(plain.split('\n').length, 6);
    assert.match(plain, /^LLM Performance Delta Across Datasets\nOverview: /);
  });
});
