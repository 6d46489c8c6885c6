import { z } from 'zod';
import { IsoDate, Slug } from './ids.ts';

export const Domain = z.enum([
  'math',
  'code',
  'qa',
  'science',
  'software-engineering',
  'commonsense',
  'other',
]);
export type Domain = z.infer<typeof Domain>;

export const BenchmarkMetric = z.enum([
  'accuracy',
  'pass@1',
  'pass@k',
  'maj@k',
  'resolved-rate',
  'exact-match',
  'f1',
]);
export type BenchmarkMetric = z.infer<typeof BenchmarkMetric>;

/** A benchmark at a fixed version: the same id always means the same items. */
export const Benchmark = z
  .object({
    id: Slug,
    name: z.string().min(1),
    /** Short label for axes, e.g. "CS-QA". Defaults to the name. */
    shortName: z.string().min(1).nullable().default(null),
    version: z.string().min(1).nullable().default(null),
    /** Problems released in this window (LiveCodeBench-style releases). */
    windowStart: IsoDate.nullable().default(null),
    windowEnd: IsoDate.nullable().default(null),
    domain: Domain,
    metric: BenchmarkMetric,
    split: z.string().min(1).nullable().default(null),
    itemCount: z.number().int().positive().nullable().default(null),
    notes: z.string().nullable().default(null),
  })
  .refine((b) => !(b.windowStart && b.windowEnd) || b.windowStart <= b.windowEnd, {
    message: 'windowStart must not be after windowEnd',
    path: ['windowEnd'],
  });
export type Benchmark = z.infer<typeof Benchmark>;
export type BenchmarkInput = z.input<typeof Benchmark>;

export function benchmarkLabel(b: Pick<Benchmark, 'name' | 'shortName'>): string {
  return b.shortName ?? b.name;
}
