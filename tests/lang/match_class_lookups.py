"""Class patterns: what match_class looks up, in what order, and the
isinstance check's __class__ lookup when the type check fails."""


class P:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Logged:
    """Attributes that print when read, to show the order of the lookups."""
    __match_args__ = ("a", "b")

    def __getattr__(self, name):
        print("  get", name)
        if name == "missing":
            raise AttributeError(name)
        return name.upper()


class FakeP:
    """Claims to be a P through __class__, which isinstance believes."""
    x, y = "fx", "fy"

    @property
    def __class__(self):
        return P


class Sneaky:
    """__getattribute__ answers __class__ too."""
    x, y = "sx", "sy"

    def __getattribute__(self, name):
        if name == "__class__":
            return P
        return object.__getattribute__(self, name)


class Meta(type):
    def __instancecheck__(cls, obj):
        print("  instancecheck", type(obj).__name__)
        return isinstance(obj, (int, Logged))


class Anything(metaclass=Meta):
    __match_args__ = ("real",)


class Twice:
    __match_args__ = ("x", "x")
    x = 1


class StrSub(str):
    pass


class SubName:
    __match_args__ = (StrSub("x"),)
    x = 1


class Lazy:
    """__match_args__ read through the metaclass each time."""


class LazyMeta(type):
    reads = 0

    def __getattr__(cls, name):
        if name == "__match_args__":
            LazyMeta.reads += 1
            return ("v",)
        raise AttributeError(name)


class Late(metaclass=LazyMeta):
    v = "late"


def classify(v):
    match v:
        case P(x, y=2):
            return ("P y=2", x)
        case P(x, y):
            return ("P", x, y)
        case Logged(a, b, missing=m):
            return ("never", a, b, m)
        case Logged(a, b):
            return ("Logged", a, b)
        case int(n) if n < 0:
            return ("negative", n)
        case bool(b) | float(b):
            return ("bool or float", b)
        case Late(v):
            return ("Late", v)
        case _:
            return ("other", type(v).__name__)


for value in (P(1, 2), P(3, 4), FakeP(), Sneaky(), Logged(), -5, 7, True,
              2.5, "s", None, Late()):
    print(classify(value))
print("metaclass reads", LazyMeta.reads)


def any_real(v):
    match v:
        case Anything(r):
            return r
    return "no"


for value in (3, Logged(), "text"):
    print(any_real(value))


def errors(cls, obj):
    match obj:
        case cls(a, x=b):
            return a, b
        case cls(a):
            return a


for cls, obj in ((Twice, Twice()), (SubName, SubName()), (P, P(1, 2)),
                 (Logged, Logged())):
    try:
        print(errors(cls, obj))
    except TypeError as e:
        print("TypeError", e)


def both_positional(obj):
    match obj:
        case Twice(a, b):
            return a, b


try:
    print(both_positional(Twice()))
except TypeError as e:
    print("TypeError", e)


def many(values):
    hits = 0
    for v in values:
        match v:
            case P(0, 0):
                hits += 100
            case P(x, y) if x == y:
                hits += 1
            case P(x=1):
                hits += 10
    return hits


print(many([P(i % 3, i % 2) for i in range(300)] + [FakeP(), Sneaky(), 4]))
