"""`in` / `not in` branched on (CONTAINS_OP + POP_JUMP_IF_*): every kind of
container, errors from __contains__, __eq__ and __hash__ with their
tracebacks, and a trace function switched on from inside __contains__."""
import sys
import traceback


class Box:
    def __init__(self, items):
        self.items = items

    def __contains__(self, x):
        if x == "boom":
            raise ValueError("no " + x)
        return x in self.items


class Iterable:
    def __iter__(self):
        return iter([1, 2, 3])


class BadEq:
    def __eq__(self, other):
        raise RuntimeError("eq")

    __hash__ = object.__hash__


class Truthy:
    def __contains__(self, x):
        return 5  # any true value: `in` gives True


def check(x, container):
    out = []
    if x in container:
        out.append("in")
    if x not in container:
        out.append("not in")
    if not (x in container):
        out.append("not (in)")
    return out


containers = [[1, 2, 3], (1, 2), {1: "a"}, {1, 5}, frozenset([2]), "abc", b"abc",
              range(0, 10, 2), Box([1, "a"]), Iterable(), Truthy(), {"a": 1}.keys()]
for x in (1, 2, "a", 97, 4, 2.0):
    for c in containers:
        try:
            print(x, type(c).__name__, check(x, c))
        except TypeError as e:
            print(x, type(c).__name__, "TypeError", e)


def loop_until_missing(seen, start):
    n = start
    while n in seen:
        n += 1
    while n not in seen:
        seen.add(n)
    return n, sorted(seen)


print(loop_until_missing({3, 4, 5, 7}, 3))


def errors():
    for c, x in ((Box([]), "boom"), ({1}, []), ([BadEq()], 1), ({1: 2}, {}), (5, 1)):
        try:
            if x in c:
                print("yes")
            else:
                print("no")
        except Exception as e:
            print(type(e).__name__, e)
            tb = traceback.extract_tb(e.__traceback__)
            print([(f.name, f.line) for f in tb][:2])


errors()


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_after":
        events.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


class TurnsTracingOn:
    def __contains__(self, x):
        sys.settrace(tracer)
        return True


def traced_after():
    if 1 in TurnsTracingOn():
        a = 1
    else:
        a = 2
    b = a + 1
    return b


print(traced_after())
sys.settrace(None)
print(events)
