"""The trusted side of a job: the checks, which alone decide the verdicts, run in the supervisor.

The benchmark's test code (from the dataset: trusted) runs in the supervisor's process, where the program
never runs. The program's globals reach it as plain data, or as Remote references for what is not plain
data (the entry point, other functions, classes, objects). Calling a Remote sends the call over a pipe
to the program's process (program-host.py) and waits for the answer: a value (decoded into exact
built-in types, so the program's __eq__, __bool__ or __hash__ never run here), an exception (raised
here as the built-in of that name, or as a new Exception subclass of that name), or garbage, which is a
ProtocolError. Nothing the program sends is a verdict, and nothing it sends can end the supervisor:
every failure to answer properly is a failure of the test in progress.

Time limits follow human-eval: one timer per test. When it expires while the checks wait for the
program, the program's own timer (set to the same instant with each request) raises TimeoutException
inside the program, which may catch it, as in human-eval; at the test's limit plus its grace the wait
ends (HardDeadline) and the test is a timeout.
"""


class HardDeadline(BaseException):
    """A test's limit plus grace has passed: the program's process is stopped, the test timed out."""


class Remote:
    """An object that lives in the program's process. It can be called (a request to the program) and
    passed back to the program; it compares, hashes and tests true as a plain object() does."""

    __slots__ = ("index", "label", "program")

    def __init__(self, program, index, label):
        self.program = program
        self.index = index
        self.label = label

    def __call__(self, *args, **kwargs):
        return self.program.call(self.index, args, kwargs)

    def __repr__(self):
        return "<%s object of the program>" % self.label


class CheckClock:
    """The test's timer. While the checks wait for the program, an expiry is the program's (its own
    timer fires at the same instant) and is only noted; elsewhere it raises TimeoutException here.
    `hard` is the test's limit plus grace, when waiting for the program ends."""

    waiting = False
    fired = False
    deadline = 0.0
    hard = 0.0
    grace = 0.0

    @classmethod
    def start(cls, seconds):
        cls.fired = False
        cls.deadline = time.monotonic() + seconds
        cls.hard = cls.deadline + cls.grace
        arm(seconds)

    @classmethod
    def left(cls):
        """Seconds the program's timer gets for a request (0: no timer, this test's has gone off)."""
        if cls.fired:
            return 0
        return max(cls.deadline - time.monotonic(), 0.001)


def on_check_alarm(signum, frame):
    if CheckClock.waiting:
        CheckClock.fired = True
        return
    raise TimeoutException("Timed out!")


class ProgramLink:
    """The checks' end of the call pipes to the program's process: requests out, answers in."""

    def __init__(self, req_fd, ans_fd):
        self.req_fd = req_fd
        self.ans_fd = ans_fd
        self.remotes = {}
        self.answers = FrameReader(ans_fd, wait=lambda: self.wait(ans_fd, False))
        os.set_blocking(req_fd, False)

    def deref(self, n, label):
        r = self.remotes.get(n)
        if r is None:
            r = self.remotes[n] = Remote(self, n, label)
        return r

    def encode_arg(self, v):
        def ref(x):
            if type(x) is Remote and x.program is self:
                return ["H", x.index, ""]
            if type(x) is BUILTIN_FUNCTION and builtin_name(x):
                return ["N", x.__name__]
            known = encode_subclass(x, ref)
            if known is not None:
                return known
            raise NotPlainData("cannot pass a %s to the program" % type(x).__name__)

        return encode(v, ref)

    def wait(self, fd, writing):
        """Waits until `fd` is ready; HardDeadline past the test's limit plus grace."""
        while True:
            left = CheckClock.hard - time.monotonic()
            if left <= 0:
                raise HardDeadline()
            r, w, _ = select.select([] if writing else [fd], [fd] if writing else [], [], left)
            if r or w:
                return

    def send(self, msg):
        data = json.dumps(msg, separators=(",", ":")).encode("utf-8")
        view = memoryview(struct.pack(">I", len(data)) + data)
        while view:
            try:
                view = view[os.write(self.req_fd, view) :]
            except BlockingIOError:
                self.wait(self.req_fd, True)
            except OSError:
                return  # the program's process is gone: its end of file shows when reading

    def receive(self):
        """The next answer's JSON. ProtocolError for an oversized or broken one, or the end of the pipe."""
        reply = self.answers.read()
        if reply is None:
            raise ProtocolError("the program's process ended")
        return reply

    def request(self, msg):
        CheckClock.waiting = True
        try:
            self.send(msg)
            reply = self.receive()
        finally:
            CheckClock.waiting = False
        if type(reply) is not list or not reply or reply[0] not in ("ok", "exc"):
            raise ProtocolError("an answer that is not one")
        return reply

    def answer(self, reply):
        """The value of an ["ok", value] answer, or the program's exception raised here."""
        if reply[0] == "ok" and len(reply) == 2:
            try:
                return decode(reply[1], self.deref, False)
            except RecursionError:
                raise ProtocolError("a value nested too deeply") from None
        if reply[0] == "exc" and len(reply) == 3 and type(reply[1]) is str and type(reply[2]) is str:
            raise program_exception(reply[1][:NAME_CAP], reply[2][:MSG_CAP])
        raise ProtocolError("an answer that is not one")

    def ready(self):
        """Waits for the program to have run; returns its globals (plain data or Remote references)."""
        CheckClock.waiting = True
        try:
            reply = self.receive()
        finally:
            CheckClock.waiting = False
        if type(reply) is list and len(reply) == 3 and reply[0] == "exc":
            self.answer(reply)
        if type(reply) is not list or len(reply) != 2 or reply[0] != "ready" or type(reply[1]) is not dict:
            raise ProtocolError("not a ready message")
        out = {}
        try:
            for name, v in reply[1].items():
                if type(v) is list and len(v) == 2 and v[0] == "M" and type(v[1]) is str:
                    out[name] = trusted_module(v[1]) or Remote(self, -1, "module " + v[1][:NAME_CAP])
                else:
                    out[name] = decode(v, self.deref, False)
        except RecursionError:
            raise ProtocolError("a value nested too deeply") from None
        return out

    def call(self, index, args, kwargs):
        msg = ["call", index, self.encode_arg(list(args)), self.encode_arg(dict(kwargs)), CheckClock.left()]
        return self.answer(self.request(msg))

    def stdio(self, inputs):
        out = self.answer(self.request(["stdio", inputs, CheckClock.left()]))
        if type(out) is not str:
            raise ProtocolError("the output is not text")
        return out


# Modules the program may hand to the checks by name (tests use what the program imported, as MBPP's
# sys.getsizeof): computation only; never os, subprocess, ctypes, shutil, signal and the like.
PURE_MODULES = frozenset(
    "array bisect cmath collections copy datetime decimal fractions functools hashlib heapq itertools "
    "json math numbers operator random re statistics string sys time typing".split()
)


def trusted_module(name):
    """The supervisor's own copy of a module the program imported, when it is a pure one and already
    loaded here (nothing is imported on the program's word)."""
    return sys.modules.get(name) if name in PURE_MODULES else None


_exception_classes = {}


def program_exception(name, message):
    """The program's exception as the checks see it: the built-in of that name, or a new class."""
    if name == "TimeoutException":
        return TimeoutException(message)
    cls = getattr(builtins, name, None)
    if isinstance(cls, type) and issubclass(cls, BaseException) and cls is not HardDeadline:
        try:
            return cls(message)
        except BaseException:  # noqa: BLE001  (constructors with other signatures)
            pass
    name = name if name.isidentifier() else "ProgramError"
    cls = _exception_classes.get(name)
    if cls is None:
        if len(_exception_classes) > 4096:
            _exception_classes.clear()
        cls = _exception_classes[name] = type(name, (Exception,), {})
    return cls(message)


def checker_line(job):
    """human-eval mode: the first line of the checks (the lines before it are the program); never past
    the first test's line."""
    first = job["tests"][0]["line"]
    return min(job.get("checkerLine") or first, first)


def check_human_eval(job, rep, link):
    """human-eval's check, with the program's part run by the program's process; True when all passed."""
    tests = job["tests"]
    limits = [t["timeoutMs"] / 1000.0 for t in tests]
    lines = [t["line"] for t in tests]
    first = checker_line(job)
    text = job["program"].split("\n")
    start = time.perf_counter()
    try:
        trusted = "\n" * (first - 1) + "\n".join(text[first - 1 :])
        codes = segments(trusted, lines)
    except BaseException as e:  # noqa: BLE001  (a syntax error in the test code)
        x, m = describe(e)
        rep.test(0, "error", ms(start), x, m)
        return False
    g = {}

    def step(k, run):
        try:
            run()
        except HardDeadline:
            disarm()
            rep.test(k, "timeout", ms(start), None, "killed at the wall-clock limit")
            return False
        except TimeoutException:
            disarm()
            rep.test(k, "timeout", ms(start), "TimeoutException")
            return False
        except AssertionError as e:
            disarm()
            rep.test(k, "fail", ms(start), "AssertionError", str(e)[:MSG_CAP])
            return False
        except BaseException as e:  # noqa: BLE001
            disarm()
            x, m = describe(e)
            rep.test(k, "error", ms(start), x, m)
            return False
        return True

    try:
        with swallow_io():
            CheckClock.start(limits[0])
            if not step(0, lambda: g.update(link.ready())):
                return False
            for i, code in enumerate(codes):
                k = max(i - 1, 0)  # the setup segment counts toward the first test's limit
                if i >= 2:
                    start = time.perf_counter()
                    CheckClock.start(limits[k])
                if not step(k, lambda: exec(code, g)):
                    return False
                if i >= 1:
                    disarm()
                    rep.test(k, "pass", ms(start))
        return True
    finally:
        g.clear()  # the tests' functions and g refer to each other: nothing of them may outlive the job


def check_lcb(job, rep, link, stdio):
    """LiveCodeBench's checks, with the program run by the program's process; True when all passed."""
    tests = job["tests"]
    start = time.perf_counter()
    try:
        CheckClock.start(tests[0]["timeoutMs"] / 1000.0)
        try:
            link.ready()
        finally:
            disarm()
    except BaseException as e:  # noqa: BLE001
        lcb_failure(rep, 0, start, e)
        return False
    for i, t in enumerate(tests):
        start = time.perf_counter()
        try:
            if stdio:
                CheckClock.start(t["timeoutMs"] / 1000.0)
                try:
                    prediction = link.stdio(t["input"])
                finally:
                    disarm()
                same = lcb_same_output(prediction, t["output"])
                shown = prediction
            else:
                args = [json.loads(line) for line in t["input"].split("\n")]
                expected = json.loads(t["output"])
                CheckClock.start(t["timeoutMs"] / 1000.0)
                try:
                    prediction = link.call(0, args, {})
                finally:
                    disarm()
                if isinstance(prediction, tuple):
                    prediction = list(prediction)
                same = prediction == expected
                shown = repr(prediction)
        except BaseException as e:  # noqa: BLE001
            lcb_failure(rep, i, start, e)
            return False
        if same:
            rep.test(i, "pass", ms(start))
        else:
            rep.test(i, "fail", ms(start), None, "wrong answer", shown)
            return False
    return True


def lcb_failure(rep, i, start, e):
    if isinstance(e, HardDeadline):
        rep.test(i, "timeout", ms(start), None, "killed at the wall-clock limit")
    else:
        x, m = describe(e)
        rep.test(i, "timeout" if isinstance(e, TimeoutException) else "error", ms(start), x, m)


def run_checks(job, rep, link):
    """The job's checks, in this (the supervisor's) process; the timer is left disarmed."""
    CheckClock.grace = job["graceMs"] / 1000.0
    previous = signal.signal(signal.SIGALRM, on_check_alarm)
    try:
        if job["mode"] == "human-eval":
            check_human_eval(job, rep, link)
        else:
            check_lcb(job, rep, link, job["mode"] == "lcb-stdio")
    finally:
        disarm()
        CheckClock.waiting = False
        signal.signal(signal.SIGALRM, previous)
