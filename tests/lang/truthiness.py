"""if/while on values of every kind: True, False and None inline; ints and
builtin containers by their size (a shared routine); anything else through
PyObject_IsTrue, whose __bool__/__len__ may raise, return junk or free the
value being tested."""


def truth(x):
    if x:
        return 1
    return 0


def falsity(x):
    if not x:
        return 1
    return 0


class NoBool:
    pass


class Bool:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class Len:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Raises:
    def __bool__(self):
        raise ValueError("no truth")


class ListSub(list):
    def __len__(self):
        return 0


class IntSub(int):
    def __bool__(self):
        return True


class Dying:
    def __del__(self):
        print("  freed while tested")

    def __len__(self):
        return 1


values = [0, 1, -5, 2**100, -(2**100), 0.0, 1.5, float("nan"), 0j, 1j, "", "a", "é", [], [1],
          (), (1,), {}, {1: 2}, set(), {1}, frozenset(), frozenset({2}), b"", b"x",
          bytearray(), bytearray(b"1"), range(0), range(3), None, True, False, NoBool(),
          Bool(False), Bool(True), Len(0), Len(7), ListSub([1, 2]), IntSub(0), ...]

for v in values:
    print(type(v).__name__, truth(v), falsity(v))

for bad in (Raises(), Bool(1), Bool("yes"), Len(-1), Len("x"), Len(2**70)):
    try:
        truth(bad)
    except Exception as e:
        print(type(bad).__name__, type(e).__name__, e)


def test_fresh():
    # the tested value is a temporary: the truth test holds its last reference
    if [1, 2, 3]:
        print("fresh list true")
    if not [x for x in range(0)]:
        print("fresh empty list false")
    if Dying():
        print("dying object true")
    if {i: i for i in range(3)}:
        print("fresh dict true")
    if 10**30:
        print("fresh big int true")


test_fresh()


def loop(items):
    n = 0
    while items:
        items.pop()
        n += 1
    return n


print(loop(list(range(10))), loop([]), loop(set()))

for _ in range(200):  # warm, then a new kind at the same site
    truth([1])
print(truth(Bool(False)), truth("x"), truth(0), truth(Len(0)))
