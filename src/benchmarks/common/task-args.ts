import { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';

/** Arguments every benchmark task accepts: a local file or folder, a prompt variant, a seed. */
export const TaskArgs = z.object({
  /** A local copy of the data (file, or folder holding it); searched before mirror, cache and download. */
  file: z.string().min(1).optional(),
  /** Prompt variant id (see the benchmark's README). */
  prompt: z.string().min(1).optional(),
  seed: z.number().int().default(0),
});
export type TaskArgs = z.infer<typeof TaskArgs>;

export function parseTaskArgs<S extends z.ZodType>(
  task: string,
  schema: S,
  args: Record<string, unknown>,
): z.infer<S> {
  const r = schema.safeParse(args);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError(
      `task ${task}: argument ${issue.path.join('.') || '(args)'}: ${issue.message}`,
      EXIT.usage,
    );
  }
  return r.data;
}

/** Picks a prompt variant by id, with a clear error listing the known ones. */
export function pickPrompt<T>(
  task: string,
  prompts: Record<string, T>,
  id: string | undefined,
  fallback: string,
): [string, T] {
  const key = id ?? fallback;
  const p = prompts[key];
  if (!p)
    throw new UserError(
      `task ${task}: unknown prompt "${key}" (known: ${Object.keys(prompts).join(', ')})`,
      EXIT.usage,
    );
  return [key, p];
}
