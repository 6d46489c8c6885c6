import { z } from 'zod';
import { SortKey } from '../core/query/select-results.ts';
import { flagField, listField, numberField, textField } from './query-fields.ts';

/** The filters of `yardstick results` as query parameters (same names, camel-cased). */
export const ResultFilterQuery = z
  .object({
    benchmark: listField,
    model: listField,
    family: listField,
    category: listField,
    minParams: numberField,
    maxParams: numberField,
    params: z.enum(['total', 'active']).default('total'),
    source: textField,
    condition: textField,
    sort: SortKey.optional(),
    desc: flagField,
  })
  .transform((q) => ({
    benchmarks: q.benchmark,
    models: q.model,
    families: q.family,
    categories: q.category,
    minParamsB: q.minParams,
    maxParamsB: q.maxParams,
    paramsAxis: q.params,
    source: q.source,
    condition: q.condition,
    sort: q.sort ?? null,
    descending: q.desc,
  }));
