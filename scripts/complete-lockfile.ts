// Adds to package-lock.json the platform-specific optional packages (other operating systems and CPUs)
// that a partial registry mirror does not serve. npm leaves them out of the lockfile when it cannot
// fetch their metadata, and `npm ci` then rejects the lockfile as out of sync. Each entry records the
// version the parent pins and the platform it is for, so npm skips it on this platform and fetches
// it (from a full registry) on that one. Run after `npm install`: node scripts/complete-lockfile.ts
import { readFileSync, writeFileSync } from 'node:fs';

interface Entry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

/** The platform a package name announces (e.g. "-darwin-arm64", "-linux-x64-musl", "-win32-x64-msvc"). */
export function platformOf(name: string): Pick<Entry, 'os' | 'cpu' | 'libc'> | null {
  const base = name.split('/').pop() ?? name;
  const os = /(^|-)(darwin|mac)(-|$)/.test(base)
    ? 'darwin'
    : /(^|-)(win32|win)(-|$)/.test(base)
      ? 'win32'
      : /(^|-)android(-|$)/.test(base)
        ? 'android'
        : /(^|-)(linux|freebsd)(-|$)/.test(base)
          ? (/(freebsd)/.exec(base)?.[1] ?? 'linux')
          : null;
  const cpu = /(^|-)(arm64|x64|arm|riscv64|ia32|s390x|ppc64|loong64)(-|$)/.exec(base)?.[2] ?? null;
  if (!os || !cpu) return null;
  const out: Pick<Entry, 'os' | 'cpu' | 'libc'> = { os: [os], cpu: [cpu] };
  if (os === 'linux') out.libc = [base.includes('musl') ? 'musl' : 'glibc'];
  return out;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, Entry> };
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    lock.packages[`node_modules/${name}`] = { version: spec, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} platform entries to package-lock.json\n`);
