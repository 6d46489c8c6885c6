"""Yardstick sandbox supervisor.

A long-lived Python process that runs untrusted programs, one at a time. Under bubblewrap it is PID 1
of its own PID namespace, so the programs it runs cannot signal it, and after every job it kills every
other process in the namespace. Node talks to it over stdin/stdout with length-prefixed JSON
(4-byte big-endian length, then UTF-8 JSON). The source is lockdown.py followed by this file.

For each job it forks a child that starts a new session, drops to the sample's uid (different from the
supervisor's, when started as root; see enter-userns.py), without capabilities, not dumpable, under a
seccomp filter, sets resource limits (CPU, address space, file size, process count), and runs the
job's tests in a fresh, size-capped tmpfs. The child has no descriptor leading to the supervisor's
channel to Node. It reports each test over a pipe as it finishes, but those records are only
details: a sample passes only when the child exits with the job's pass code, a random status the
harness gives it after its tests returned normally. The supervisor gives each test a wall-clock
deadline and kills the child's process group (and, as PID 1, every other process) when it passes.

Semantics follow the reference harnesses:
  - mode "human-eval": the program runs in a fresh globals dict ({}), under openai/human-eval's
    reliability_guard and swallow_io, with an interval timer raising TimeoutException at the limit.
    Any BaseException (SystemExit, exit() after the guard set it to None...) fails the sample.
  - mode "lcb-call" / "lcb-stdio": LiveCodeBench's testing_util: its import preamble, its module
    construction, its stdin patching and output comparison, stopping at the first failed test.
"""

import ast
import builtins
import contextlib
import faulthandler
import io
import json
import os
import resource
import select
import shutil
import signal
import struct
import subprocess  # noqa: F401  (preloaded: the guard imports it in every child)
import sys
import time
import types

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
MSG_CAP = 2000
RECORDS_CAP = 1 << 20
VERDICTS = ("pass", "fail", "error", "timeout")

LCB_IMPORTS = (
    "from string import *\nfrom re import *\nfrom datetime import *\nfrom collections import *\n"
    "from heapq import *\nfrom bisect import *\nfrom copy import *\nfrom math import *\n"
    "from random import *\nfrom statistics import *\nfrom itertools import *\nfrom functools import *\n"
    "from operator import *\nfrom io import *\nfrom sys import *\nfrom json import *\n"
    "from builtins import *\nfrom typing import *\nimport string\nimport re\nimport datetime\n"
    "import collections\nimport heapq\nimport bisect\nimport copy\nimport math\nimport random\n"
    "import statistics\nimport itertools\nimport functools\nimport operator\nimport io\nimport sys\n"
    "import json\nsys.setrecursionlimit(50000)\n"
)


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


# ---------------------------------------------------------------- reference semantics


class TimeoutException(Exception):
    pass


class WriteOnlyStringIO(io.StringIO):
    """human-eval's swallow_io stream: reading raises; writing is kept up to a cap, then discarded."""

    cap = 1 << 20

    def write(self, s):
        if self.tell() < self.cap:
            return super().write(s)
        return len(s)

    def read(self, *args, **kwargs):
        raise IOError

    def readline(self, *args, **kwargs):
        raise IOError

    def readlines(self, *args, **kwargs):
        raise IOError

    def readable(self, *args, **kwargs):
        return False


class redirect_stdin(contextlib._RedirectStream):  # type: ignore
    _stream = "stdin"


@contextlib.contextmanager
def swallow_io():
    stream = WriteOnlyStringIO()
    with contextlib.redirect_stdout(stream):
        with contextlib.redirect_stderr(stream):
            with redirect_stdin(stream):
                yield


def on_alarm(signum, frame):
    raise TimeoutException("Timed out!")


def arm(seconds):
    signal.setitimer(signal.ITIMER_REAL, seconds)


def disarm():
    signal.setitimer(signal.ITIMER_REAL, 0)


_guarded = False


def reliability_guard():
    """The same switches as openai/human-eval's reliability_guard (no memory limit: rlimits do that)."""
    global _guarded
    if _guarded:
        return
    _guarded = True
    faulthandler.disable()
    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in (
        "kill system putenv remove removedirs rmdir fchdir setuid fork forkpty killpg rename renames "
        "truncate replace unlink fchmod fchown chmod chown chroot lchflags lchmod lchown getcwd chdir"
    ).split():
        setattr(os, name, None)
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None


def describe(exc):
    return type(exc).__name__, str(exc)[:MSG_CAP]


# ---------------------------------------------------------------- child side


class Reporter:
    """Writes each test's details (not its verdict's authority: see child_main) to the result pipe."""

    def __init__(self, fd):
        self.fd = fd

    def test(self, index, verdict, ms, exc_type=None, message=None, output=None):
        rec = {"t": index, "v": verdict, "ms": ms}
        if exc_type:
            rec["x"] = exc_type
        if message:
            rec["m"] = message[:MSG_CAP]
        if output is not None:
            rec["o"] = output[:MSG_CAP]
        os.write(self.fd, (json.dumps(rec) + "\n").encode("utf-8"))


def pad_stack(depth, fn):
    """Calls fn with the Python stack `depth` frames deep, as deep as the reference harness runs it."""
    f = sys._getframe()
    d = 0
    while f is not None:
        d += 1
        f = f.f_back
    return _pad(depth - d - 1, fn)


def _pad(n, fn):
    if n <= 0:
        return fn()
    return _pad(n - 1, fn)


def future_flags(body):
    import __future__

    flags = 0
    for node in body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                feature = getattr(__future__, alias.name, None)
                if feature is not None:
                    flags |= feature.compiler_flag
    return flags


def segments(program, lines):
    """Splits a module's statements at the given test start lines: [setup, test 1, test 2, ...].

    Executing the segments one after another in the same globals is executing the module. The fast
    path splits the text at the lines; when a part does not compile alone (or __future__ is used)
    the module is parsed whole and its statements are grouped by line instead.
    """
    if "__future__" not in program:
        text = program.split("\n")
        bounds = [0] + [ln - 1 for ln in lines] + [len(text)]
        try:
            codes = []
            for a, b in zip(bounds, bounds[1:]):
                part = "\n" * a + "\n".join(text[a:b])
                codes.append(compile(part, "<string>", "exec", dont_inherit=True))
            return codes
        except SyntaxError:
            pass
    tree = compile(program, "<string>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    flags = future_flags(tree.body)
    parts = [[] for _ in range(len(lines) + 1)]
    for node in tree.body:
        k = 0
        while k < len(lines) and node.lineno >= lines[k]:
            k += 1
        parts[k].append(node)
    return [compile(ast.Module(body=p, type_ignores=[]), "<string>", "exec", flags, dont_inherit=True) for p in parts]


def run_human_eval(job, rep):
    """human-eval's check; True when every test passed (False as soon as one did not)."""
    tests = job["tests"]
    limits = [t["timeoutMs"] / 1000.0 for t in tests]
    reliability_guard()
    try:
        codes = segments(job["program"], [t["line"] for t in tests])
    except BaseException as e:  # SyntaxError and friends: the whole program fails
        x, m = describe(e)
        for i in range(len(tests)):
            rep.test(i, "error", 0, x, m)
        return False
    exec_globals = {}
    signal.signal(signal.SIGALRM, on_alarm)

    # Bound now, before the program runs: a program that replaces builtins.exec cannot skip the tests.
    def body(_exec=exec):
        with swallow_io():
            start = time.perf_counter()
            arm(limits[0])
            for i, code in enumerate(codes):
                k = max(i - 1, 0)  # the setup segment counts toward the first test's limit
                if i >= 2:
                    start = time.perf_counter()
                    arm(limits[k])
                try:
                    _exec(code, exec_globals)
                except TimeoutException:
                    disarm()
                    rep.test(k, "timeout", ms(start), "TimeoutException")
                    return False
                except AssertionError as e:
                    disarm()
                    rep.test(k, "fail", ms(start), "AssertionError", str(e)[:MSG_CAP])
                    return False
                except BaseException as e:
                    disarm()
                    x, m = describe(e)
                    rep.test(k, "error", ms(start), x, m)
                    return False
                if i >= 1:
                    disarm()
                    rep.test(k, "pass", ms(start))
        return True

    return pad_stack(job.get("stackDepth") or 0, body) is True


def ms(start):
    return round((time.perf_counter() - start) * 1000.0, 3)


def lcb_clean_if_name(code):
    try:
        astree = ast.parse(code)
        last_block = astree.body[-1]
        if isinstance(last_block, ast.If):
            condition = last_block.test
            if ast.unparse(condition).strip() == "__name__ == '__main__'":
                code = ast.unparse(astree.body[:-1]) + "\n" + ast.unparse(last_block.body)
    except Exception:
        pass
    return code


def lcb_make_function(code):
    try:
        import_stmts = []
        all_other_stmts = []
        astree = ast.parse(code)
        for stmt in astree.body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                import_stmts.append(stmt)
            else:
                all_other_stmts.append(stmt)
        function_ast = ast.FunctionDef(
            name="wrapped_function",
            args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]),
            body=all_other_stmts,
            decorator_list=[],
            lineno=-1,
        )
        return LCB_IMPORTS + "\n" + ast.unparse(import_stmts) + "\n" + ast.unparse(function_ast)
    except Exception:
        return code


def lcb_stripped_lines(val):
    val = val.strip()
    return [line.strip() for line in val.split("\n")]


def lcb_decimals(line):
    from decimal import Decimal

    try:
        return True, [Decimal(e) for e in line.split()]
    except Exception:
        return False, []


def lcb_same_output(prediction, expected):
    a = lcb_stripped_lines(prediction)
    b = lcb_stripped_lines(expected)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        ok1, dx = lcb_decimals(x)
        if not ok1:
            return False
        ok2, dy = lcb_decimals(y)
        if not ok2:
            return False
        if dx != dy:
            return False
    return True


class CappedStringIO(io.StringIO):
    cap = 1 << 25

    def write(self, s):
        if self.tell() + len(s) > self.cap:
            raise OverflowError("output exceeded the cap")
        return super().write(s)


def run_lcb(job, rep, stdio, _exec=exec):
    """LiveCodeBench's checks; True when every test passed."""
    from unittest.mock import mock_open, patch

    tests = job["tests"]
    first_limit = tests[0]["timeoutMs"] / 1000.0 if tests else 6.0
    reliability_guard()
    signal.signal(signal.SIGALRM, on_alarm)
    code = job["program"]
    start = time.perf_counter()
    try:
        if stdio:
            code = lcb_make_function(lcb_clean_if_name(code))
        else:
            code = LCB_IMPORTS + "\n\n" + code
        arm(first_limit)
        try:
            mod = types.ModuleType("tmp_sol", "")
            _exec(code, mod.__dict__)
            sol = mod.Solution() if (not stdio and "class Solution" in code) else mod
        finally:
            disarm()
        method = getattr(sol, "wrapped_function" if stdio else job["fnName"], None)
        if method is None:
            raise AttributeError("the program defines no " + ("code" if stdio else job["fnName"]))
    except BaseException as e:
        x, m = describe(e)
        rep.test(0, "timeout" if isinstance(e, TimeoutException) else "error", ms(start), x, m)
        return False
    for i, t in enumerate(tests):
        limit = t["timeoutMs"] / 1000.0
        start = time.perf_counter()
        if stdio:
            inputs = t["input"]
            lines = iter(inputs.split("\n"))
            out = CappedStringIO()
            saved = sys.stdout
            sys.stdout = out
            try:
                with patch("builtins.open", mock_open(read_data=inputs)), patch("sys.stdin", io.StringIO(inputs)):
                    with patch("sys.stdin.readline", lambda *a: next(lines)):
                        with patch("sys.stdin.readlines", lambda *a: inputs.split("\n")):
                            with patch("sys.stdin.read", lambda *a: inputs):
                                arm(limit)
                                try:
                                    method()
                                except SystemExit:
                                    pass
                                finally:
                                    disarm()
            except BaseException as e:
                sys.stdout = saved
                x, m = describe(e)
                rep.test(i, "timeout" if isinstance(e, TimeoutException) else "error", ms(start), x, m)
                return False
            sys.stdout = saved
            prediction = out.getvalue()
            if lcb_same_output(prediction, t["output"]):
                rep.test(i, "pass", ms(start))
            else:
                rep.test(i, "fail", ms(start), None, "wrong answer", prediction)
                return False
        else:
            try:
                args = [json.loads(line) for line in t["input"].split("\n")]
                expected = json.loads(t["output"])
                arm(limit)
                try:
                    prediction = method(*args)
                finally:
                    disarm()
                if isinstance(prediction, tuple):
                    prediction = list(prediction)
                same = prediction == expected
            except BaseException as e:
                x, m = describe(e)
                rep.test(i, "timeout" if isinstance(e, TimeoutException) else "error", ms(start), x, m)
                return False
            if same:
                rep.test(i, "pass", ms(start))
            else:
                rep.test(i, "fail", ms(start), None, "wrong answer", repr(prediction))
                return False
    return True


def read_job(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    return json.loads(b"".join(chunks).decode("utf-8"))


def child_main(job_fd, result_fd, workdir, uid, _exit=os._exit):
    """A pre-forked child: ready (own session, uid, filter, work folder, guard) before its job arrives.

    Its exit status is its verdict: the job's pass code when every test passed, its stop code when
    one did not (or anything failed once the program had started), its fatal code when the harness
    failed before. The decision uses only this frame's locals and functions bound before the program
    ran, so a program that patches builtins, modules or the reporter cannot turn it into a pass.
    """
    fatal_code = stop_code = 1
    started = False
    try:
        os.setsid()
        os.dup2(result_fd, 3)
        os.dup2(job_fd, 4)
        os.closerange(5, 1 << 16)
        out = os.open("/dev/null", os.O_WRONLY)
        os.dup2(out, 1)
        os.dup2(out, 2)
        if out > 2:
            os.close(out)
        drop_to(uid)
        os.chdir(workdir)
        os.environ["HOME"] = workdir
        os.environ["TMPDIR"] = workdir
        reliability_guard()
        job = read_job(4)
        os.close(4)
        pass_code, stop_code, fatal_code = job.pop("codes")
        lim = job["limits"]
        total = sum(t["timeoutMs"] for t in job["tests"]) / 1000.0 + job["graceMs"] / 1000.0
        cpu = int(total) + 2
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if lim.get("memoryBytes"):
            resource.setrlimit(resource.RLIMIT_AS, (lim["memoryBytes"], lim["memoryBytes"]))
        if lim.get("fileBytes"):
            resource.setrlimit(resource.RLIMIT_FSIZE, (lim["fileBytes"], lim["fileBytes"]))
        if lim.get("processes"):
            resource.setrlimit(resource.RLIMIT_NPROC, (lim["processes"], lim["processes"]))
        rep = Reporter(3)
        mode = job["mode"]
        run = {"human-eval": run_human_eval, "lcb-call": run_lcb, "lcb-stdio": run_lcb}.get(mode)
        if run is None:
            raise ValueError("unknown mode " + mode)
        started = True
        ok = run(job, rep) if mode == "human-eval" else run(job, rep, mode == "lcb-stdio")
        _exit(pass_code if ok is True else stop_code)
    except BaseException as e:  # noqa: BLE001
        if not started:
            try:
                import traceback

                where = traceback.extract_tb(e.__traceback__)[-1]
                fatal = "%s: %s (line %s)" % (describe(e) + (where.lineno,))
                os.write(3, (json.dumps({"fatal": fatal}) + "\n").encode())
            except BaseException:
                pass
    _exit(stop_code if started else fatal_code)


# ---------------------------------------------------------------- supervisor side


def kill_all(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    if CONTAINED:
        # PID 1 of its own namespace: every other process here belongs to the job that just ran.
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass


def reap(pid, status=None):
    """Waits for the job's child (unless its status is known); under PID 1, reaps every orphan too."""
    while True:
        try:
            p, st = os.waitpid(-1 if CONTAINED else pid, 0)
        except ChildProcessError:
            break
        if p == pid:
            status = st
            if not CONTAINED:
                break
    return status


def describe_status(status):
    if status is None:
        return "ChildLost", "the child's exit status was lost"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = str(sig)
        return "Killed", "killed by " + name
    return "Exited", "exited with status %d without reporting" % os.WEXITSTATUS(status)


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
    """Forks the child for the next job ahead of time, off the job's critical path.

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
    jr, jw = os.pipe()
    rr, rw = os.pipe()
    pid = os.fork()
    if pid == 0:
        child_main(jr, rw, workdir, uid)
    os.close(jr)
    os.close(rw)
    return {"pid": pid, "jw": jw, "rr": rr, "workdir": workdir, "own": uid is None}


def cleanup(prepared):
    if prepared["own"]:
        shutil.rmtree(prepared["workdir"], ignore_errors=True)
        if CONTAINED:
            clear_dir("/dev/shm")


def discard(prepared):
    kill_all(prepared["pid"])
    reap(prepared["pid"])
    os.close(prepared["jw"])
    os.close(prepared["rr"])
    cleanup(prepared)


def parse_records(buf, n, results, fatal):
    """Parses complete lines of `buf`; keeps, per test, the last well-formed record. Returns the rest."""
    while b"\n" in buf:
        line, buf = buf.split(b"\n", 1)
        try:
            rec = json.loads(line.decode("utf-8"))
        except ValueError:
            continue
        if not isinstance(rec, dict):
            continue
        if isinstance(rec.get("fatal"), str):
            fatal[0] = rec["fatal"][:MSG_CAP]
            continue
        i, v = rec.get("t"), rec.get("v")
        if type(i) is not int or not 0 <= i < n or v not in VERDICTS:
            continue
        clean = {"t": i, "v": v, "ms": rec["ms"] if type(rec.get("ms")) in (int, float) else None}
        for k in ("x", "m", "o"):
            if isinstance(rec.get(k), str):
                clean[k] = rec[k][:MSG_CAP]
        results[i] = clean
    return buf


def settle(results, n, status, codes, timed_out, fatal):
    """The verdicts. The child's exit status says how its tests ended: all passed (codes[0]), stopped
    at a test that did not pass (codes[1]), or the harness failed before the program ran (codes[2]).
    The codes are drawn anew for each job and given only to the harness. The records (which the
    program could have written) give only details. Any other end (killed at the deadline, died, exited
    on its own) cannot pass: the first test without a recorded failure becomes a timeout or an error."""
    code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
    k = next((i for i in range(n) if results[i] is None or results[i]["v"] != "pass"), n - 1)
    if code == codes[0]:
        for i in range(n):
            if results[i] is None or results[i]["v"] != "pass":
                results[i] = {"t": i, "v": "pass", "ms": None}
        return results
    if code == codes[2]:
        results[k] = {"t": k, "v": "sandbox-error", "ms": None, "m": fatal[0] or "the harness failed"}
    elif code == codes[1]:
        if results[k] is None or results[k]["v"] == "pass":
            x, m = "HarnessError", "the harness stopped without a verdict for this test"
            results[k] = {"t": k, "v": "error", "ms": None, "x": x, "m": m}
    elif timed_out:
        results[k] = {"t": k, "v": "timeout", "ms": None, "m": "killed at the wall-clock limit"}
    elif results[k] is None or results[k]["v"] == "pass":
        x, m = describe_status(status)
        results[k] = {"t": k, "v": "error", "ms": None, "x": x, "m": m}
    for i in range(n):
        if i > k or results[i] is None:
            results[i] = {"t": i, "v": "skipped", "ms": None}
    return results


def run_job(job, prepared):
    tests = job["tests"]
    n = len(tests)
    pid, r = prepared["pid"], prepared["rr"]
    started = time.perf_counter()
    codes = []
    while len(codes) < 3:  # three distinct statuses in 16..255, chosen anew for every job
        c = 16 + os.urandom(1)[0] % 240
        if c not in codes:
            codes.append(c)
    data = json.dumps(dict(job, codes=codes)).encode("utf-8")
    try:
        view = memoryview(data)
        while view:
            k = os.write(prepared["jw"], view)
            view = view[k:]
    except OSError:
        pass  # the child died before reading its job: reported below as an error exit
    os.close(prepared["jw"])
    grace = job["graceMs"] / 1000.0
    results = [None] * n
    fatal = [None]
    buf = b""
    kept = 0
    deadline = time.monotonic() + (tests[0]["timeoutMs"] / 1000.0 if n else 1.0) + grace
    timed_out = False
    status = None
    watch = os.pidfd_open(pid)
    watched = [r, watch]
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select(watched, [], [], left)
            if watch in ready:
                p, st = os.waitpid(pid, os.WNOHANG)
                if p == pid:
                    status = st
                    break
            if r in ready:
                chunk = os.read(r, 65536)
                if not chunk:
                    watched = [watch]  # no writer left; the child's exit shows through the pidfd
                    continue
                if kept < RECORDS_CAP:
                    kept += len(chunk)
                    buf = parse_records(buf + chunk, n, results, fatal)
                done = next((i for i in range(n) if results[i] is None or results[i]["v"] != "pass"), n)
                if done < n and results[done] is None:
                    deadline = max(deadline, time.monotonic() + tests[done]["timeoutMs"] / 1000.0 + grace)
    finally:
        os.close(watch)
        kill_all(pid)
        status = reap(pid, status)
    # Every writer is dead now: what is left in the pipe is all there will be.
    os.set_blocking(r, False)
    try:
        while kept < RECORDS_CAP:
            chunk = os.read(r, 65536)
            if not chunk:
                break
            kept += len(chunk)
            buf = parse_records(buf + chunk, n, results, fatal)
    except OSError:
        pass
    os.close(r)
    settle(results, n, status, codes, timed_out, fatal)
    try:
        cleanup(prepared)
    except BaseException:
        pass
    return {"id": job["id"], "tests": results, "wallMs": round((time.perf_counter() - started) * 1000.0, 3)}


def main():
    protect_supervisor()
    if SAMPLE_UID is not None:
        os.chdir("/")
    freeze()
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    write_msg({"ready": True, "python": sys.version.split()[0], "contained": CONTAINED, "uid": SAMPLE_UID})
    seq = 0
    prepared = None
    while True:
        if prepared is None:
            seq += 1
            try:
                prepared = prefork(seq)
            except OSError:
                prepared = None
        job = read_msg()
        if job is None:
            if prepared is not None:
                discard(prepared)
            return
        if str(job.get("mode", "")).startswith("lcb") and not _lcb_loaded:
            preload_lcb()
            if prepared is not None:
                discard(prepared)
            seq += 1
            prepared = None
        try:
            if prepared is None:
                prepared = prefork(seq)
            reply = run_job(job, prepared)
        except BaseException as e:  # noqa: BLE001
            reply = {"id": job.get("id"), "error": describe(e)[0] + ": " + describe(e)[1]}
        prepared = None
        write_msg(reply)


if __name__ == "__main__":
    main()
