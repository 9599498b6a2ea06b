"""The inline fast paths of tier 1 and their edges: small ints at the limit
of one 30-bit digit, big ints, bools, int/float/str subclasses, NaN and
signed zeros, division by zero, interned and uninterned strings, and
for-loops over lists, tuples and ranges that change or end early."""
import math
import sys

EDGES = [0, 1, -1, 2, 255, 256, 257, -5, -6, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30),
         2**31, 2**62, 2**63, -(2**63), 2**64 + 1, True, False]
FLOATS = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, math.inf, -math.inf, math.nan, 5e-324]


class MyInt(int):
    def __lt__(self, other):
        return "MyInt.__lt__"

    def __add__(self, other):
        return "MyInt.__add__"


class MyFloat(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class MyStr(str):
    def __eq__(self, other):
        return "MyStr.__eq__"

    __hash__ = str.__hash__


def compare_all(a, b):
    out = []
    if a < b: out.append("<")
    if a <= b: out.append("<=")
    if a == b: out.append("==")
    if a != b: out.append("!=")
    if a > b: out.append(">")
    if a >= b: out.append(">=")
    if not a < b: out.append("!<")
    return "".join(out)


def compare_values(a, b):  # results kept as values, not branched on
    results = [a < b, a <= b, a == b, a != b, a > b, a >= b, a < b and b > a or a == b]
    if not isinstance(a, str):
        results += [a < 7, a == 7, a != 2**31, a >= -1]
    return "".join("T" if r is True else "F" if r is False else repr(r) for r in results)


def arith(a, b):
    results = []
    for op in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b):
        try:
            results.append(op())
        except (ZeroDivisionError, OverflowError) as e:
            results.append(type(e).__name__)
    a += b
    results.append(a)
    a -= b
    a *= 1
    results.append(a)
    return results


def inline_ops(a, b):  # the instructions themselves, not behind lambdas
    try:
        return a + b, a - b, a * b, a / b
    except ZeroDivisionError as e:
        return a + b, a - b, a * b, str(e)


for x in EDGES:
    print(x, [compare_all(x, y) for y in EDGES[:12]])
    print(inline_ops(x, 3), inline_ops(x, -(2**30 - 1)))
for x in FLOATS:
    print(x, [compare_all(x, y) for y in FLOATS])
    print(inline_ops(x, 2.0), arith(x, 0.0), arith(x, -0.0))
print([compare_all(1, 1.0), compare_all(2.5, 2), compare_all(2**53 + 1, 2.0**53)])
for x in EDGES + FLOATS:
    print(x, [compare_values(x, y) for y in EDGES[:12] + FLOATS])
print(compare_values(MyInt(1), 2), compare_values(MyFloat(1.0), 2.0), compare_values("a", "b"),
      compare_values(MyStr("a"), "a"), compare_values("x" * 3, "xx" + "x"))
for x, y in (("a", 1), (None, 1), (1, "a"), ("a", "b"), ([1], [2])):
    try:
        print(compare_values(x, y))
    except TypeError as e:
        print("TypeError", e)
print(arith(7, 2), arith(-7, 2), arith(2**30 - 1, 2**30 - 1), arith(-(2**30 - 1), 2**30 - 1))
print(arith(True, True), arith(1, 0), arith(1.0, 0))
print(compare_all(MyInt(1), 2), MyInt(1) + 2, compare_all(MyFloat(1.0), 2.0))
print(inline_ops(MyInt(3), 4), inline_ops(3, MyInt(4)))

s1 = "hello"
s2 = "".join(["hel", "lo"])  # equal, not interned
s3 = sys.intern("".join(["wor", "ld"]))
words = [s1, s2, s3, "world", "", "hellO", MyStr("hello"), "hello" * 3, "é", "\U0001f600"]
for a in words:
    print(repr(a), [(a == b, a != b) for b in words])
    print([compare_all(a, b) for b in words[:6]])

def loops():
    out = []
    xs = [1, 2, 3]
    for x in xs:
        out.append(x)
        if x == 1:
            xs.append(4)      # grows while iterated
        if len(xs) > 3 and x == 3:
            xs.clear()        # shrinks: the loop ends
    for x in (5, 6):
        out.append(x)
    for x in range(3, -4, -2):
        out.append(x)
    for x in range(2**62, 2**62 + 2):
        out.append(x)
    for x in range(sys.maxsize - 1, sys.maxsize):
        out.append(x)
    for x in range(0):
        out.append("never")
    it = iter([7, 8, 9])
    for x in it:
        out.append(x)
        break
    for x in it:               # the same iterator, resumed
        out.append(x)
    for x in it:               # exhausted
        out.append("never")
    t = iter((1,))
    next(t)
    for x in t:
        out.append("never")
    class L(list):
        def __iter__(self):
            return iter([0])
    for x in L([1, 2]):
        out.append(("sub", x))
    return out

print(loops())
print(sum(i * i for i in range(1000)), [i for i in range(-3, 3) if i < 0 or i >= 2])


def subscripts():
    out = []
    xs, ts = [10, 20, 30], (1, 2, 3)
    for i in (0, 2, -1, -3, 3, -4, 2**30, -(2**31), True):
        for seq in (xs, ts, "abc", {0: "zero", -1: "minus"}):
            try:
                out.append(seq[i])
            except (IndexError, KeyError) as e:
                out.append(type(e).__name__ + ": " + str(e))
    for i in (0, -1, 2, 3, -4):
        try:
            xs[i] = i * 100
        except IndexError as e:
            out.append(str(e))
    out.append(xs)
    class L(list):
        def __getitem__(self, i):
            return "L[%r]" % (i,)
        def __setitem__(self, i, v):
            out.append(("set", i, v))
    ll = L([1, 2])
    out.append(ll[0])
    ll[1] = 5
    try:
        ts[0] = 1
    except TypeError as e:
        out.append(str(e))
    class Del:
        def __init__(self, n):
            self.n = n
        def __del__(self):
            out.append("del %d" % self.n)
    ds = [Del(1), Del(2)]
    ds[0] = Del(3)
    ds[-1] = None
    return out


def identities():
    a, b = object(), object()
    x = [a, b, None, 1, 1.0]
    return [(p is q, p is not q) for p in x for q in x]


print(subscripts())
print(identities())


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class Sized:
    def __len__(self):
        return 3


def truth(values):
    out = []
    for v in values:
        if v:
            out.append("T")
        else:
            out.append("F")
        while v:
            out.append("w")
            break
    return "".join(out)


print(truth([0, 1, -1, 2**40, -(2**100), [], [0], (), (None,), None, True, False, "", "x",
             {}, {1: 2}, 0.0, -0.0, 1e-300, Truthy(True), Truthy(False), Sized(), set()]))
print(truth([{0}, frozenset(), frozenset([0]), b"", b"\0", "\0", "é", bytearray(), range(0),
             Tup(), Tup((0,)), Lst(), Lst([0]), {}.keys(), {0: 0}.values()]))
try:
    truth([Truthy(5)])
except TypeError as e:
    print("TypeError", e)


def cells():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    out = [inner(), inner()]
    del x
    try:
        inner()
    except NameError as e:
        out.append(str(e))
    return out


print(cells())


# str += in place (BINARY_OP_INPLACE_ADD_UNICODE) and its edges
def build(n):
    s = ""
    for i in range(n):
        s += str(i)
    t = "x"
    for i in range(3):
        t = t + "y"
    u = "a"
    alias = u
    u += "b"
    class S(str): pass
    v = S("q")
    v += "r"
    w = "z"
    try:
        w += 5
    except TypeError as e:
        print("TypeError", e, repr(w))
    return len(s), t, u, alias, type(v).__name__, v
print(build(10000))
def sizes():
    s = ""
    for i in range(5):
        s += "ab"
    return sys.getrefcount(s), s
print(sizes())


class Tup(tuple):
    def __iter__(self):
        return iter(("Tup", "iter"))


class Lst(list):
    def __iter__(self):
        return iter(["Lst", "iter"])


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def unpacks(values):
    out = []
    for v in values:
        try:
            a, b = v
            out.append((a, b))
            a, b, c, d = v * 2
            out.append((d, c, b, a))
        except (ValueError, TypeError) as e:
            out.append(str(e))
    x, = [Noisy("only")]  # the list dies at once, its item lives on in x
    print("unpacked", x.name)
    del x
    p, q = (Noisy("p"), Noisy("q"))
    print(q.name, p.name)
    return out


print(unpacks([(1, 2), [3, 4], (1,), [1, 2, 3], "ab", Tup((5, 6)), Lst([7, 8]), {9: 0, 10: 0},
               iter((11, 12)), (x for x in (13, 14)), 5, ([],) * 2, ((1, 2), (3, 4))]))


def floor_division(values):
    """// and % inline on word ints: signs, zero, the 2**60 limit, constants."""
    def by(a, b):
        return a // b, a % b

    def by_constants(a):
        x, y = a, a
        x //= 4
        y %= 4
        return a // 3, a % 3, a % 500, a // -7, a % -7, a // 1, a % 1, a // 2**29, x, y

    out = []
    for x in values:
        out.append(by_constants(x))
        for y in values:
            try:
                out.append(by(x, y))
            except ZeroDivisionError as e:
                out.append(str(e))
    return out


print(floor_division([0, 1, -1, 2, -2, 3, -3, 7, -7, 500, -500, 2**30 - 1, -(2**30 - 1), 2**30,
                      2**59, -(2**59), 2**60 - 1, -(2**60 - 1), 2**60, 2**62, 2**64, True, 1.5,
                      -0.0, MyInt(5)]))
