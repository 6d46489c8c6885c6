import { z } from 'zod';

export const FindingKind = z.enum([
  'efficiency-outlier',
  'underperformer',
  'tier',
  'trend',
  'extreme',
  'consistent-sign',
  'pair-improvement',
  'baseline-crossing',
  'dominance',
  'within-noise',
]);
export type FindingKind = z.infer<typeof FindingKind>;

/**
 * One statement about the data, with the numbers behind it. `text` is one plain sentence; every
 * number in it is computed from the data and also appears in `evidence` or `value`.
 */
export const Finding = z.object({
  kind: FindingKind,
  subjects: z.object({
    models: z.array(z.string()).default([]),
    benchmarks: z.array(z.string()).default([]),
  }),
  /** What `value` measures, e.g. "standardized-residual", "pearson-r", "mean-gain". */
  metric: z.string().min(1),
  value: z.number().nullable(),
  evidence: z.record(z.string(), z.unknown()).default({}),
  text: z.string().min(1),
});
export type Finding = z.infer<typeof Finding>;
export type FindingInput = z.input<typeof Finding>;

export function finding(input: FindingInput): Finding {
  return Finding.parse(input);
}
