"""Reference semantics shared by the checker and the program's process (openai/human-eval's and
LiveCodeBench's): the reliability guard, swallow_io, the interval timer, the statement splitting of a
check program, LiveCodeBench's program construction and output comparison.
"""

import ast
import builtins
import contextlib
import faulthandler
import io
import os
import shutil
import signal
import subprocess  # noqa: F401  (preloaded: the guard disables it in every child)
import sys
import time

MSG_CAP = 2000

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
