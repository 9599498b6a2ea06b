"""Calls of plain classes whose __init__ is a Python function, which the
JIT makes itself (the object, then __init__ entered directly): the
result, errors from __init__ and from its binding, the caller's f_lasti as
__init__ sees it, decorators that are such classes (CALL 0 on [NULL,
decorator, function]), C recursion, and an __init__ replaced by a
finalizer while the object is being made (the old __init__ must neither
be called nor used after it is freed)."""
import gc
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)


class ReturnsValue:
    def __init__(self):
        return 5


class Raises:
    def __init__(self, n):
        if n > 2:
            raise ValueError("n too big: %d" % n)
        self.n = n


class CallerLasti:
    def __init__(self):
        self.lasti = sys._getframe(1).f_lasti
        self.line = sys._getframe(1).f_lineno


class Deco:
    """A decorator that is a plain class (as functools.cached_property)."""

    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        return self if obj is None else self.func(obj) * 10


class Base:
    @Deco
    def value(self):
        return 4


class Derived(Base):
    @Deco
    def value(self):
        return super().value // 10 + 1   # __class__ cell: __classcell__

    def __init__(self):
        super().__init__()
        self.made = True


@Deco
def module_level():
    return 1


def sums(n):
    total = Point(0, 0)
    for i in range(n):
        total = total + Point(i, 1)
    return total.x, total.y


def errors():
    out = []
    try:
        ReturnsValue()
    except TypeError as e:
        out.append(str(e))
    for n in range(5):
        try:
            out.append(Raises(n).n)
        except ValueError as e:
            out.append("ValueError: %s" % e)
    for args in [(), (1,), (1, 2, 3)]:
        try:
            Point(*args) if args != (1,) else Point(1)
        except TypeError as e:
            out.append(str(e))
    return out


def lasti():
    c = CallerLasti()
    return c.lasti, c.line


def deep(n):
    class Node:
        def __init__(self, k):
            self.child = Node(k - 1) if k else None
    return Node(n)


def recursion():
    try:
        deep(100000)
    except RecursionError:
        return "RecursionError"
    return "no error"


# --- __init__ (or its code, or its defaults) changed by a finalizer while
# an object is being made.  Collections come at every allocation of a
# tracked object (threshold 1), and the only such allocation in the loop
# is the instance itself (__slots__, int values), so the object whose
# allocation ran the finalizer is the one at SWAPPED_AT: stock calls the
# new __init__ for it (type_call looks __init__ up after the allocation).

KEPT = []
SWAPPED_AT = []


class Victim:
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b=1, c=2):
        self.a, self.b, self.c = a, b, c


def _new_init(self, a, b=1, c=2):
    self.a, self.b, self.c = -a, b, c


def _new_code(self, a, b=1, c=2):
    self.a, self.b, self.c = a, -b, c


class Swapper:
    action = None

    def __del__(self):
        action, Swapper.action = Swapper.action, None
        if action is None:
            return
        SWAPPED_AT.append(len(KEPT))
        if action == "init":
            Victim.__init__ = _new_init
        elif action == "code":
            Victim.__init__.__code__ = _new_code.__code__
        elif action == "defaults":
            Victim.__init__.__defaults__ = (30,)   # b is required now


def make_victims(action, kw):
    del KEPT[:], SWAPPED_AT[:]
    errors = []
    for i in range(1, 300):
        if i == 150:
            x, y = Swapper(), Swapper()
            x.other, y.other = y, x      # a cycle: only a collection frees it
            del x, y
            Swapper.action = action
        try:
            KEPT.append(Victim(i, c=5) if kw else Victim(i))
        except TypeError as e:
            errors.append((len(KEPT), str(e)))
    out = [(v.a, v.b, v.c) for v in KEPT]
    firsts = [i for i in range(1, len(out)) if out[i] != (i + 1, 1, 5 if kw else 2)]
    first = firsts[0] if firsts else None
    if errors:
        first = errors[0][0]
    # (only what does not depend on when the collection came)
    return (action, kw, SWAPPED_AT and first is not None and first - SWAPPED_AT[0],
            None if errors else out[-1], errors[0][1] if errors else None,
            len(KEPT) + len(errors))


def victims():
    threshold = gc.get_threshold()
    original = Victim.__init__
    out = []
    try:
        for action in ("init", "code", "defaults"):
            for kw in (False, True):
                Victim.__init__ = original
                original.__code__ = ORIGINAL_CODE
                original.__defaults__ = (1, 2)
                gc.collect()
                gc.set_threshold(1)
                out.append(make_victims(action, kw))
                gc.set_threshold(*threshold)
    finally:
        gc.set_threshold(*threshold)
    return out


ORIGINAL_CODE = Victim.__init__.__code__


print(sums(300))
print(errors())
print(lasti())
print(Derived().value, Base().value, Derived().made, module_level.func())
print(recursion())
print(victims())


class Base2:
    def __init__(self, v):
        self.v = ("base", v)


class Child2(Base2):
    pass


def make_children(n):
    return [Child2(i).v[0] for i in range(n)]


def patched_inits():
    out = [make_children(3)]
    Base2.__init__ = lambda self, v: setattr(self, "v", ("patched base", v))
    out.append(make_children(3))
    Child2.__init__ = lambda self, v: setattr(self, "v", ("own", v))
    out.append(make_children(3))
    del Child2.__init__
    out.append(make_children(3))
    Base2.__init__ = lambda self, v: None
    try:
        make_children(1)
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    return out


print(patched_inits())

