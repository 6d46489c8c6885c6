import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Downloads `url`, checks its sha256, and writes it to `dest` atomically (temp file + rename),
 * so a cache never holds a partial or unverified file. Returns the bytes.
 */
export async function downloadVerified(
  url: string,
  sha256: string,
  dest: string,
  timeoutMs = 120_000,
): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const data = Buffer.from(await res.arrayBuffer());
  const got = sha256Hex(data);
  if (got !== sha256) throw new Error(`checksum mismatch for ${url}: expected sha256 ${sha256}, got ${got}`);
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = `${dest}.${process.pid}.partial`;
  writeFileSync(tmp, data);
  renameSync(tmp, dest);
  return data;
}
