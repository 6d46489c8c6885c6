/** What it takes to start one sandboxed supervisor. */
export interface SandboxCommandOptions {
  /** The bubblewrap binary, or null to run without a sandbox (--unsafe-local). */
  bwrap: string | null;
  python: string;
  /** The supervisor's source (lockdown.py ... supervisor.py: see open-executor.ts), passed with `python -c`. */
  supervisorSource: string;
  /** The source of enter-userns.py, which maps the supervisor's and the samples' uids when run as root. */
  launcherSource: string;
  /** Size of the sandbox's tmpfs work folder (renewed for every sample when run as root). */
  tmpfsBytes: number;
  /** Size of the sandbox's /dev/shm. */
  shmBytes: number;
  /** Host uid of the caller. */
  hostUid: number;
  /** Not root: the one unprivileged uid (and gid) the supervisor and programs run as. */
  uid: number;
  /** Root: the first of three host uids for this sandbox (supervisor, then two alternating sample uids). */
  hostBase: number;
  /** Work folder for unsafe-local mode (in the sandbox it is the tmpfs /tmp). */
  localWorkDir: string;
}

export interface SandboxCommand {
  file: string;
  args: string[];
}

/** The sample uids inside the sandbox's user namespace when run as root (the supervisor is 0). */
export const SAMPLE_UID = 1000;

/** The read-only paths a Python runtime needs; nothing else of the host is visible. */
const RUNTIME_SYMLINKS: [string, string][] = [
  ['usr/lib', '/lib'],
  ['usr/lib64', '/lib64'],
  ['usr/bin', '/bin'],
  ['usr/sbin', '/sbin'],
];

/**
 * Capabilities the supervisor keeps as root of its namespace: to switch uids, kill the samples, mount
 * tmpfs, and look into and hand over a sample's empty tmpfs to the next one.
 */
const SUPERVISOR_CAPS = [
  'CAP_SETUID',
  'CAP_SETGID',
  'CAP_KILL',
  'CAP_SYS_ADMIN',
  'CAP_CHOWN',
  'CAP_FOWNER',
  'CAP_DAC_READ_SEARCH',
];

/**
 * The command line that starts a supervisor: inside bubblewrap (no network, new PID/IPC/UTS/mount
 * namespaces, only /usr read-only, a read-only root and /dev, size-capped tmpfs /tmp and /dev/shm, the
 * supervisor as PID 1 so programs cannot signal it) or, in unsafe-local mode, as a plain process.
 *
 * As root, enter-userns.py first creates a user namespace with three uids, so the samples run under a
 * uid other than the supervisor's (bubblewrap alone maps one); otherwise bubblewrap's own user
 * namespace maps the caller to `uid`, and samples share it with the supervisor (which is not dumpable).
 */
export function buildSandboxCommand(o: SandboxCommandOptions): SandboxCommand {
  const root = o.hostUid === 0 && o.bwrap !== null;
  const config = JSON.stringify({
    work: o.bwrap === null ? o.localWorkDir : '/tmp',
    sampleUid: root ? SAMPLE_UID : null,
    tmpfsBytes: o.tmpfsBytes,
    shmBytes: o.shmBytes,
  });
  const py = [o.python, '-I', '-c', o.supervisorSource, config];
  if (o.bwrap === null) return { file: o.python, args: py.slice(1) };
  const namespaces = root
    ? [
        '--unshare-pid',
        '--unshare-net',
        '--unshare-ipc',
        '--unshare-uts',
        '--unshare-cgroup-try',
        '--cap-drop',
        'ALL',
        ...SUPERVISOR_CAPS.flatMap((c) => ['--cap-add', c]),
      ]
    : ['--unshare-all', '--unshare-user', '--uid', String(o.uid), '--gid', String(o.uid), '--disable-userns'];
  const bw = [
    ...namespaces,
    '--die-with-parent',
    '--new-session',
    '--as-pid-1',
    '--ro-bind',
    '/usr',
    '/usr',
    ...RUNTIME_SYMLINKS.flatMap(([target, link]) => ['--symlink', target, link]),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    String(o.tmpfsBytes),
    '--tmpfs',
    '/tmp',
    '--size',
    String(o.shmBytes),
    '--tmpfs',
    '/dev/shm',
    '--remount-ro',
    '/dev',
    '--remount-ro',
    '/',
    '--chdir',
    '/tmp',
    '--clearenv',
    '--setenv',
    'PATH',
    '/usr/bin:/bin',
    '--setenv',
    'HOME',
    '/tmp',
    '--setenv',
    'LANG',
    'C.UTF-8',
    '--',
    ...py,
  ];
  if (!root) return { file: o.bwrap, args: bw };
  return {
    file: o.python,
    args: ['-I', '-c', o.launcherSource, String(o.hostBase), String(SAMPLE_UID), '--', o.bwrap, ...bw],
  };
}
