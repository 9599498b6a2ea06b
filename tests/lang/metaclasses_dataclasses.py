"""Metaclasses (__new__, __init__, __call__, __prepare__), dataclasses (ordering, frozen, defaults, post_init), enum, NamedTuple, abc."""
import abc
import dataclasses
import enum
from typing import NamedTuple

events = []


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        events.append(f"prepare {name}")
        return {"injected": 42}

    def __new__(mcls, name, bases, ns, **kw):
        events.append(f"new {name} {sorted(k for k in ns if not k.startswith('__'))}")
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls

    def __init__(cls, name, bases, ns, **kw):
        events.append(f"init {name}")
        super().__init__(name, bases, ns)

    def __call__(cls, *a, **k):
        events.append(f"call {cls.__name__}")
        inst = super().__call__(*a, **k)
        inst.created_by_meta = True
        return inst

    def __repr__(cls):
        return f"<class {cls.__name__} tag={cls.tag}>"


class Model(metaclass=Meta, tag="m"):
    field = 1

    def __init__(self, v):
        self.v = v


class SubModel(Model):
    other = 2


class SingletonMeta(type):
    _inst = {}

    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]


class Registry(SingletonMeta):
    pass


class Conf(metaclass=SingletonMeta):
    def __init__(self, x=0):
        self.x = x


@dataclasses.dataclass(order=True)
class Item:
    priority: int
    name: str = dataclasses.field(compare=False)
    tags: list = dataclasses.field(default_factory=list, repr=False, compare=False)

    def __post_init__(self):
        self.name = self.name.strip()


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

    def dist(self):
        return abs(self.x) + abs(self.y)


@dataclasses.dataclass
class Node:
    val: int
    children: list = dataclasses.field(default_factory=list)
    parent: "Node" = dataclasses.field(default=None, repr=False)
    count: dataclasses.InitVar[int] = 1

    def __post_init__(self, count):
        self.weight = self.val * count


@dataclasses.dataclass(slots=True, kw_only=True)
class Opts:
    a: int = 1
    b: str = "b"


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()}={self.value}"


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Status(str, enum.Enum):
    OK = "ok"
    ERR = "err"


class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
    ALIAS = 1


class Pair(NamedTuple):
    left: int
    right: int = 0

    def total(self):
        return self.left + self.right


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    def double(self):
        return 2 * self.area()


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


def hot(n):
    tot = 0
    for i in range(n):
        it = Item(i % 17, f" n{i} ")
        p = Point(i, -i)
        tot += it.priority + p.dist() + Color((i % 3) + 1).value + Pair(i, 1).total() + Sq(i % 5).double()
        tot += int(Perm.R | Perm.X) + len(it.name)
    return tot


def main():
    print(events)
    m = Model(5)
    print(m.v, m.injected, m.created_by_meta, Model.tag, SubModel.tag, repr(SubModel), type(SubModel).__name__)
    print(events[-1], isinstance(Model, Meta), type(Model) is Meta)
    print(Conf(1) is Conf(2), Conf().x)
    events.clear()
    print(hot(800))
    print(events[:2], len(events))
    items = [Item(3, " c "), Item(1, "a", ["x"]), Item(2, "b"), Item(1, "z")]
    print(sorted(items), items[1] == Item(1, "different"), items[0] > items[2], dataclasses.asdict(items[1]))
    p = Point(3, 4)
    try:
        p.x = 1
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError", e)
    print(p, hash(p) == hash(Point(3, 4)), dataclasses.replace(p, y=0), dataclasses.astuple(p),
          [f.name for f in dataclasses.fields(Point)], Point.__match_args__)
    root = Node(1)
    root.children.append(Node(2, parent=root, count=3))
    print(root, root.children[0].weight, Node(5).children is not Node(5).children)
    o = Opts(b="q")
    print(o, hasattr(o, "__dict__"))
    try:
        Opts(1)
    except TypeError as e:
        print("TypeError", e)
    print(list(Color), Color.RED, repr(Color.GREEN), Color["BLUE"], Color(2).describe(), Color.RED in Color,
          [c.name for c in Color], Color.RED is Color(1), len(Color))
    try:
        Color(7)
    except ValueError as e:
        print("ValueError", e)
    print(Perm.R | Perm.W, Perm(7), Perm.R in Perm(5), int(Perm.W | Perm.X), repr(Perm(6)), ~Perm.R)
    print(Status.OK == "ok", Status("err"), Status.OK.value, f"{Status.ERR.value}", Status.OK.upper())
    print(list(Auto), Auto(1), Auto.ALIAS is Auto.A, Auto.__members__.keys() if False else list(Auto.__members__))
    pr = Pair(3)
    print(pr, pr.total(), pr._replace(right=9), pr._asdict(), Pair._fields, pr[0], tuple(pr), Pair._field_defaults)
    try:
        Shape()
    except TypeError as e:
        print("TypeError", e)
    print(Sq(3).double(), isinstance(Sq(1), Shape), issubclass(int, Shape))

    class Dyn(metaclass=Meta):
        pass
    print(events[-3:])
    K = Meta("K", (), {"a": 1})
    print(repr(K), K.a if hasattr(K, "a") else "no a", K.injected if hasattr(K, "injected") else "no injected")


main()
