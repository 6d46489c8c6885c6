import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChartInput, VlSpec } from '../../../src/core/charts/chart-input.ts';
import { chartSpec } from '../../../src/core/charts/chart-spec.ts';
import { ACCENT, SHAPES } from '../../../src/core/charts/theme.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';
import { catalogInputs, layoutProblems } from './catalog-inputs.ts';

const inputs = catalogInputs();
const input = (id: string): ChartInput => inputs.get(id)!;
type Layer = {
  data?: { values: Record<string, unknown>[] };
  mark: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read the spec's JSON freely
  encoding?: Record<string, any>;
};
const layers = (s: VlSpec) => s.layer as Layer[];
const texts = (s: VlSpec) =>
  layers(s)
    .filter((l) => l.mark.type === 'text')
    .flatMap((l) => l.data!.values.map((v) => v.text as string));

test('every catalog figure labels all its points with no overlaps, crowding or skipped results', () => {
  assert.equal(inputs.size, 5);
  for (const [id, fig] of inputs) {
    const spec = chartSpec(fig);
    assert.deepEqual(layoutProblems(spec), [], id);
    assert.deepEqual(spec.usermeta.crowded, [], id);
    assert.deepEqual(spec.usermeta.skipped, [], id);
  }
});

test('size scatter (figure 1): log x axis with ticks 4B..100B, a star for the highlight and a dashed line at its score', () => {
  const spec = chartSpec(input('fig1-livecodebench-v5'));
  const points = layers(spec).find((l) => l.encoding?.x?.scale?.type === 'log')!;
  const axis = points.encoding!.x.axis;
  for (const t of [4, 10, 32, 100]) assert.ok(axis.values.includes(t), `tick ${t}`);
  assert.match(axis.labelExpr, /datum.value === 4 \? '4B'/);
  assert.match(axis.labelExpr, /datum.value === 100 \? '100B'/);
  const star = layers(spec).find((l) => l.mark.shape === SHAPES.star)!;
  assert.equal(star.mark.color, ACCENT);
  assert.equal(star.data!.values[0]!.model, 'DASD-4B-Thinking');
  const rule = layers(spec).find((l) => l.mark.type === 'rule' && l.mark.strokeDash)!;
  assert.equal(rule.data!.values[0]!.value, 70);
  assert.equal(rule.mark.color, ACCENT);
  assert.deepEqual(points.encoding!.color.scale.domain, [
    'Open-Weights Only',
    'Open-Weights & Open-Data',
    'Our Model',
  ]);
  assert.equal(points.encoding!.color.legend.title, 'Model Category');
  assert.equal(texts(spec).length, 12);
});

test('size scatter (figure 3): activated size, scores in labels, no legend', () => {
  const spec = chartSpec(input('fig3-swebench-verified'));
  const t = texts(spec);
  assert.ok(t.includes('Scale-SWE (64%)'));
  assert.ok(t.includes('GLM-4.7-Flash (59.2%)'));
  assert.equal(t.length, 14);
  const points = layers(spec).find((l) => l.encoding?.x?.scale?.type === 'log')!;
  assert.equal(points.encoding!.color.legend, null);
  assert.ok(
    points.data!.values.some((v) => v.size === 3),
    'MoE models sit at their activated size',
  );
});

test('delta dots (figure 2): seven datasets between dashed separators, a dashed zero line, one legend per model group', () => {
  const spec = chartSpec(input('fig2-delta-across-datasets'));
  const axis = layers(spec)[0]!.encoding!.x;
  assert.deepEqual(axis.scale.domain, ['HotpotQA', 'CS-QA', 'AQUA', 'GSM8K', 'MATH', 'GPQA', 'HumanEval']);
  const seps = layers(spec).find((l) => l.mark.type === 'rule' && l.encoding?.x2)!;
  assert.equal(seps.data!.values.length, 6);
  const zero = layers(spec).find((l) => l.mark.type === 'rule' && !l.encoding?.x2)!;
  assert.equal(zero.data!.values[0]!.value, 0);
  const groups = layers(spec).filter((l) => l.encoding?.color?.legend);
  assert.deepEqual(
    groups.map((g) => g.encoding!.color.legend.title),
    ['Open LLMs', 'Close LLMs', 'Reasoning LLM'],
  );
  assert.deepEqual(
    groups.map((g) => g.encoding!.shape.scale.range[0]),
    [SHAPES.circle, SHAPES.pentagon, SHAPES.diamond],
  );
  const colours = groups.flatMap((g) => g.encoding!.color.scale.range as string[]);
  assert.equal(new Set(colours).size, 9, 'one colour per model');
});

test('grouped bars (figure 4): one bar per model and benchmark, value labels, hatching, the given colours', () => {
  const spec = chartSpec(input('fig4-reasoning-benchmarks'));
  const bars = layers(spec).find((l) => l.mark.type === 'rect')!;
  assert.equal(bars.data!.values.length, 16);
  assert.deepEqual(bars.encoding!.color.scale.range, ['#f4a6a6', '#d9595c', '#a8d5a2', '#4e9a52']);
  assert.deepEqual(bars.encoding!.y.scale.domain, [30, 100]);
  assert.ok(texts(spec).includes('76.5') && texts(spec).includes('97.0'));
  assert.ok(
    layers(spec).some((l) => l.mark.type === 'rule' && (l.data?.values.length ?? 0) > 16),
    'hatching',
  );
  assert.match(layers(spec)[0]!.encoding!.x.axis.labelExpr, /\(Pass@1\)/);
});

test('grouped bars draw error bars when results carry a standard error', () => {
  const fig = input('fig4-reasoning-benchmarks');
  const views = fig.views.map((v) => ({ ...v, result: { ...v.result, stderr: 1.5 } }));
  const spec = chartSpec({ ...fig, views }, { hatch: false });
  const errors = layers(spec).filter((l) => l.mark.type === 'rule');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.data!.values.length, 16 * 3, 'a whisker and two caps per bar');
  assert.deepEqual(layoutProblems(spec), []);
});

test('category scatter (figure 5): size categories, three named baselines at the left edge, pairs joined, † kept', () => {
  const spec = chartSpec(input('fig5-math-accuracy-vs-size'));
  assert.deepEqual(layers(spec)[0]!.encoding!.x.scale.domain, ['7B', '32B', '47B', '57B', '70B', '72B']);
  const refs = layers(spec).filter((l) => l.mark.type === 'rule' && l.mark.strokeDash);
  assert.deepEqual(
    refs.map((r) => r.data!.values[0]!.value),
    [68, 64.5, 60],
  );
  const refLabels = layers(spec).filter((l) => l.mark.type === 'text' && l.mark.align === 'left');
  assert.deepEqual(
    refLabels.flatMap((l) => l.data!.values.map((v) => v.text)),
    ['Gemini-1.5-Pro', 'GPT-4-1106', 'Claude-3-Opus'],
  );
  assert.ok(refLabels.every((l) => l.data!.values.every((v) => (v.px as number) < 10)));
  assert.ok(texts(spec).includes('Qwen2-72B-Instruct†'));
  const arrows = layers(spec).find((l) => l.mark.type === 'rule' && l.mark.strokeWidth === 1.2)!;
  assert.equal(arrows.data!.values.length, 4 * 3, 'a shaft and two head strokes per pair');
  const points = layers(spec).find((l) => l.mark.type === 'point')!;
  assert.equal(points.data!.values.length, 11);
  assert.equal(points.encoding!.shape.scale.range[0], 'triangle-up');
});

test('heatmap prints every value in its cell', () => {
  const fig = input('fig4-reasoning-benchmarks');
  const spec = chartSpec({ ...fig, preset: { ...fig.preset, chart: 'heatmap' } });
  assert.equal(spec.usermeta.labels.length, 16);
  assert.deepEqual(layoutProblems(spec), []);
  const data = (spec.data as { values: { text: string }[] }).values;
  assert.ok(data.some((d) => d.text === '96.2'));
});

test('overrides replace title, highlight, colours and size', () => {
  const spec = chartSpec(input('fig1-livecodebench-v5'), {
    title: 'Custom',
    highlight: 'qwen3-32b',
    colors: { 'Open-Weights Only': '#000000' },
    width: 800,
    height: 500,
  });
  assert.equal((spec.title as { text: string }).text, 'Custom');
  assert.equal(spec.width, 800);
  const star = layers(spec).find((l) => l.mark.shape === SHAPES.star)!;
  assert.equal(star.data!.values[0]!.model, 'Qwen3-32B');
  const points = layers(spec).find((l) => l.encoding?.x?.scale?.type === 'log')!;
  assert.equal(points.encoding!.color.scale.range[0], '#000000');
  assert.deepEqual(layoutProblems(spec), []);
});

test('a bad option is a user error naming the figure and the field', () => {
  assert.throws(
    () => chartSpec(input('fig1-livecodebench-v5'), { sizeAxis: 'volume' }),
    (e: unknown) =>
      e instanceof UserError && /fig1-livecodebench-v5/.test(e.message) && /sizeAxis/.test(e.message),
  );
});

test('specs are deterministic', () => {
  for (const fig of inputs.values()) assert.deepEqual(chartSpec(fig), chartSpec(fig));
});
