import { z } from 'zod';
import { paramsOf } from '../schema/index.ts';
import type { ResultView } from './result-view.ts';

export const SortKey = z.enum(['score', 'params', 'model', 'benchmark', 'family']);
export type SortKey = z.infer<typeof SortKey>;

/** Which results to show, as the CLI, charts and analyses ask for them. Empty lists mean all. */
export const ResultFilter = z.object({
  benchmarks: z.array(z.string()).default([]),
  models: z.array(z.string()).default([]),
  families: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
  /** Parameter range in billions, on the chosen axis; models of unknown size are left out when set. */
  minParamsB: z.number().nonnegative().nullable().default(null),
  maxParamsB: z.number().nonnegative().nullable().default(null),
  paramsAxis: z.enum(['total', 'active']).default('total'),
  /** 'run', 'publication', or a substring of the paper's name. */
  source: z.string().nullable().default(null),
  condition: z.string().nullable().default(null),
  includeDeltas: z.boolean().default(true),
  sort: SortKey.nullable().default(null),
  descending: z.boolean().nullable().default(null),
});
export type ResultFilter = z.infer<typeof ResultFilter>;
export type ResultFilterInput = z.input<typeof ResultFilter>;

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());

function matchesSource(v: ResultView, source: string): boolean {
  if (source === 'run' || source === 'publication') return v.result.source === source;
  return (v.result.paper ?? '').toLowerCase().includes(source.toLowerCase());
}

/** Filters and sorts result views. Ties are broken by model id, then benchmark id, so output is stable. */
export function selectResults(views: ResultView[], input: ResultFilterInput = {}): ResultView[] {
  const f = ResultFilter.parse(input);
  const families = lower(f.families);
  const categories = lower(f.categories);
  const out = views.filter((v) => {
    if (f.benchmarks.length && !f.benchmarks.includes(v.result.benchmark)) return false;
    if (f.models.length && !f.models.includes(v.result.model)) return false;
    if (families.length && !families.includes(v.model.family.toLowerCase())) return false;
    if (categories.length && !v.model.categories.some((c) => categories.includes(c.toLowerCase())))
      return false;
    if (f.minParamsB !== null || f.maxParamsB !== null) {
      const p = paramsOf(v.model, f.paramsAxis);
      if (p === null) return false;
      if (f.minParamsB !== null && p < f.minParamsB) return false;
      if (f.maxParamsB !== null && p > f.maxParamsB) return false;
    }
    if (f.source && !matchesSource(v, f.source)) return false;
    if (f.condition && v.result.condition !== f.condition) return false;
    if (!f.includeDeltas && v.result.baseline !== null) return false;
    return true;
  });
  const sort = f.sort;
  const tie = (a: ResultView, b: ResultView) =>
    a.result.model.localeCompare(b.result.model) || a.result.benchmark.localeCompare(b.result.benchmark);
  if (!sort) return out.sort(tie);
  const desc = f.descending ?? (sort === 'score' || sort === 'params');
  const key = (v: ResultView): number | string => {
    switch (sort) {
      case 'score':
        return v.result.value;
      case 'params':
        return paramsOf(v.model, f.paramsAxis) ?? Number.NEGATIVE_INFINITY;
      case 'model':
        return v.model.name.toLowerCase();
      case 'benchmark':
        return v.benchmark.name.toLowerCase();
      case 'family':
        return v.model.family.toLowerCase();
    }
  };
  return out.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c =
      typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
    return (desc ? -c : c) || tie(a, b);
  });
}
