import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The ../shared folder beside the checkout (datasets, figures, models), or null when it is absent. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function sharedPath(rel: string): string | null {
  const p = `${SHARED_DIR}${rel}`;
  return existsSync(p) ? p : null;
}

/** For `test(name, { skip: skipWithoutShared('datasets/gsm8k') }, ...)`: a visible reason, or false. */
export function skipWithoutShared(rel: string): string | false {
  return sharedPath(rel) ? false : `../shared/${rel} is absent: this test needs the shared benchmark files`;
}
