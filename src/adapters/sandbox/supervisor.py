"""Yardstick sandbox supervisor.

A long-lived Python process that runs untrusted programs, one job at a time. Under bubblewrap it is PID
1 of its own PID namespace, so the programs it runs cannot signal it, and after every job it kills every
process of the job. Node talks to it over stdin/stdout with length-prefixed JSON (4-byte
big-endian length, then UTF-8 JSON). The source is lockdown.py, plain-data.py, reference-semantics.py,
program-host.py, checker.py and spawner.py, followed by this file.

For each job it forks, ahead of time (as root: through the spawner, a clean copy of itself made before
the first job; see spawner.py), the program's process (program-host.py): a new session, the sample's uid
(different from the supervisor's, when started as root; see enter-userns.py), no capabilities, not
dumpable, a seccomp filter, resource limits (CPU, address space, file size, process count), a fresh
size-capped tmpfs. It gets the program only (never the tests' code, the expected outputs or any
verdict), runs it and answers calls over two pipes; it has no descriptor leading to the channel to Node.
The checks (checker.py: the tests' code, LiveCodeBench's comparisons) run here, in the supervisor,
calling the program's functions through those pipes; only they write verdicts. Each test has a
wall-clock deadline; after the job every process of the sample is killed (as root: a kill(-1) made as
the sample's uid, which spares the spawner; otherwise, as PID 1, a kill(-1)).

Semantics follow the reference harnesses:
  - mode "human-eval": the program runs in a fresh globals dict ({}), under openai/human-eval's
    reliability_guard and swallow_io, with an interval timer raising TimeoutException at the limit.
    Any BaseException (SystemExit, exit() after the guard set it to None...) fails the sample.
  - mode "lcb-call" / "lcb-stdio": LiveCodeBench's testing_util: its import preamble, its module
    construction, its stdin patching and output comparison, stopping at the first failed test.
"""

import fcntl
import gc
import json
import os
import resource
import select
import shutil
import signal
import struct
import sys
import time

LCB_PRELOAD = (
    "bisect collections copy datetime decimal functools heapq itertools math operator random re "
    "statistics string typing unittest.mock"
).split()
_lcb_loaded = False


def preload_lcb():
    """Imports what LiveCodeBench's preamble needs once, in the supervisor, so children get it free."""
    global _lcb_loaded
    if not _lcb_loaded:
        import importlib

        for name in LCB_PRELOAD:
            importlib.import_module(name)
        _lcb_loaded = True
        freeze()


def freeze():
    import gc

    gc.collect()
    gc.freeze()

PROTO_IN = os.dup(0)
PROTO_OUT = os.dup(1)
_devnull = os.open("/dev/null", os.O_RDWR)
os.dup2(_devnull, 0)
os.dup2(2, 1)
CONTAINED = os.getpid() == 1
CONFIG = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
WORK_ROOT = CONFIG.get("work", "/tmp")
# The sample uids (two, alternating) when the supervisor can switch uids: root of its own namespace.
SAMPLE_UID = CONFIG.get("sampleUid") if CONTAINED and os.getuid() == 0 else None
TMPFS_BYTES = CONFIG.get("tmpfsBytes", 256 << 20)
SHM_BYTES = CONFIG.get("shmBytes", 64 << 20)
TMPFS_INODES = CONFIG.get("inodes", 16384)
# As root of the namespace: the clean process the programs' processes are forked from (spawner.py).
SPAWNER = None

# ---------------------------------------------------------------- protocol


def read_exact(n):
    buf = b""
    while len(buf) < n:
        chunk = os.read(PROTO_IN, n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def read_msg():
    head = read_exact(4)
    if head is None:
        return None
    (n,) = struct.unpack(">I", head)
    body = read_exact(n)
    return None if body is None else json.loads(body.decode("utf-8"))


def write_msg(obj):
    data = json.dumps(obj).encode("utf-8")
    os.write(PROTO_OUT, struct.pack(">I", len(data)) + data)



# ---------------------------------------------------------------- child side


class Recorder:
    """The checks' verdict per test, kept in the supervisor (only the checks write here)."""

    def __init__(self, n):
        self.results = [None] * n

    def test(self, index, verdict, ms, exc_type=None, message=None, output=None):
        rec = {"t": index, "v": verdict, "ms": ms}
        if exc_type:
            rec["x"] = exc_type[:MSG_CAP]
        if message:
            rec["m"] = message[:MSG_CAP]
        if output is not None:
            rec["o"] = output[:MSG_CAP]
        self.results[index] = rec


def read_job(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    return json.loads(b"".join(chunks).decode("utf-8"))


def place_fds(fds):
    """Moves `fds` to 3, 4, ... (in order), and closes every other descriptor from 3 up; 0-2 /dev/null."""
    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 256) for fd in fds]
    for i, fd in enumerate(high):
        os.dup2(fd, 3 + i)
    os.closerange(3 + len(fds), 1 << 16)
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    if null > 2:
        os.close(null)


def program_main(job_fd, ans_fd, req_fd, workdir, uid, _exit=os._exit):
    """A pre-forked program's process: ready (own session, uid, filter, work folder, guard) before its
    job arrives. fd 3 answers the checker, fd 4 brings the job (the program, without its tests), fd 5
    brings the checker's requests. Its exit status means nothing."""
    try:
        os.setsid()
        place_fds([ans_fd, job_fd, req_fd])
        drop_to(uid)
        os.chdir(workdir)
        os.environ["HOME"] = workdir
        os.environ["TMPDIR"] = workdir
        reliability_guard()
        job = read_job(4)
        os.close(4)
        lim = job["limits"]
        total = sum(job["timeouts"]) / 1000.0 + job["graceMs"] / 1000.0
        cpu = int(total) + 2
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if lim.get("memoryBytes"):
            resource.setrlimit(resource.RLIMIT_AS, (lim["memoryBytes"], lim["memoryBytes"]))
        if lim.get("fileBytes"):
            resource.setrlimit(resource.RLIMIT_FSIZE, (lim["fileBytes"], lim["fileBytes"]))
        if lim.get("processes"):
            resource.setrlimit(resource.RLIMIT_NPROC, (lim["processes"], lim["processes"]))
        chan = HostChannel(5, 3)
        if job["mode"] == "human-eval":
            host_human_eval(job, chan)
        else:
            host_lcb(job, chan, job["mode"] == "lcb-stdio")
    except BaseException:  # noqa: BLE001
        pass
    _exit(0)


def program_part(job):
    """What the program's process gets: the program (in human-eval mode, the lines before the checker
    line), the time limits and resource limits; never the tests' code or expected outputs."""
    program = job["program"]
    if job["mode"] == "human-eval":
        program = "\n".join(program.split("\n")[: checker_line(job) - 1])
    return {
        "mode": job["mode"],
        "program": program,
        "fnName": job.get("fnName"),
        "timeouts": [t["timeoutMs"] for t in job["tests"]],
        "graceMs": job["graceMs"],
        "stackDepth": job.get("stackDepth") or 0,
        "limits": job["limits"],
    }


# ---------------------------------------------------------------- supervisor side


def kill_all(pids, uid=None):
    for pid in pids:
        for kill in (os.killpg, os.kill):  # its group, and itself if it has no group of its own yet
            try:
                kill(pid, signal.SIGKILL)
            except OSError:
                pass
    if SPAWNER is not None and uid is not None:
        # Every process of the sample's uid, and nothing else (the spawner stays): kill(-1) as that uid.
        os.setresuid(uid, uid, 0)
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        finally:
            os.setresuid(0, 0, 0)
            protect_supervisor()  # a uid change resets the dumpable flag
    elif CONTAINED:
        # PID 1 of its own namespace: every other process here belongs to the job that just ran.
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass


def reap(pids, statuses):
    """Waits for the job's processes (those whose status is not known yet); under PID 1, every orphan too."""
    if SPAWNER is not None:
        return reap_all_but_spawner()
    left = [p for p in pids if p not in statuses]
    while CONTAINED or left:
        try:
            p, st = os.waitpid(-1 if CONTAINED else left[0], 0)
        except ChildProcessError:
            break
        if p in left:
            statuses[p] = st
            left.remove(p)
    return statuses


def reap_all_but_spawner():
    """With a spawner, after the kill: waits until no process but this one and the spawner is left in
    the namespace (killed ones are gone within moments), reaping the orphans that come to this one."""
    end = time.monotonic() + 10
    keep = {"1", str(SPAWNER.pid)}
    while time.monotonic() < end:
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            pass
        if not [p for p in os.listdir("/proc") if p.isdigit() and p not in keep]:
            break
        time.sleep(0.0002)
    return {}


def clear_dir(path):
    """Removes everything inside `path` (not `path` itself)."""
    try:
        names = os.listdir(path)
    except OSError:
        return
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            shutil.rmtree(full, ignore_errors=True)
        else:
            try:
                os.unlink(full)
            except OSError:
                pass


def prefork(seq):
    """Forks the next job's program's process (program_main) ahead of time, off the job's critical
    path, with its three pipes: its job, the checks' requests and its answers.

    As root of its namespace, the supervisor gives every sample a new, empty /tmp and /dev/shm owned
    by the sample's uid (alternating between two), so nothing of an earlier sample is visible.
    """
    uid = None if SAMPLE_UID is None else SAMPLE_UID + seq % 2
    if uid is not None:
        hand_over_tmpfs(WORK_ROOT, TMPFS_BYTES, TMPFS_INODES, uid)
        hand_over_tmpfs("/dev/shm", SHM_BYTES, TMPFS_INODES, uid)
        workdir = WORK_ROOT
    else:
        workdir = os.path.join(WORK_ROOT, "job-%d-%d" % (os.getpid(), seq))
        os.mkdir(workdir, 0o700)
    jr, jw = os.pipe()  # the program's job
    qr, qw = os.pipe()  # the checks' requests
    ar, aw = os.pipe()  # the program's answers
    try:
        if SPAWNER is not None:
            pid = SPAWNER.spawn([jr, aw, qr], workdir, uid)
        else:
            pid = os.fork()
            if pid == 0:
                program_main(jr, aw, qr, workdir, uid)
    finally:
        for fd in (jr, aw, qr):
            os.close(fd)
    return {"pid": pid, "uid": uid, "jw": jw, "qw": qw, "ar": ar, "workdir": workdir, "own": uid is None}


def cleanup(prepared):
    if prepared["own"]:
        shutil.rmtree(prepared["workdir"], ignore_errors=True)
        if CONTAINED:
            clear_dir("/dev/shm")


def finish(prepared):
    """Kills and reaps everything of the job, closes its pipes and empties its folders."""
    for fd in ("jw", "qw", "ar"):
        if prepared[fd] >= 0:
            os.close(prepared[fd])
    kill_all((prepared["pid"],), prepared["uid"])
    reap((prepared["pid"],), {})
    try:
        cleanup(prepared)
    except BaseException:  # noqa: BLE001
        pass


def settle(results, n):
    """The verdicts, from the checks' records (the program cannot write them). A test left without a
    record before the checks stopped is an error (never a pass); tests after the first one that did not
    pass are skipped."""
    k = next((i for i in range(n) if results[i] is None or results[i]["v"] != "pass"), n)
    if k < n and results[k] is None:
        x, m = "HarnessError", "the checks stopped without a verdict for this test"
        results[k] = {"t": k, "v": "error", "ms": None, "x": x, "m": m}
    for i in range(k + 1, n):
        results[i] = {"t": i, "v": "skipped", "ms": None}
    return results


def send_job(fd, obj):
    data = json.dumps(obj).encode("utf-8")
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        pass  # the process died before reading its job: the checks see its end of file
    os.close(fd)


def run_job(job, prepared):
    """Runs the job's checks here, against the program's pre-forked process, which is killed as soon as
    they end (and reaped, with everything it started, by finish() after the reply)."""
    n = len(job["tests"])
    started = time.perf_counter()
    rep = Recorder(n)
    send_job(prepared["jw"], program_part(job))
    prepared["jw"] = -1
    try:
        run_checks(job, rep, ProgramLink(prepared["qw"], prepared["ar"]))
    except BaseException as e:  # noqa: BLE001  (a fault of the checks themselves: never a pass)
        k = next((i for i in range(n) if rep.results[i] is None), None)
        if k is not None:
            x, m = describe(e)
            rep.test(k, "error", None, "HarnessError", "%s: %s" % (x, m))
    kill_all((prepared["pid"],), prepared["uid"])
    settle(rep.results, n)
    return {"id": job["id"], "tests": rep.results, "wallMs": round((time.perf_counter() - started) * 1000.0, 3)}


def main():
    protect_supervisor()
    if SAMPLE_UID is not None:
        os.chdir("/")
    freeze()
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    global SPAWNER
    if SAMPLE_UID is not None:
        SPAWNER = start_spawner()  # before any job: the programs' processes come from a clean copy
    write_msg({"ready": True, "python": sys.version.split()[0], "contained": CONTAINED, "uid": SAMPLE_UID})
    seq = 0
    prepared = None
    while True:
        if prepared is None:
            seq += 1
            # Without a spawner the next program's process is a copy of this one: nothing of an earlier
            # job (its tests, its expected outputs) may still be reachable here when it is forked.
            if SPAWNER is None:
                gc.collect()
            try:
                prepared = prefork(seq)
            except OSError:
                if SPAWNER is not None:
                    return  # the spawner is gone: a new supervisor (and spawner) replaces this one
                prepared = None
        job = read_msg()
        if job is None:
            if prepared is not None:
                finish(prepared)
            if SPAWNER is not None:
                SPAWNER.sock.close()
            return
        if str(job.get("mode", "")).startswith("lcb") and not _lcb_loaded:
            preload_lcb()  # for the next ones; the process already forked imports what it needs itself
            if SPAWNER is not None:
                SPAWNER.preload_lcb()
        try:
            if prepared is None:
                raise OSError("the program's process could not be started")
            reply = run_job(job, prepared)
        except BaseException as e:  # noqa: BLE001
            reply = {"id": job.get("id"), "error": describe(e)[0] + ": " + describe(e)[1]}
        write_msg(reply)
        if prepared is not None:
            finish(prepared)  # before the next sample's process exists
        prepared = job = reply = None


if __name__ == "__main__":
    main()
