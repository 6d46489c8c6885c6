import { z } from 'zod';

/** A list from repeated keys or comma-separated values; absent means empty. */
export const listField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v])
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** One string; empty or absent means null. */
export const textField = z
  .string()
  .optional()
  .transform((v) => (v ? v : null));

/** A non-negative number written in the query string. */
export const numberField = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: `expected a non-negative number, got "${v}"` });
      return z.NEVER;
    }
    return n;
  });

/** "1"/"true" or "0"/"false". */
export const flagField = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? null : v === '1' || v === 'true'));
