"""Properties read in compiled code, whose getters compiled code calls
directly: getters that raise (AttributeError falls back to __getattr__),
recurse, are replaced or deleted, are C functions or take *args, read
through self (a local), a stack temporary and a constant, and a frame
that inspects its caller."""
import sys
import traceback


class Temperature:
    def __init__(self, c):
        self.c = c

    @property
    def f(self):
        return self.c * 9 / 5 + 32

    @property
    def caller(self):
        frame = sys._getframe(1)
        return frame.f_code.co_name, frame.f_lineno

    @property
    def broken(self):
        raise ValueError(f"broken {self.c}")

    @property
    def deep(self):
        return self.c if self.c <= 0 else Temperature(self.c - 1).deep + 1

    def readings(self):
        return self.f, self.caller


class Fallback:
    @property
    def missing(self):
        raise AttributeError("no such thing")

    def __getattr__(self, name):
        return f"__getattr__({name})"


class Odd:
    length = property(len)                      # a C getter
    anything = property(lambda *args: len(args))  # a getter taking *args

    def __len__(self):
        return 7


def read_all(objs):
    out = []
    for t in objs:
        out.append(t.f)
        out.append(Temperature(t.c + 1).f)      # the owner is a temporary
        out.append(t.readings())
        out.append(t.deep)
        try:
            t.broken
        except ValueError as e:
            out.append(str(e))
    return out


temps = [Temperature(c) for c in (0, 37, 100)]
for _ in range(3):
    print(read_all(temps))
print([Fallback().missing for _ in range(3)], [(Odd().length, Odd().anything) for _ in range(3)])
Temperature.f = property(lambda self: "replaced")
print(read_all(temps[:1]))
del Temperature.f
try:
    read_all(temps[:1])
except AttributeError as e:
    print("AttributeError", e)
sys.setrecursionlimit(60)
try:
    Temperature(100).deep
except RecursionError:
    print("RecursionError")


def show_traceback(t):
    try:
        return t.broken + 1
    except ValueError:
        return traceback.format_exc().replace(__file__, "FILE")


sys.setrecursionlimit(1000)
print(show_traceback(Temperature(5)), show_traceback(Temperature(6)))
