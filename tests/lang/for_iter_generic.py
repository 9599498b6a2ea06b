"""`for` over every kind of iterator: C iterators, Python classes with
__next__, the end of the loop, errors from __next__ (with their
tracebacks), StopIteration subclasses, and a trace function switched on
from inside __next__."""
import itertools
import sys
import traceback


class Letters:
    """Upper-case letters of a word, then the end."""

    def __init__(self, word):
        self.rest = list(word)

    def __iter__(self):
        return self

    def __next__(self):
        if not self.rest:
            raise StopIteration
        return self.rest.pop(0).upper()


class MyStop(StopIteration):
    pass


class Fails:
    def __init__(self, at, exc):
        self.i = 0
        self.at = at
        self.exc = exc

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == self.at:
            raise self.exc
        return self.i


def total(it):
    t = []
    for x in it:
        t.append(x)
    return t


d = {"a": 1, "b": 2, "c": 3}
sources = [d, d.keys(), d.values(), d.items(), {3, 1, 2}, frozenset([7, 8]), "héllo", b"ab",
           bytearray(b"cd"), enumerate("abc", 5), zip("ab", [1, 2, 3]), map(abs, [-1, 2]),
           filter(None, [0, 1, 0, 2]), reversed([1, 2, 3]), iter([4, 5]).__iter__(),
           itertools.count(3).__iter__() if False else itertools.islice(itertools.count(3), 4),
           itertools.chain([1], (2,)), Letters("abcd"), iter(lambda: 1, 1), (i * i for i in range(3)),
           range(3).__iter__(), memoryview(b"xyz"), sorted(d.items())]
for s in sources:
    print(type(s).__name__, total(s))

print(total(Fails(4, MyStop)))  # a StopIteration subclass ends the loop
for exc in (ValueError("bad"), KeyError("k"), StopIteration, MyStop("m")):
    try:
        print(total(Fails(3, exc)))
    except Exception as e:
        print(type(e).__name__, e)
        print([f.name for f in traceback.extract_tb(e.__traceback__)])


def nested(n):
    out = 0
    for i, c in enumerate("abcdef"[:n]):
        for k, v in d.items():
            out += i * v + len(k) + ord(c)
    return out


print([nested(n) for n in range(7)])


def modified_during_iteration():
    dd = {1: 1}
    try:
        for k in dd:
            dd[k + 1] = 0
    except RuntimeError as e:
        print("RuntimeError", e)


modified_during_iteration()

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_loop":
        events.append(event)
    return tracer


class TurnsTracingOn:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == 2:
            sys.settrace(tracer)
        if self.i > 3:
            raise StopIteration
        return self.i


def traced_loop():
    seen = []
    for x in TurnsTracingOn():
        seen.append(x)
    return seen


print(traced_loop())
sys.settrace(None)
print(events)
