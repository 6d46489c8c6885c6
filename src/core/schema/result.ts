import { z } from 'zod';
import { Slug } from './ids.ts';

export const Unit = z.enum(['%', 'fraction', 'pp']);
export type Unit = z.infer<typeof Unit>;

export const DEFAULT_CONDITION = 'default';

/**
 * One number: model x benchmark x condition -> value.
 *
 * A plain score has no `baseline`. A delta has `baseline` set: its value is
 * score(condition) - score(baseline), the form in which papers report an intervention.
 * The source is either a measured run or a publication.
 */
export const Result = z
  .object({
    model: Slug,
    benchmark: Slug,
    condition: z.string().min(1).default(DEFAULT_CONDITION),
    baseline: z.string().min(1).nullable().default(null),
    metric: z.string().min(1),
    value: z.number().finite(),
    unit: Unit.default('%'),
    n: z.number().int().positive().nullable().default(null),
    k: z.number().int().positive().nullable().default(null),
    stderr: z.number().nonnegative().nullable().default(null),
    ciLow: z.number().nullable().default(null),
    ciHigh: z.number().nullable().default(null),
    ciLevel: z.number().gt(0).lt(1).nullable().default(null),
    source: z.enum(['run', 'publication']),
    runId: z.string().min(1).nullable().default(null),
    paper: z.string().min(1).nullable().default(null),
    figure: z.string().min(1).nullable().default(null),
    table: z.string().min(1).nullable().default(null),
    url: z.url().nullable().default(null),
    /** True when the value was read off a chart rather than printed. */
    approximate: z.boolean().default(false),
    /** A mark the publication attaches to the point, such as "†". */
    annotation: z.string().min(1).nullable().default(null),
    note: z.string().nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.source === 'run' && !r.runId)
      ctx.addIssue({ code: 'custom', path: ['runId'], message: 'required when source is "run"' });
    if (r.source === 'publication' && !r.paper)
      ctx.addIssue({ code: 'custom', path: ['paper'], message: 'required when source is "publication"' });
    if ((r.ciLow === null) !== (r.ciHigh === null))
      ctx.addIssue({ code: 'custom', path: ['ciHigh'], message: 'ciLow and ciHigh go together' });
    if (r.ciLow !== null && r.ciHigh !== null && r.ciLow > r.ciHigh)
      ctx.addIssue({ code: 'custom', path: ['ciLow'], message: 'must not exceed ciHigh' });
    if (r.baseline !== null && r.baseline === r.condition)
      ctx.addIssue({
        code: 'custom',
        path: ['baseline'],
        message: 'a delta needs a baseline different from its condition',
      });
  });
export type Result = z.infer<typeof Result>;
export type ResultInput = z.input<typeof Result>;

/** Where a result came from, as one string: the run id, or paper plus figure or table. */
export function sourceKey(r: Pick<Result, 'source' | 'runId' | 'paper' | 'figure' | 'table'>): string {
  if (r.source === 'run') return `run:${r.runId}`;
  return `pub:${r.paper}#${r.figure ?? r.table ?? ''}`;
}

/** The natural key a result is upserted by. Two results with the same key describe the same number. */
export function resultKey(r: Result): string {
  return [r.model, r.benchmark, r.condition, r.baseline ?? '', r.metric, sourceKey(r)].join('|');
}

export function isDelta(r: Pick<Result, 'baseline'>): boolean {
  return r.baseline !== null;
}
