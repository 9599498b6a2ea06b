"""Operator overloading: arithmetic/reflected/in-place ops, NotImplemented, rich comparisons, __eq__/__hash__, __index__, __bool__, __len__, containers."""
import functools
import operator


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)

    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __len__(self):
        return 2

    def __iter__(self):
        yield self.x
        yield self.y

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k, mod=None):
        return Vec(pow(self.x, k, mod), pow(self.y, k, mod))

    def __lshift__(self, k):
        return Vec(self.x << k, self.y << k)

    def __and__(self, o):
        return Vec(self.x & o.x, self.y & o.y)

    def __invert__(self):
        return Vec(~self.x, ~self.y)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, o):
        self.items.append(o)
        return self

    def __isub__(self, o):
        self.items.remove(o)
        return self

    def __imul__(self, k):
        self.items = self.items * k
        return self

    def __contains__(self, o):
        return o in self.items

    def __len__(self):
        return len(self.items)


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts

    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Falsy:
    def __len__(self):
        return 0


class Truthy:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


class BadBool:
    def __bool__(self):
        return 1


class Grid:
    def __init__(self):
        self.d = {}

    def __getitem__(self, key):
        return self.d.get(key, 0)

    def __setitem__(self, key, v):
        self.d[key] = v

    def __delitem__(self, key):
        del self.d[key]

    def __missing__(self, key):
        return "never used"


class Left:
    def __add__(self, o):
        return NotImplemented

    def __eq__(self, o):
        return NotImplemented


class Right:
    def __radd__(self, o):
        return "Right.radd"

    def __eq__(self, o):
        return "Right.eq"


class SubVec(Vec):
    __slots__ = ()

    def __radd__(self, o):
        return "SubVec.radd wins"


class CallMe:
    def __call__(self, *a, **k):
        return (len(a), sorted(k))


def hot(n):
    acc = Vec(0, 0)
    for i in range(n):
        v = Vec(i, -i)
        acc = acc + v * 2 - Vec(1, 1)
        acc = 1 + acc
        acc += 0.5 * Vec(1, 0) if i % 2 else Vec(0, 1)
    return acc


def main():
    print(hot(1000), hot(7))
    a, b = Vec(3, 4), Vec(1, 2)
    print(a + b, a - b, a * b, a * 3, 3 * a, a @ b, -a, +a, abs(a), a / 2, a // 2, a % 3, a ** 2,
          pow(a, 2, 5), a << 1, a & b, ~a, bool(Vec(0, 0)), bool(a), len(a), list(a), a[1], a[-1],
          tuple(a), a == Vec(3, 4), a != Vec(3, 4), a == 5, {a: 1}[Vec(3, 4)], sum([a, b], Vec(0, 0)),
          sorted({Vec(1, 1), Vec(1, 1), Vec(0, 1)}, key=tuple))
    for op in (lambda: a - 1, lambda: "s" + a, lambda: a < b, lambda: a @ 1, lambda: Left() + 1,
               lambda: Left() + Right(), lambda: Left() == Right(), lambda: Left() == Left(),
               lambda: Vec(1, 2) + SubVec(1, 1), lambda: bool(BadBool()), lambda: len(Falsy) if False else Vec(1, 2) < 3):
        try:
            print(repr(op()))
        except (TypeError, AttributeError) as e:
            print(type(e).__name__, e)
    acc = Acc()
    for i in range(10):
        acc += i
    acc -= 3
    acc *= 2
    print(len(acc), 4 in acc, 3 in acc, acc.items[:5])
    vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
    print(sorted(vs), max(vs), Version("1.2") >= Version("1.1"), Version("1.0") <= Version("0.1"),
          Version("2") > Version("1.9.9"), len(set(vs)), Version("1") == "1")
    L = list(range(10))
    print(L[Idx(3)], L[Idx(1):Idx(4)], "abc" * Idx(2), bin(Idx(5)), operator.index(Idx(7)),
          range(Idx(3))[-1], hex(Idx(255)))
    print(bool(Falsy()), bool(Truthy()), not Falsy(), "yes" if Truthy() else "no")
    g = Grid()
    for i in range(100):
        g[i % 7, i % 3] += i
    del g[0, 0]
    print(sorted(g.d.items())[:5], g[99, 99], len(g.d))
    c = CallMe()
    print(c(1, 2, x=3), callable(c), callable(1))
    print(operator.add(2, 3), operator.itemgetter(1, 0)("ab"), operator.attrgetter("x")(a),
          operator.methodcaller("upper")("q"), list(map(operator.mul, [1, 2], [3, 4])))
    # int subclass overriding ops
    class MyInt(int):
        def __add__(self, o):
            return MyInt(int(self) * 10 + int(o))

        def __repr__(self):
            return f"MyInt({int(self)})"
    m = MyInt(4)
    s = 0
    for i in range(200):
        s += (m + 1) + i
    print(m + 2, 2 + m, s, type(m + 2).__name__, type(2 + m).__name__, m * 2, m == 4)


main()
