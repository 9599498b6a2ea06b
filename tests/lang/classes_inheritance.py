"""Classes: super(), MRO, multiple inheritance, __init_subclass__, class attributes changed after use, monkeypatching methods."""


class Base:
    kind = "base"
    count = 0

    def __init__(self, v):
        self.v = v
        Base.count += 1

    def describe(self):
        return f"{self.kind}:{self.v}"

    def area(self):
        return 0

    def total(self):
        return self.area() + self.v

    def __repr__(self):
        return f"{type(self).__name__}({self.v})"


class Square(Base):
    kind = "square"

    def area(self):
        return self.v * self.v


class Cube(Square):
    kind = "cube"

    def area(self):
        return super().area() * 6

    def describe(self):
        return "[" + super().describe() + "]"


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


class E(C, B):
    pass


class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Alpha(Plugin, name="ALPHA"):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta, name="g"):
    pass


def run_shapes(objs, n):
    s = 0
    for i in range(n):
        for o in objs:
            s += o.total()
    return s


class Mixin:
    def hello(self):
        return f"mixin hello from {type(self).__name__}"


class WithSlotsParent:
    __slots__ = ("a",)


class Explicit2ArgSuper(Square):
    def area(self):
        return super(Square, self).area() - 1


def main():
    objs = [Base(1), Square(2), Cube(3)]
    print(run_shapes(objs, 500), [o.describe() for o in objs], Base.count)
    # change class attribute after hot use
    Square.kind = "SQ"
    print([o.describe() for o in objs])
    # monkeypatch a method on the class after it has been called many times
    orig = Square.area
    Square.area = lambda self: -self.v
    print(run_shapes(objs, 500), [o.area() for o in objs])
    Square.area = orig
    print(run_shapes(objs, 10))
    # instance attribute shadowing a method
    objs[1].area = lambda: 1000
    print(run_shapes(objs, 10))
    del objs[1].area
    print(run_shapes(objs, 10))
    # deleting a method in a subclass exposes the parent's
    del Cube.area
    print(run_shapes(objs, 10), objs[2].area())
    print(D().who(), [k.__name__ for k in D.__mro__], E().who(), [k.__name__ for k in E.mro()])
    try:
        class Bad(A, B):
            pass
    except TypeError as e:
        print("TypeError", e)
    print(Plugin.registry, Gamma.plugin_name, Alpha.plugin_name)
    print(isinstance(Cube(1), Base), issubclass(Cube, Square), issubclass(Base, Cube),
          isinstance(3, (str, int)), issubclass(bool, int), Cube.__bases__[0].__name__, Cube.__name__,
          Cube.__qualname__, Cube.__module__)
    # add base mixin dynamically via type()
    Dyn = type("Dyn", (Mixin, Square), {"extra": 5, "area": lambda self: 7})
    d = Dyn(4)
    print(d.hello(), d.total(), d.extra, Dyn.__mro__[1].__name__, repr(d))
    # change __bases__
    class P1:
        def m(self):
            return "p1"

    class P2:
        def m(self):
            return "p2"

    class Child(P1):
        pass
    ch = Child()
    res = []
    for i in range(300):
        if i == 150:
            Child.__bases__ = (P2,)
        res.append(ch.m())
    print(res.count("p1"), res.count("p2"))
    print(Explicit2ArgSuper(5).area())
    try:
        WithSlotsParent().b = 1
    except AttributeError as e:
        print("AttributeError", e)
    try:
        super(Cube, Base(1)).area()
    except TypeError as e:
        print("TypeError", e)
    # class attribute vs instance attribute mutation
    class Counter:
        shared = []
        n = 0

        def add(self, x):
            self.shared.append(x)
            self.n += 1
    c1, c2 = Counter(), Counter()
    for i in range(5):
        c1.add(i)
    c2.add(99)
    print(Counter.shared, c1.n, c2.n, Counter.n, sorted(vars(c1)))
    print(type(Base.describe).__name__, type(objs[0].describe).__name__, objs[0].describe.__self__,
          Base.__dict__["kind"], "area" in Cube.__dict__)


main()
