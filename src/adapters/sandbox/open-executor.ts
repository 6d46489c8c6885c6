import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { buildSandboxCommand } from '../../core/sandbox/sandbox-command.ts';
import type { CodeExecutor } from './code-executor.ts';
import { SandboxPool } from './sandbox-pool.ts';

export interface ExecutorOptions {
  /** Run programs without bubblewrap, as this user, with only rlimits and a process group. */
  unsafeLocal?: boolean;
  /** Supervisors in the pool (default: 2 per core, since timed-out programs mostly wait). */
  workers?: number;
  python?: string;
  bwrap?: string;
  /** Size of each sandbox's tmpfs work folder. */
  tmpfsBytes?: number;
  /** Size of each sandbox's /dev/shm. */
  shmBytes?: number;
  /** Not root: the unprivileged uid the sandbox runs as. */
  uid?: number;
  /** Time a supervisor gets, past a job's own limits, to answer before it is killed and replaced. */
  replyMarginMs?: number;
  onWarning?: (message: string) => void;
}

export const SUPERVISOR_PATH = new URL('./supervisor.py', import.meta.url);
/** The supervisor's source, in order: one `python -c` program (supervisor.py, last, starts it). */
const SUPERVISOR_PARTS = [
  'lockdown.py',
  'plain-data.py',
  'reference-semantics.py',
  'program-host.py',
  'checker.py',
  'spawner.py',
  'supervisor.py',
].map((f) => new URL(`./${f}`, import.meta.url));
const LAUNCHER_PATH = new URL('./enter-userns.py', import.meta.url);

/** As root, each sandbox gets three host uids of its own (see enter-userns.py), from this range. */
const HOST_UID_BASE = 1_800_000_000;
let sandboxesStarted = 0;

function nextHostBase(): number {
  const slot = (process.pid % 65_536) * 256 + (sandboxesStarted++ % 256);
  return HOST_UID_BASE + slot * 4;
}

const INSTALL_HINT =
  'Install it (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap), ' +
  'or pass --unsafe-local to run model-written code directly on this machine (not recommended).';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | null {
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')]) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** The bubblewrap binary, or null when it is not installed. */
export function findBwrap(explicit?: string): string | null {
  if (explicit) return executable(explicit) ? explicit : null;
  return findOnPath('bwrap');
}

/**
 * Opens a pool of code sandboxes. Refuses (UserError) when bubblewrap is missing, unless unsafeLocal
 * is set, which runs the same supervisor unsandboxed after a warning. Resolves once the pool is up.
 */
export async function openExecutor(o: ExecutorOptions = {}): Promise<CodeExecutor> {
  const python = o.python ?? (executable('/usr/bin/python3') ? '/usr/bin/python3' : findOnPath('python3'));
  if (!python) throw new UserError('python3 is not installed: code benchmarks need it', EXIT.failure);
  const bwrap = o.unsafeLocal ? null : findBwrap(o.bwrap);
  if (!o.unsafeLocal && bwrap === null)
    throw new UserError(
      `bubblewrap (bwrap) is not installed, so model-written code cannot be run safely. ${INSTALL_HINT}`,
      EXIT.failure,
    );
  if (o.unsafeLocal)
    (o.onWarning ?? ((m: string) => process.emitWarning(m)))(
      'running model-written code WITHOUT a sandbox (--unsafe-local): it can read, change and delete your files',
    );
  const supervisorSource = SUPERVISOR_PARTS.map((u) => readFileSync(u, 'utf8')).join('\n');
  const launcherSource = readFileSync(LAUNCHER_PATH, 'utf8');
  const hostUid = process.getuid?.() ?? 1000;
  const localRoot = o.unsafeLocal ? mkdtempSync(join(tmpdir(), 'yardstick-exec-')) : '/tmp';
  const pool = new SandboxPool({
    kind: bwrap ? 'bwrap' : 'unsafe-local',
    workers: o.workers ?? Math.max(2, availableParallelism() * 2),
    command: () =>
      buildSandboxCommand({
        bwrap,
        python,
        supervisorSource,
        launcherSource,
        tmpfsBytes: o.tmpfsBytes ?? 256 * 1024 ** 2,
        shmBytes: o.shmBytes ?? 64 * 1024 ** 2,
        hostUid,
        uid: o.uid ?? 65534,
        hostBase: nextHostBase(),
        localWorkDir: localRoot,
      }),
    replyMarginMs: o.replyMarginMs,
    // The unsandboxed runs' job folders go with the executor; the sandbox's live in its own tmpfs.
    onClose: o.unsafeLocal
      ? () => rmSync(localRoot, { recursive: true, force: true, maxRetries: 3 })
      : undefined,
  });
  try {
    await pool.started();
  } catch (err) {
    await pool.close();
    throw new UserError(
      `${(err as Error).message}${bwrap ? ' (bubblewrap needs unprivileged user namespaces, or run as root)' : ''}`,
      EXIT.failure,
    );
  }
  return pool;
}
