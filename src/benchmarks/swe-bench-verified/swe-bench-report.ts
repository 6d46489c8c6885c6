import { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { Result } from '../../core/schema/index.ts';
import { parseJsonDocument } from '../../adapters/datasets/read-rows.ts';

/** SWE-bench Verified's size: resolved rates are over all 500 instances, as the leaderboard reports them. */
export const SWE_BENCH_VERIFIED_SIZE = 500;

/** The summary report swebench.harness.run_evaluation writes (<model>.<run_id>.json). */
export const SweReport = z.looseObject({
  total_instances: z.number().int().positive(),
  submitted_instances: z.number().int().nonnegative(),
  completed_instances: z.number().int().nonnegative(),
  resolved_instances: z.number().int().nonnegative(),
  unresolved_instances: z.number().int().nonnegative().optional(),
  empty_patch_instances: z.number().int().nonnegative().optional(),
  error_instances: z.number().int().nonnegative().optional(),
  resolved_ids: z.array(z.string()),
  unresolved_ids: z.array(z.string()).optional(),
  error_ids: z.array(z.string()).optional(),
  empty_patch_ids: z.array(z.string()).optional(),
  schema_version: z.number().optional(),
});
export type SweReport = z.infer<typeof SweReport>;

export interface ReportSource {
  model: string;
  /** A Yardstick run id (source "run"), or a paper (source "publication"). */
  runId?: string;
  paper?: string;
  /** Instances the rate is over; default: the report's total_instances. */
  total?: number;
  note?: string;
}

/** Parses a report file's text, naming the file and field on bad input. */
export function parseSweReport(text: string, file: string): SweReport {
  const raw = parseJsonDocument(file, text);
  const r = SweReport.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError(
      `${file}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      EXIT.invalidInput,
    );
  }
  if (r.data.resolved_ids.length !== r.data.resolved_instances)
    throw new UserError(
      `${file}: field resolved_ids: ${r.data.resolved_ids.length} ids but resolved_instances is ${r.data.resolved_instances}`,
      EXIT.invalidInput,
    );
  return r.data;
}

/** The report as one resolved-rate result (% of all instances, n = that count). */
export function reportToResult(report: SweReport, src: ReportSource): Result {
  const n = src.total ?? report.total_instances;
  if (report.resolved_instances > n)
    throw new UserError(
      `${report.resolved_instances} resolved instances but only ${n} in total`,
      EXIT.invalidInput,
    );
  if (!src.runId === !src.paper) throw new UserError('give exactly one of a run id or a paper', EXIT.usage);
  const p = report.resolved_instances / n;
  return Result.parse({
    model: src.model,
    benchmark: 'swe-bench-verified',
    metric: 'resolved-rate',
    value: 100 * p,
    unit: '%',
    n,
    stderr: 100 * Math.sqrt((p * (1 - p)) / n),
    source: src.runId ? 'run' : 'publication',
    runId: src.runId ?? null,
    paper: src.paper ?? null,
    note:
      src.note ??
      `official harness: ${report.resolved_instances} resolved of ${n} (${report.completed_instances} completed, ${report.empty_patch_instances ?? 0} empty patches, ${report.error_instances ?? 0} errors)`,
  });
}
