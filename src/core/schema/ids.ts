import { z } from 'zod';

/** A lowercase slug: letters, digits, dots, dashes and underscores, starting with a letter or digit. */
export const Slug = z
  .string()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a lowercase slug (a-z, 0-9, ".", "-", "_")');
export type Slug = z.infer<typeof Slug>;

/** Calendar date as YYYY-MM-DD (or YYYY-MM when only the month is known). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date YYYY-MM-DD or YYYY-MM');
