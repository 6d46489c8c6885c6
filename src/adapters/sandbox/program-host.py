"""The untrusted side of a job: the process that holds the program and nothing else.

It runs the program (for human-eval mode: the lines before the job's checker line; for LiveCodeBench: the
solution, built as LiveCodeBench builds it), then answers the trusted checker's requests, one at a time,
on two pipes: a call of one of its objects with plain-data arguments, or (LiveCodeBench stdin tasks) one
run of the program on an input, whose printed output it returns. It never sees the tests' code, the
expected outputs or any verdict: whatever it sends is a return value, an exception or an output, which
the checker judges itself.

Return values cross as plain data (plain-data.py). Subclasses of built-in types cross as their base
type's content (a named tuple as a tuple, a Counter as a dict); iterators and generators as the items
they yield (up to ITER_CAP); any other object stays here and the checker gets a reference to it, which
it can pass back or call, but whose methods never run for the checker's comparisons.
"""


class HostRefs:
    """The objects the checker holds references to (index -> object), so it can pass them back."""

    def __init__(self):
        self.objects = []
        self.index = {}

    def ref(self, v):
        """A return value that is not plain data: a subclass's content, an iterator's items, or a reference."""
        known = encode_subclass(v, self.ref)
        if known is not None:
            return known
        if _is_iterator(v):
            items = []
            for x in v:
                if len(items) >= ITER_CAP:
                    raise OverflowError("the iterator yields more than %d items" % ITER_CAP)
                items.append(encode(x, self.ref))
            return ["I"] + items
        return self.handle(v)

    def global_ref(self, v):
        """A global that is not plain data: a subclass's content, or a reference (iterators are not consumed)."""
        known = encode_subclass(v, self.global_ref)
        return known if known is not None else self.handle(v)

    def handle(self, v):
        k = self.index.get(id(v))
        if k is None:
            k = len(self.objects)
            self.objects.append(v)
            self.index[id(v)] = k
        return ["H", k, type(v).__name__[:NAME_CAP]]

    def deref(self, n, _name):
        if not 0 <= n < len(self.objects):
            raise ProtocolError("no such object")
        return self.objects[n]


def _is_iterator(v):
    t = type(v)
    return hasattr(t, "__next__") and getattr(t, "__iter__", None) is not None and not isinstance(v, type)


class HostChannel:
    """fd 5: the checker's requests; fd 3: this side's answers."""

    def __init__(self, req_fd, ans_fd):
        self.requests = FrameReader(req_fd)
        self.ans_fd = ans_fd
        self.refs = HostRefs()

    def send(self, msg):
        write_frame(self.ans_fd, msg)

    def fail(self, e):
        try:
            message = str(e)[:MSG_CAP]
        except BaseException:
            message = ""
        self.send(["exc", type(e).__name__[:NAME_CAP], message])

    def manifest(self, g):
        """The program's globals: plain data as values, everything else as references."""
        out = {}
        for name, v in list(g.items()):
            if type(name) is not str or name == "__builtins__":
                continue
            if type(v).__name__ == "module" and isinstance(getattr(v, "__name__", None), str):
                out[name] = ["M", v.__name__[:NAME_CAP]]
                continue
            try:
                out[name] = encode(v, self.refs.global_ref)
            except BaseException:  # noqa: BLE001  (e.g. a self-referential list)
                out[name] = self.refs.handle(v)
        return out


def host_serve(chan, one):
    """Answers requests until the checker closes the pipe. `one(chan, msg)` handles one, returns a value."""
    while True:
        try:
            msg = chan.requests.read()
        except BaseException:
            return
        if msg is None:
            return
        try:
            value = one(chan, msg)
            encoded = encode(value, chan.refs.ref)
        except BaseException as e:  # noqa: BLE001  (the program's exception, or the alarm)
            disarm()
            chan.fail(e)
            continue
        chan.send(["ok", encoded])


def host_call(chan, msg):
    """One call request: ["call", ref, args, kwargs, seconds left on the test's timer]."""
    if type(msg) is not list or len(msg) != 5 or msg[0] != "call":
        raise ProtocolError("not a call")
    fn = chan.refs.deref(msg[1], "")
    args = decode(msg[2], chan.refs.deref)
    kwargs = decode(msg[3], chan.refs.deref)
    if msg[4]:
        arm(msg[4])
    if type(kwargs) is not dict or type(args) is not list:
        raise ProtocolError("not a call")
    try:
        return fn(*args, **kwargs)
    finally:
        disarm()


def host_human_eval(job, chan):
    """Runs the program in a fresh {} globals under swallow_io, at human-eval's stack depth, then serves."""
    limits = [t / 1000.0 for t in job["timeouts"]]
    g = {}
    signal.signal(signal.SIGALRM, on_alarm)

    def run_program(_exec=exec):
        # The program's module frame one below this one, as human-eval's exec puts it.
        arm(limits[0])
        try:
            code = compile(job["program"], "<string>", "exec", dont_inherit=True)
            _exec(code, g)
            disarm()
            ready = ["ready", chan.manifest(g)]
        except BaseException as e:  # noqa: BLE001
            disarm()
            chan.fail(e)
            return False
        chan.send(ready)
        return True

    def serve():
        host_serve(chan, host_call)

    depth = job.get("stackDepth") or 0
    with swallow_io():
        if pad_stack(depth, run_program) is True:
            pad_stack(depth + 1, serve)  # the functions run as deep as check() calls them in human-eval


def host_lcb(job, chan, stdio, _exec=exec):
    """Builds the solution as LiveCodeBench does, then serves calls of its method, or runs on inputs."""
    import types

    limits = [t / 1000.0 for t in job["timeouts"]]
    signal.signal(signal.SIGALRM, on_alarm)
    code = job["program"]
    preload_lcb()  # a no-op when this process was forked after the supervisor loaded them
    try:
        if stdio:
            code = lcb_make_function(lcb_clean_if_name(code))
        else:
            code = LCB_IMPORTS + "\n\n" + code
        arm(limits[0])
        try:
            mod = types.ModuleType("tmp_sol", "")
            _exec(code, mod.__dict__)
            sol = mod.Solution() if (not stdio and "class Solution" in code) else mod
        finally:
            disarm()
        method = getattr(sol, "wrapped_function" if stdio else job["fnName"], None)
        if method is None:
            raise AttributeError("the program defines no " + ("code" if stdio else job["fnName"]))
    except BaseException as e:  # noqa: BLE001
        chan.fail(e)
        return
    chan.refs.ref(method)  # reference 0: the entry point
    chan.send(["ready", {}])
    if stdio:
        host_serve(chan, lambda _chan, msg: host_stdio(method, msg))
    else:
        host_serve(chan, host_call)


def host_stdio(method, msg):
    """One stdin run: ["stdio", input, seconds left]; returns what the program printed."""
    from unittest.mock import mock_open, patch

    if type(msg) is not list or len(msg) != 3 or msg[0] != "stdio" or type(msg[1]) is not str:
        raise ProtocolError("not a stdin run")
    inputs = msg[1]
    lines = iter(inputs.split("\n"))
    out = CappedStringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        with patch("builtins.open", mock_open(read_data=inputs)), patch("sys.stdin", io.StringIO(inputs)):
            with patch("sys.stdin.readline", lambda *a: next(lines)):
                with patch("sys.stdin.readlines", lambda *a: inputs.split("\n")):
                    with patch("sys.stdin.read", lambda *a: inputs):
                        if msg[2]:
                            arm(msg[2])
                        try:
                            method()
                        except SystemExit:
                            pass
                        finally:
                            disarm()
    finally:
        sys.stdout = saved
    return out.getvalue()
