/** What it takes to start one sandboxed supervisor. */
export interface SandboxCommandOptions {
  /** The bubblewrap binary, or null to run without a sandbox (--unsafe-local). */
  bwrap: string | null;
  python: string;
  /** The supervisor's source, passed with `python -c`. */
  supervisorSource: string;
  /** Size of the sandbox's tmpfs work folder. */
  tmpfsBytes: number;
  /** Host uid of the caller. As root, setpriv first drops to `uid`, because the kernel exempts uid 0 from RLIMIT_NPROC. */
  hostUid: number;
  /** Unprivileged uid (and gid) the programs run as. */
  uid: number;
  setpriv: string;
  /** Work folder for unsafe-local mode (in the sandbox it is the tmpfs /tmp). */
  localWorkDir: string;
}

export interface SandboxCommand {
  file: string;
  args: string[];
}

/** The read-only paths a Python runtime needs; nothing else of the host is visible. */
const RUNTIME_SYMLINKS: [string, string][] = [
  ['usr/lib', '/lib'],
  ['usr/lib64', '/lib64'],
  ['usr/bin', '/bin'],
  ['usr/sbin', '/sbin'],
];

/**
 * The command line that starts a supervisor: inside bubblewrap (no network, new PID/IPC/UTS/user
 * namespaces, only /usr read-only, a tmpfs /tmp, the supervisor as PID 1 so programs cannot signal it)
 * or, in unsafe-local mode, as a plain process.
 */
export function buildSandboxCommand(o: SandboxCommandOptions): SandboxCommand {
  const py = [o.python, '-I', '-c', o.supervisorSource];
  if (o.bwrap === null) return { file: o.python, args: [...py.slice(1), o.localWorkDir] };
  const bw = [
    '--unshare-all',
    '--unshare-user',
    '--uid',
    String(o.uid),
    '--gid',
    String(o.uid),
    '--disable-userns',
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
    '/tmp',
  ];
  if (o.hostUid !== 0) return { file: o.bwrap, args: bw };
  return {
    file: o.setpriv,
    args: [
      `--reuid=${o.uid}`,
      `--regid=${o.uid}`,
      '--clear-groups',
      '--inh-caps=-all',
      '--bounding-set=-all',
      '--',
      o.bwrap,
      ...bw,
    ],
  };
}
