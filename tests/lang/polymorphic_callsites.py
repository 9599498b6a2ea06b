"""Polymorphic/megamorphic call sites and attribute accesses: many receiver types at one site, inline-cache invalidation by class mutation, bound/unbound callables."""


class A:
    x = 1

    def f(self):
        return 1


class B:
    def __init__(self):
        self.x = 2

    def f(self):
        return 2


class C(A):
    def f(self):
        return 3 + super().f()


class D:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 4

    f = lambda self: 4  # noqa: E731


class E:
    @property
    def x(self):
        return 5

    @staticmethod
    def f():
        return 5


class F:
    def __getattr__(self, name):
        return 6 if name == "x" else (lambda: 6)


class G(dict):
    x = 7

    def f(self):
        return 7 + len(self)


def make_types():
    # Dynamically created classes, each distinct
    out = []
    for i in range(12):
        out.append(type(f"Dyn{i}", (), {"x": 10 + i, "f": (lambda self, i=i: 100 + i)}))
    return out


def site_attr(o):
    return o.x


def site_call(o):
    return o.f()


def site_len(o):
    return len(o)


def site_add(a, b):
    return a + b


def site_getitem(c, k):
    return c[k]


def site_call_any(fn, arg):
    return fn(arg)


def run(objs, n):
    tot = 0
    for i in range(n):
        o = objs[i % len(objs)]
        tot += site_attr(o) + site_call(o)
    return tot


def main():
    mono = [A()]
    poly = [A(), B(), C()]
    mega = [A(), B(), C(), D(), E(), F(), G()] + [t() for t in make_types()]
    print("mono", run(mono, 1000), "poly", run(poly, 1000), "mega", run(mega, 2000))
    # invalidate: change class attribute / method after warming
    A.x = 100
    print("after A.x change", run(poly, 300))
    A.f = lambda self: -1
    print("after A.f change", run(poly, 300), C().f())
    del A.f
    try:
        run(poly, 3)
    except AttributeError as e:
        print("AttributeError", e)
    A.f = lambda self: 1
    # instance dict shadows class attribute for one object only
    a = A()
    a.x = 50
    print([site_attr(o) for o in (A(), a, A())])
    # len over many types
    vals = [[1, 2], "abc", (1,), {1: 2}, {1, 2, 3}, b"xy", range(7), bytearray(3), G(a=1), frozenset()]
    print(sum(site_len(v) for _ in range(200) for v in vals))
    # add over many type pairs
    pairs = [(1, 2), (1.5, 2), ("a", "b"), ([1], [2]), ((1,), (2,)), (2 ** 70, 1), (True, True), (1j, 1),
             (b"a", b"b")]
    res = None
    for _ in range(300):
        res = [site_add(a, b) for a, b in pairs]
    print(res)
    containers = [([5, 6, 7], 1), ({"k": "v"}, "k"), ("str", 2), (range(10), -1), ((1, 2), 0), (G(z=3), "z"),
                  (b"abc", 0), ([1, 2, 3, 4], slice(1, 3))]
    out = None
    for _ in range(300):
        out = [site_getitem(c, k) for c, k in containers]
    print(out)
    fns = [len, str.upper, abs, lambda v: v * 2, A, type, repr, list, bool, int, float, hash]
    args = ["abc", "abc", -3, 21, None, 5, "q", "xy", 0, "12", "1.5", 0]
    out2 = None
    for _ in range(200):
        out2 = []
        for fn, arg in zip(fns, args):
            try:
                r = site_call_any(fn, arg)
            except TypeError as e:
                r = f"TypeError: {e}"
            out2.append(type(r).__name__ if isinstance(r, A) else r)
    print(out2)
    # bound method objects vs functions from the class
    b = B()
    bm = b.f
    uf = B.f
    print(sum(bm() + uf(b) for _ in range(500)), bm.__func__ is uf, bm.__self__ is b)
    # changing __class__ of objects flowing through a warmed site
    objs = [A() for _ in range(10)]
    for i, o in enumerate(objs):
        if i % 2:
            o.__class__ = C
    print(run(objs, 500))


main()
