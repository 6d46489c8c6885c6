import type { z } from 'zod';
import { EXIT, UserError } from '../errors/user-error.ts';
import { didYouMean } from '../format/did-you-mean.ts';

/** Flags the CLI passes to every task (`--unsafe-local`); a task that does not declare one ignores it. */
export const SHARED_TASK_FLAGS: readonly string[] = ['unsafeLocal'];

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

function valueAt(args: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let v: unknown = args;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/**
 * A task's arguments checked against the schema it declares, defaults filled in. An unknown key or
 * a bad value is a one-line UserError naming the task and the argument, with a suggestion when one
 * is close (`unknown argument "promt" (did you mean prompt?)`).
 */
export function parseTaskArgs<S extends z.ZodObject>(
  task: string,
  schema: S,
  args: Record<string, unknown>,
): z.infer<S> {
  const declared = Object.keys(schema.shape);
  const input = Object.fromEntries(
    Object.entries(args).filter(([k]) => declared.includes(k) || !SHARED_TASK_FLAGS.includes(k)),
  );
  const r = schema.strict().safeParse(input);
  if (r.success) return r.data as z.infer<S>;
  const issue = r.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const guess = didYouMean(key, declared);
    const hint = guess
      ? `did you mean ${guess}?`
      : declared.length
        ? `known: ${declared.join(', ')}`
        : 'it takes none';
    throw new UserError(`task ${task}: unknown argument "${key}" (${hint})`, EXIT.usage);
  }
  const name = issue.path.map(String).join('.') || '(arguments)';
  if (issue.code === 'invalid_value' && issue.values.every((v) => typeof v === 'string')) {
    const given = valueAt(input, issue.path);
    const allowed = issue.values as string[];
    const guess = typeof given === 'string' ? didYouMean(given, allowed) : undefined;
    throw new UserError(
      `task ${task}: argument ${name}: ${quote(given)} is not one of ${allowed.join(', ')}` +
        (guess ? ` (did you mean ${guess}?)` : ''),
      EXIT.usage,
    );
  }
  throw new UserError(`task ${task}: argument ${name}: ${issue.message}`, EXIT.usage);
}
