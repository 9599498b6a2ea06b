"""The helpers every generated program starts with: a deterministic printer
for values and exceptions (no addresses, no set order, no hash-dependent
text, no int-to-str conversion limit), generator drivers, a context manager
and exception classes.  The cyclic GC runs only when the driver asks, after
each iteration: its automatic runs depend on how many objects were allocated
since the last one, which the JIT (and loading it) changes, and finalizers
of cyclic garbage print.  The prelude avoids the builtins that programs rebind
(abs, len, max, min, divmod, round), so that rebinding them cannot break the
trace itself."""

PRELUDE = '''\
import builtins
import gc
import re
import sys

gc.disable()  # main() collects after each iteration: same points under any allocator

_ADDR = re.compile(r"0x[0-9a-fA-F]+")
_REAL = {k: getattr(builtins, k) for k in ("abs", "len", "max", "min", "divmod", "round")}


def exc(e):
    return "!" + type(e).__name__ + "(" + _ADDR.sub("0x?", str(e))[:120] + ")"


def show(v, d=0):
    t = type(v)
    if t is int:
        if -10 ** 30 < v < 10 ** 30:
            return repr(v)
        return "int<" + ("-" if v < 0 else "") + repr(v.bit_length()) + "b " + repr(v % 1000000007) + ">"
    if t is float or t is bool or v is None:
        return repr(v)
    if t is str:
        return repr(v[:60]) + ("+" if v[60:] else "")
    if isinstance(v, BaseException):
        return exc(v)
    if d > 4:
        return "..."
    if t is tuple:
        return "(" + ", ".join([show(x, d + 1) for x in v[:30]]) + ")"
    if t is list:
        return "[" + ", ".join([show(x, d + 1) for x in v[:30]]) + ("...]" if v[30:] else "]")
    if t is dict:
        return "{" + ", ".join([show(k, d + 1) + ": " + show(x, d + 1) for k, x in list(v.items())[:30]]) + "}"
    if t is set or t is frozenset:
        return t.__name__ + "{" + ", ".join(sorted([show(x, d + 1) for x in v])) + "}"
    return "<" + t.__name__ + ">"


def _unraisable(u):
    print("unraisable", exc(u.exc_value), show(u.object))


sys.unraisablehook = _unraisable


def out(label, v):
    print(label, show(v))


def _i(x):
    """int(x) for any number, without OverflowError/ValueError."""
    if type(x) is float:
        return int(x) if x == x and -1e18 < x < 1e18 else 7
    return int(x)


def _f(x):
    """float(x) for any number, without OverflowError."""
    if type(x) is int and not -2 ** 1000 < x < 2 ** 1000:
        return 1.25
    return float(x)


def take(g, n):
    """Up to N items of generator G, then its return value; closes G."""
    items = []
    try:
        for _ in range(n):
            items.append(next(g))
    except StopIteration as e:
        items.append(("return", e.value))
    finally:
        g.close()
    return items


def drive(g, ops):
    """Runs OPS on generator G: (0, None) next, (1, v) send, (2, e) throw."""
    got = []
    for op, v in ops:
        try:
            if op == 0:
                got.append(next(g))
            elif op == 1:
                got.append(g.send(v))
            else:
                got.append(g.throw(v))
        except StopIteration as e:
            got.append(("stop", e.value))
            break
        except (Exception, GeneratorExit) as e:
            got.append(exc(e))
            break
    g.close()
    return got


def subgen(n):
    x = yield n
    y = yield (n, x)
    return (n, x, y)


class E1(Exception):
    pass


class E2(E1):
    pass


class E3(ValueError):
    pass


class CM:
    def __init__(self, log, n, suppress=False):
        self.log = log
        self.n = n
        self.suppress = suppress

    def __enter__(self):
        self.log.append(("enter", self.n))
        return self.n

    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.n, t.__name__ if t else None))
        return self.suppress


def _fake_abs(x):
    return -x if x > 0 else x


def _fake_len(s):
    return 42


def _fake_max(a, b):
    return a


def _fake_min(a, b):
    return b


def _fake_divmod(a, b):
    return (a, b)


def _fake_round(x, n=0):
    return x
'''

PRELUDE += '''

def cur_exc():
    """The name of the exception being handled, as sys.exc_info() sees it."""
    t = sys.exc_info()[0]
    return t.__name__ if t else None


def logged(f, *args):
    """Calls f(*args, log); returns (its result or exception, log)."""
    log = []
    try:
        r = f(*args, log)
    except Exception as e:
        r = e
    return (r, log)


def driven_gen(f, ops, *args):
    """drive() on generator f(*args, log); returns (what it got, log)."""
    log = []
    try:
        r = drive(f(*args, log), ops)
    except Exception as e:
        r = e
    return (r, log)


def logged_gen(f, n, *args):
    """Up to N items of generator f(*args, log), then (its items, log)."""
    log = []
    try:
        r = take(f(*args, log), n)
    except Exception as e:
        r = e
    return (r, log)
'''
