import { createHash } from 'node:crypto';
import { redactKnown } from '../providers/redact.ts';

/** Keys longer than this are stored as their hash (a NOTIFY payload carries the key). */
const MAX_KEY_LENGTH = 500;

/**
 * The key an endpoint's shared budget is stored under: its URL without user:password, query or
 * fragment (where keys of some APIs travel) and without a trailing slash, with every secret this
 * process knows redacted; any other name (a local runtime) as it is. Providers already hand out
 * endpoints without credentials: this makes sure no stored key or NOTIFY payload ever holds one.
 */
export function endpointKey(endpoint: string): string {
  let key = endpoint.trim();
  try {
    const url = new URL(key);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    key = url.href.replace(/\/+$/, '');
  } catch {
    // not a URL: a name, kept as it is
  }
  key = redactKnown(key);
  return key.length > MAX_KEY_LENGTH ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
}
