"""len(), isinstance() and list.append, which compiled code calls inline:
every container type and its subclasses, legacy names rebound (globally,
in builtins, by a local), __len__ and __instancecheck__ that run Python code
or raise, appends that grow the list, and receivers that only look alike."""
import builtins
import collections
import sys


class Sized(list):
    def __len__(self):
        return 42


class BadLen:
    def __len__(self):
        raise ValueError("no length")


class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__, sys._getframe(1).f_code.co_name)
        return obj == "yes"


class Checked(metaclass=Meta):
    pass


class Base:
    pass


class Derived(Base):
    pass


def lengths(values):
    out = []
    for v in values:
        try:
            out.append(len(v))
        except (TypeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


def checks(pairs):
    out = []
    for obj, cls in pairs:
        try:
            out.append(isinstance(obj, cls))
        except TypeError as e:
            out.append(f"TypeError: {e}")
    return out


def appends(target, n):
    for i in range(n):
        target.append(i * i)
    return target


CONTAINERS = [[], [1, 2, 3], (), (1,), {}, {1: 2, 3: 4}, set(), {1, 2}, frozenset("abc"), "",
              "héllo", "x" * 300, b"", b"bytes", bytearray(b"ab"), range(7), Sized([1]),
              collections.deque([1, 2]), {1: 2}.keys(), 5, None, BadLen(), list(range(1000))]
print(lengths(CONTAINERS))
print(checks([(1, int), (True, int), (1, bool), ("s", str), ("s", (int, str)), ([], list),
              (Derived(), Base), (Base(), Derived), ("yes", Checked), ("no", Checked),
              (1, 5), (1, (int, 5)), (Derived(), (Derived,)), (int, type), (Meta, type)]))
print(appends([], 100)[-3:], len(appends([0] * 17, 50)))


class Recorder(list):
    def append(self, x):
        print("Recorder.append", x)
        super().append(-x)


print(appends(Recorder(), 3), appends(collections.deque(), 3))
weird = type("Weird", (), {"append": lambda self, x: print("Weird.append", x)})()
appends(weird, 2)
bound = []
weird.append = bound.append  # an instance attribute: a bound method, not list.append
appends(weird, 2)
print(bound)
print(lengths([[1] * n for n in (255, 256, 257, 10**5)]))

# rebound names: the inline paths must notice
real_len = builtins.len
builtins.len = lambda x: "fake len"
print(lengths([[1, 2]]))
builtins.len = real_len
print(lengths([[1, 2]]))
len = lambda x: "global len"
print(lengths([[1, 2]]))
del len
isinstance = lambda a, b: "global isinstance"
print(checks([(1, int)]))
del isinstance


def local_shadow(values):
    len = lambda x: "local len"
    return [len(v) for v in values], [len(v) for v in values if True]


print(local_shadow([[1]]))


def appends_then_pop(n):
    items = []
    for i in range(n):
        items.append(i)
        if i % 3 == 0:
            items.pop()
    return items, len(items), isinstance(items, list), isinstance(items, tuple)


print(appends_then_pop(20))
