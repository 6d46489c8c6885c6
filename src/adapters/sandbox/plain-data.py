"""Plain data between the trusted checker and the program's process (see checker.py, program-host.py).

Every message is a frame: a 4-byte big-endian length, then UTF-8 JSON (never pickle, never marshal). A
value is JSON as is for None, bool, int, float and str; every other value is an array whose first item
is a tag:
  ["L", ...] list   ["T", ...] tuple   ["S", ...] set   ["F", ...] frozenset   ["D", k, v, k, v, ...] dict
  ["B", latin-1 text] bytes   ["A", latin-1 text] bytearray   ["C", real, imag] complex
  ["R", start, stop, step] range   ["I", ...] an iterator (its items, taken by the program's side)
  ["N", name] a built-in type (int, str...), or from the checks' side a built-in function (len...), by
              its name in builtins: the checks never call a function the program chose
  ["H", n, type name] an object that stays in the program's process (a reference: see Remote)
The checker decodes what the program sends into these exact built-in types (or Remote references), so
nothing the program defines (__eq__, __bool__, __hash__, __len__...) ever runs on the trusted side.
"""

import builtins
import json
import os
import struct
import sys

FRAME_CAP = 1 << 25  # bytes in one frame: a larger one from the program is a protocol error
ITER_CAP = 1 << 20  # items taken from an iterator the program returns
NAME_CAP = 200
BUILTIN_FUNCTION = type(len)

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)  # big integers cross as JSON numbers


class ProtocolError(Exception):
    """The program's process broke the call protocol (garbage, an unasked-for message, a closed pipe)."""


class NotPlainData(TypeError):
    """A value the checker cannot hand to the program (only plain data and the program's own objects)."""


def write_frame(fd, obj):
    data = json.dumps(obj, separators=(",", ":")).encode("utf-8")
    view = memoryview(struct.pack(">I", len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


class FrameReader:
    """Reads frames from a descriptor, buffered (one read usually brings a whole frame). `wait()`, when
    given, runs before each read (to wait with a deadline)."""

    def __init__(self, fd, cap=FRAME_CAP, wait=None):
        self.fd = fd
        self.cap = cap
        self.wait = wait
        self.buf = b""

    def read(self):
        """The next frame's JSON, or None at end of file. ProtocolError for an oversized or broken one."""
        while True:
            if len(self.buf) >= 4:
                (n,) = struct.unpack(">I", self.buf[:4])
                if n > self.cap:
                    raise ProtocolError("a frame of %d bytes is over the cap" % n)
                if len(self.buf) >= 4 + n:
                    body, self.buf = self.buf[4 : 4 + n], self.buf[4 + n :]
                    try:
                        return json.loads(body.decode("utf-8"))
                    except (ValueError, RecursionError) as e:
                        raise ProtocolError("a malformed frame: %s" % type(e).__name__) from None
            if self.wait is not None:
                self.wait()
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                if self.buf:
                    raise ProtocolError("the pipe closed inside a frame")
                return None
            self.buf += chunk


# ---------------------------------------------------------------- encoding (either side)


def encode(v, ref):
    """`v` as plain data. `ref(obj)` returns the ["H", ...] form for what is not plain data, or raises."""
    t = type(v)
    if v is None or t is bool or t is int or t is float or t is str:
        return v
    if t is list:
        return ["L"] + [encode(x, ref) for x in v]
    if t is tuple:
        return ["T"] + [encode(x, ref) for x in v]
    if t is dict:
        out = ["D"]
        for k, x in v.items():
            out.append(encode(k, ref))
            out.append(encode(x, ref))
        return out
    if t is set or t is frozenset:
        return ["S" if t is set else "F"] + [encode(x, ref) for x in v]
    if t is bytes or t is bytearray:
        return ["B" if t is bytes else "A", v.decode("latin-1")]
    if t is complex:
        return ["C", v.real, v.imag]
    if t is range:
        return ["R", v.start, v.stop, v.step]
    if t is type and builtin_name(v):
        return ["N", v.__name__]
    return ref(v)


def builtin_name(v):
    """True when `v` is what builtins holds under its name (int, len...)."""
    return getattr(builtins, getattr(v, "__name__", ""), None) is v


def encode_subclass(v, ref):
    """Built-in subclasses (bool-like enums, named tuples, Counter, OrderedDict...) as their base type's
    content, read with the base type's own methods; None when `v` is no such subclass."""
    if isinstance(v, int):
        return int.__int__(v)
    if isinstance(v, float):
        return float.__float__(v)
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, tuple):
        return ["T"] + [encode(x, ref) for x in tuple.__iter__(v)]
    if isinstance(v, list):
        return ["L"] + [encode(x, ref) for x in list.__iter__(v)]
    if isinstance(v, dict):
        out = ["D"]
        for k, x in dict.items(v):
            out.append(encode(k, ref))
            out.append(encode(x, ref))
        return out
    if isinstance(v, (set, frozenset)):
        base = set if isinstance(v, set) else frozenset
        return ["S" if base is set else "F"] + [encode(x, ref) for x in base.__iter__(v)]
    if isinstance(v, (bytes, bytearray)):
        return ["B" if isinstance(v, bytes) else "A", bytes(v).decode("latin-1")]
    return None


# ---------------------------------------------------------------- decoding (either side)


def decode(v, deref, functions=True):
    """Plain data from its encoded form; `deref(n, type_name)` resolves ["H", n, type_name]. Built-in
    functions (["N", "len"]) only when `functions`: the checks refuse them from the program."""
    t = type(v)
    if v is None or t is bool or t is int or t is float or t is str:
        return v
    if t is not list or not v or type(v[0]) is not str:
        raise ProtocolError("not a plain-data value")
    tag = v[0]
    if tag == "L":
        return [decode(x, deref, functions) for x in v[1:]]
    if tag == "T":
        return tuple([decode(x, deref, functions) for x in v[1:]])
    if tag == "D":
        if len(v) % 2 != 1:
            raise ProtocolError("a dict with an odd number of items")
        it = iter(v[1:])
        return {_hashable(decode(k, deref, functions)): decode(x, deref, functions) for k, x in zip(it, it)}
    if tag == "S" or tag == "F":
        items = [_hashable(decode(x, deref, functions)) for x in v[1:]]
        return set(items) if tag == "S" else frozenset(items)
    if tag == "I":
        return iter([decode(x, deref, functions) for x in v[1:]])
    if tag in ("B", "A") and len(v) == 2 and type(v[1]) is str:
        try:
            data = v[1].encode("latin-1")
        except UnicodeEncodeError:
            raise ProtocolError("bytes out of range") from None
        return data if tag == "B" else bytearray(data)
    if tag == "C" and len(v) == 3 and all(type(x) in (int, float) for x in v[1:]):
        return complex(v[1], v[2])
    if tag == "R" and len(v) == 4 and all(type(x) is int for x in v[1:]) and v[3] != 0:
        return range(v[1], v[2], v[3])
    if tag == "N" and len(v) == 2 and type(v[1]) is str:
        found = getattr(builtins, v[1], None)
        if type(found) is type or (functions and type(found) is BUILTIN_FUNCTION):
            return found
        raise ProtocolError("not a built-in")
    if tag == "H" and len(v) == 3 and type(v[1]) is int and type(v[2]) is str:
        return deref(v[1], v[2][:NAME_CAP])
    raise ProtocolError("an unknown tag")


def _hashable(k):
    try:
        hash(k)
    except TypeError:
        raise ProtocolError("an unhashable key") from None
    return k
