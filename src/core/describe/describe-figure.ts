import { analyzeFigure, figureAnalysisOptions, figureViews } from '../analysis/analyze-figure.ts';
import type { Finding } from '../analysis/finding.ts';
import { byBenchmark, type Point, primaryPoints, toPoint } from '../analysis/points.ts';
import { deltaNoiseBand } from '../analysis/score-noise.ts';
import { sizePerformance } from '../analysis/size-performance.ts';
import { findTiers, TIER_SILHOUETTE } from '../analysis/tiers.ts';
import { joinList, num, plural, signed } from '../analysis/wording.ts';
import { formatParams } from '../format/format-params.ts';
import type { ResultView } from '../query/result-view.ts';
import type { FigurePreset } from '../schema/index.ts';
import { noiseBand } from '../stats/minimum-detectable-effect.ts';
import type { DescriptionSection, FigureDescription } from './figure-description.ts';

const CHART_NOUN: Record<FigurePreset['chart'], string> = {
  'size-scatter': 'scatter plot of score against model size',
  'delta-dots': 'dot plot of score changes (Δ) per dataset',
  'grouped-bars': 'grouped bar chart',
  'category-scatter': 'scatter plot of score against model size, drawn as size categories',
  heatmap: 'heatmap',
};

const str = (x: unknown): string | null => (typeof x === 'string' && x ? x : null);
const benchName = (p: Point) => p.benchmark.shortName ?? p.benchmark.name;

function unitSuffix(p: Point): string {
  return p.result.unit === '%' ? '%' : p.result.unit === 'pp' ? ' pp' : '';
}

function pointLine(
  p: Point,
  preset: FigurePreset,
  axis: 'total' | 'active',
  withSize: boolean,
  refs: Set<string>,
): string {
  const bits: string[] = [];
  const isRef = refs.has(p.model.id);
  if (isRef) bits.push('reference line');
  if (withSize && !isRef)
    bits.push(
      p.size === null
        ? 'size not disclosed'
        : `${formatParams(p.size)} ${axis === 'active' ? 'activated' : 'total'} parameters`,
    );
  const group = preset.groups[p.model.id];
  if (group) bits.push(group);
  if (p.result.annotation) bits.push(`marked ${p.result.annotation}`);
  const value = p.result.baseline !== null ? signed(p.value) : num(p.value);
  const approx = p.result.approximate ? ' (approximate)' : '';
  const se = p.result.stderr !== null ? ` ± ${num(p.result.stderr)}` : '';
  return `${p.label}${bits.length ? ` (${bits.join('; ')})` : ''}: ${value}${unitSuffix(p)}${se}${approx}`;
}

function range(ps: readonly Point[]): string {
  const v = ps.map((p) => p.value);
  const f = ps.every((p) => p.result.baseline !== null) ? signed : num;
  return `${f(Math.min(...v))} to ${f(Math.max(...v))}`;
}

function overview(preset: FigurePreset, points: Point[], benches: string[]): DescriptionSection {
  const models = new Set(points.map((p) => p.model.id)).size;
  const first = points[0];
  const metric = str(preset.options['metricLabel']) ?? first?.result.metric ?? 'score';
  const paras = [
    `A ${CHART_NOUN[preset.chart]} titled "${preset.title}", showing ${metric} for ${plural(models, 'model')} on ${joinList(benches)}` +
      `${preset.paper ? `, as reported in ${preset.paper}` : ''}.`,
  ];
  const highlight = str(preset.options['highlight']);
  const hp = points.find((p) => p.model.id === highlight);
  if (hp) paras.push(`${hp.label} is highlighted.`);
  if (preset.chart === 'delta-dots') {
    const c = str(preset.options['condition']) ?? first?.result.condition;
    const b = str(preset.options['baseline']) ?? first?.result.baseline;
    paras.push(`Each value is the score under "${c}" minus the score under "${b}", so 0 means no change.`);
  }
  const approx = points.filter((p) => p.result.approximate).length;
  if (approx)
    paras.push(
      `${approx === points.length ? `All ${points.length}` : `${approx} of ${points.length}`} values were read off the published chart.`,
    );
  return { heading: 'Overview', paragraphs: paras, bullets: [] };
}

function components(preset: FigurePreset, points: Point[], axis: 'total' | 'active'): DescriptionSection {
  const o = preset.options;
  const bullets: string[] = [];
  const sized = preset.chart === 'size-scatter' || preset.chart === 'category-scatter';
  const xTitle = str(o['xTitle']);
  const yTitle = str(o['yTitle']);
  if (sized) {
    const s = points.filter((p) => p.size !== null).map((p) => p.size!);
    bullets.push(
      `X axis: ${xTitle ?? `${axis === 'active' ? 'Activated' : 'Total'} parameters`}` +
        (s.length
          ? `, ${preset.chart === 'size-scatter' ? 'log scale, ' : ''}from ${formatParams(Math.min(...s))} to ${formatParams(Math.max(...s))}`
          : '') +
        '.',
    );
  } else if (preset.chart === 'delta-dots' || preset.chart === 'grouped-bars') {
    const b = [...new Set(points.map(benchName))];
    bullets.push(
      `X axis: ${xTitle ?? 'Benchmark'}, ${plural(b.length, 'category', 'categories')}: ${joinList(b)}.`,
    );
  }
  const dom = Array.isArray(o['yDomain'])
    ? (o['yDomain'] as unknown[]).filter((x): x is number => typeof x === 'number')
    : [];
  bullets.push(
    `Y axis: ${yTitle ?? points[0]?.result.metric ?? 'score'}; the data run from ${range(points)}` +
      (dom.length === 2 ? `, drawn on a scale from ${num(dom[0]!)} to ${num(dom[1]!)}` : '') +
      '.',
  );
  const groups = new Map<string, string[]>();
  for (const p of points) {
    const g = preset.groups[p.model.id];
    if (g && !groups.get(g)?.includes(p.label)) groups.set(g, [...(groups.get(g) ?? []), p.label]);
  }
  const order = Array.isArray(o['groupOrder']) ? (o['groupOrder'] as string[]) : [];
  const gs = [...groups.keys()].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  if (gs.length && o['legend'] !== false)
    bullets.push(
      `Legend${str(o['legendTitle']) ? ` "${str(o['legendTitle'])}"` : ''}: ${gs.map((g) => `${g} (${groups.get(g)!.length})`).join(', ')}.`,
    );
  if (preset.chart === 'delta-dots') bullets.push('A horizontal line marks Δ = 0, no change.');
  const refs = Array.isArray(o['references']) ? (o['references'] as string[]) : [];
  const refPoints = points.filter((p) => refs.includes(p.model.id));
  if (refPoints.length)
    bullets.push(`Reference lines: ${joinList(refPoints.map((p) => `${p.label} at ${num(p.value)}`))}.`);
  const pairs = Array.isArray(o['pairs']) ? (o['pairs'] as string[][]) : [];
  if (pairs.length) {
    const name = (id: string) => points.find((p) => p.key === id)?.label ?? id;
    bullets.push(
      `Arrows join ${plural(pairs.length, 'pair')}: ${joinList(pairs.map(([a, b]) => `${name(a!)} to ${name(b!)}`))}.`,
    );
  }
  if (o['showValues'] === true) bullets.push('Each point is labelled with its value.');
  return { heading: 'Components/Axes', paragraphs: [], bullets };
}

function detailed(
  preset: FigurePreset,
  points: Point[],
  axis: 'total' | 'active',
  refs: Set<string>,
): DescriptionSection {
  const bullets: string[] = [];
  const paras: string[] = [];
  const sized = preset.chart === 'size-scatter' || preset.chart === 'category-scatter';
  const per = byBenchmark(points);
  for (const [, ps] of per) {
    const sorted = [...ps].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
    if (per.size > 1) bullets.push(`${benchName(ps[0]!)} (${plural(ps.length, 'value')}, ${range(ps)}):`);
    for (const p of sorted)
      bullets.push(`${per.size > 1 ? '  ' : ''}${pointLine(p, preset, axis, sized, refs)}`);
    if (sized) {
      const sp = sizePerformance(primaryPoints(ps.filter((p) => !refs.has(p.model.id))), axis);
      if (sp)
        paras.push(
          `A least-squares line of score on log10 ${axis} parameters over ${sp.n} models ${sp.slopePerDecade >= 0 ? 'rises' : 'falls'} ${num(Math.abs(sp.slopePerDecade))} points per tenfold ` +
            `increase in size and explains ${num(100 * sp.r2, 0)}% of the variance (residual SD ${num(sp.sigma)} points).`,
        );
    }
  }
  return { heading: 'Detailed Analysis', paragraphs: paras, bullets };
}

function interpretation(
  preset: FigurePreset,
  points: Point[],
  findings: readonly Finding[],
  refs: Set<string>,
): DescriptionSection {
  const paras: string[] = [];
  const approx = points.filter((p) => p.result.approximate).length;
  const withN = points.filter((p) => p.result.n !== null || p.result.stderr !== null).length;
  if (approx)
    paras.push(
      `${approx === points.length ? 'All values were' : `${approx} of ${points.length} values were`} read off a chart, so differences of a point or less may be reading error.`,
    );
  if (!withN)
    paras.push(
      'No sample counts or standard errors are given, so no difference here can be called significant; the noise bands quoted assume one independent attempt per item.',
    );
  const benches = [...new Map(points.map((p) => [p.benchmark.id, p.benchmark])).values()];
  const small = benches.filter((b) => b.itemCount !== null && b.itemCount < 100);
  for (const b of small) {
    const ps = points.filter((p) => p.benchmark.id === b.id && p.result.baseline === null);
    if (!ps.length) continue;
    const mid = ps.reduce((s, p) => s + p.value, 0) / ps.length;
    paras.push(
      `${b.shortName ?? b.name} has only ${b.itemCount} items: two scores near ${num(mid)} can differ by up to about ` +
        `${num(noiseBand(b.itemCount!, mid))} points by chance alone.`,
    );
  }
  const unknown = benches.filter((b) => b.itemCount === null).map((b) => b.shortName ?? b.name);
  if (unknown.length)
    paras.push(
      `The number of items in ${joinList(unknown)} is not recorded, so sampling noise cannot be judged there.`,
    );
  const kinds = (k: Finding['kind']) => findings.filter((f) => f.kind === k);
  const sized = preset.chart === 'size-scatter' || preset.chart === 'category-scatter';
  if (sized) {
    const trend = kinds('trend')[0];
    if (trend) {
      const s = (trend.evidence['pearson'] as { strength?: string } | undefined)?.strength ?? 'none';
      paras.push(
        s === 'none'
          ? 'Size alone does not explain these scores: the correlation with log size is not clearly different from zero, so other factors (training data and method) likely matter more, though this figure cannot show which.'
          : `Larger models tend to score ${trend.value! > 0 ? 'higher' : 'lower'} here (a ${s} trend), but the models differ in more than size.`,
      );
    }
    const outliers = kinds('efficiency-outlier');
    const above = findings.find((f) => f.metric === 'largest-residual-above');
    if (outliers.length)
      paras.push(
        `${plural(outliers.length, 'model')} ${outliers.length === 1 ? 'stands' : 'stand'} out above the size trend by a statistical test; see the observations above.`,
      );
    else if (above)
      paras.push(
        `No model is a statistically clear outlier from the size trend; the model furthest above it, noted above, may be efficient for its size, but ${sizeCount(findings)} points are too few to be sure.`,
      );
    const ps = primaryPoints(points.filter((p) => !refs.has(p.model.id) && p.result.baseline === null));
    const t = findTiers(ps);
    if (t.k < 2 && ps.length >= 6 && Number.isFinite(t.silhouette))
      paras.push(
        `The scores do not split into clear tiers (the best split has a mean silhouette of ${num(t.silhouette, 2)}, below the ${num(TIER_SILHOUETTE, 2)} required).`,
      );
  }
  if (preset.chart === 'delta-dots') {
    const all = kinds('consistent-sign').filter((f) => f.metric === 'delta-sign');
    const names = all
      .map((f) => f.subjects.benchmarks[0]!)
      .map((id) => benches.find((b) => b.id === id)?.shortName ?? id);
    const ds = points.filter((p) => p.result.baseline !== null);
    const noisy = ds.filter((p) => {
      const band = deltaNoiseBand(p.benchmark, p.result.unit);
      return band !== null && Math.abs(p.value) < band;
    }).length;
    paras.push(
      (names.length
        ? `Only on ${joinList(names)} does every model move the same way; elsewhere the direction depends on the model. `
        : 'On no dataset does every model move the same way. ') +
        `${noisy} of ${ds.length} changes are smaller than the noise bound for their dataset's size (an upper bound, since paired runs on the same items vary less), so many individual dots may reflect chance.`,
    );
  }
  const split = kinds('consistent-sign').filter(
    (f) => f.metric === 'delta-sign-in-group' && Number(f.value) >= 2,
  );
  if (split.length) {
    const names = split.map(
      (f) => benches.find((b) => b.id === f.subjects.benchmarks[0])?.shortName ?? f.subjects.benchmarks[0]!,
    );
    paras.push(
      `On ${joinList(names)}, whole groups of models move in opposite directions; with so few models per group this is a pattern worth checking, not an established effect.`,
    );
  }
  for (const note of conditionNotes(points)) paras.push(note);
  const pair = findings.find((f) => f.kind === 'pair-improvement' && f.metric === 'mean-gain');
  if (pair)
    paras.push(
      pair.evidence['consistent']
        ? 'The method gain has the same sign in every pair, which is better evidence than any single gain; all pairs come from the same source, so an evaluation difference shared by them would not show here.'
        : 'The method pairs disagree in sign, so this figure gives no consistent evidence for the method.',
    );
  const dom = kinds('dominance').filter((f) => f.metric === 'models-dominated');
  if (dom.length) {
    const within = dom.reduce((s, f) => s + Number(f.evidence['marginsWithinNoise'] ?? 0), 0);
    const known = dom.reduce((s, f) => s + Number(f.evidence['marginsWithKnownNoise'] ?? 0), 0);
    paras.push(
      'Where one model scores at least as high on every benchmark the ordering is consistent' +
        (known
          ? `, but ${within} of the ${known} margins behind it that can be judged are within noise, so the consistency of the ordering is stronger evidence than any single margin.`
          : ', though no margin can be judged against noise.'),
    );
  }
  return { heading: 'Interpretation', paragraphs: paras, bullets: [] };
}

/** Models reported under two conditions on one benchmark: how far apart the two reports are. */
function conditionNotes(points: readonly Point[]): string[] {
  const out: string[] = [];
  const scores = points.filter((p) => p.result.baseline === null);
  for (const p of scores) {
    if (p.result.condition === 'default') continue;
    const main = scores.find(
      (q) =>
        q.model.id === p.model.id && q.benchmark.id === p.benchmark.id && q.result.condition === 'default',
    );
    if (!main) continue;
    const gap = Math.abs(p.value - main.value);
    const others = scores.filter(
      (q) => q.benchmark.id === p.benchmark.id && q.result.condition === 'default',
    );
    let pairs = 0;
    let smaller = 0;
    for (let i = 0; i < others.length; i++)
      for (let j = i + 1; j < others.length; j++) {
        pairs++;
        if (Math.abs(others[i]!.value - others[j]!.value) < gap) smaller++;
      }
    out.push(
      `${main.label} appears twice: ${num(main.value)} and ${num(p.value)} (${p.result.condition}). The ${num(gap)}-point gap between ` +
        `two reports of the same model exceeds ${smaller} of the ${pairs} gaps between the figure's own scores, so scores from ` +
        'different evaluation setups should not be compared directly.',
    );
  }
  return out;
}

function sizeCount(findings: readonly Finding[]): number {
  const f = findings.find(
    (x) => x.metric === 'largest-residual-above' || x.metric === 'largest-residual-below',
  );
  return Number(f?.evidence['n'] ?? 0);
}

/**
 * A structured written description of one figure: Overview, Components/Axes, Detailed Analysis
 * (every data point), Key Observations (the findings) and a hedged Interpretation. Deterministic;
 * every number comes from `views` or from findings computed from them.
 */
export function describeFigure(
  preset: FigurePreset,
  views: readonly ResultView[],
  findings?: readonly Finding[],
): FigureDescription {
  const opts = figureAnalysisOptions(preset);
  const axis = opts.sizeAxis ?? 'total';
  const drawn = figureViews(preset, views);
  const rank = (id: string) => preset.benchmarks.indexOf(id);
  const points = drawn
    .map((v) => toPoint(v, axis))
    .sort(
      (a, b) =>
        rank(a.benchmark.id) - rank(b.benchmark.id) || a.key.localeCompare(b.key) || a.value - b.value,
    );
  const fs = findings ?? analyzeFigure(preset, views);
  const refs = new Set(opts.references ?? []);
  const benches = [...new Map(points.map((p) => [p.benchmark.id, benchName(p)])).values()];
  const sections: DescriptionSection[] = [
    overview(preset, points, benches),
    components(preset, points, axis),
    detailed(preset, points, axis, refs),
    {
      heading: 'Key Observations',
      paragraphs: fs.length ? [] : ['The analysis found nothing to report.'],
      bullets: fs.map((f) => f.text),
    },
    interpretation(preset, points, fs, refs),
  ];
  if (!points.length)
    sections[2] = {
      heading: 'Detailed Analysis',
      paragraphs: ['No results match this figure.'],
      bullets: [],
    };
  return { figure: preset.id, title: preset.title, sections };
}
