"""Attribute sites that see several types (each in its own way of the
site's cache, read inline) and module attributes (by the module dict's
version): every way must stay right when its class, an instance or the
module changes after the site has warmed up."""
import sys
import types


class Base:
    kind = "base"

    def __init__(self, n):
        self.n = n
        self.tag = "t%d" % n

    def step(self):
        return self.n + 1


class Left(Base):
    kind = "left"

    def step(self):
        return self.n * 2


class Right(Base):
    def __init__(self, n):
        self.extra = -n  # another key order: another index for n
        super().__init__(n)


class Slotted:
    __slots__ = ("n", "tag")

    def __init__(self, n):
        self.n = n
        self.tag = "s%d" % n

    def step(self):
        return -self.n


class Plain:
    def step(self):
        return "plain"


def read_n(objs):
    return [o.n for o in objs]


def read_tag(objs):
    return [o.tag for o in objs]


def call_step(objs):
    return [o.step() for o in objs]


def bump(objs):
    for o in objs:
        o.n = o.n + 10


def kinds(objs):
    return [o.kind for o in objs]


def mixed():
    objs = [Base(1), Left(2), Right(3), Slotted(4), Base(5), Left(6)]
    out = []
    for _ in range(3):
        out.append((read_n(objs), read_tag(objs), call_step(objs)))
        bump(objs)
    out.append(kinds([o for o in objs if not isinstance(o, Slotted)]))
    # a method replaced on one class of the polymorphic site
    Left.step = lambda self: "patched %d" % self.n
    out.append(call_step(objs))
    # an instance attribute shadowing the method on one instance
    objs[0].step = lambda: "own step"
    out.append(call_step(objs))
    del objs[0].step
    out.append(call_step(objs))
    # __class__ assignment moves an instance to another way
    objs[4].__class__ = Left
    out.append((read_n(objs), call_step(objs)))
    # an attribute deleted: the inline read must not find a stale value
    del objs[2].n
    try:
        read_n(objs)
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    objs[2].n = "again"
    out.append(read_n(objs))
    # a slot emptied
    del objs[3].tag
    try:
        read_tag(objs)
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    # a class attribute that becomes a property on one class
    Right.kind = property(lambda self: "prop %s" % self.n)
    out.append(kinds([o for o in objs if not isinstance(o, Slotted)]))
    return out


def many_types():
    # more types than ways: the site goes megamorphic and stays right
    classes = [type("K%d" % i, (Base,), {"step": lambda self, i=i: i}) for i in range(20)]
    objs = [cls(i) for i, cls in enumerate(classes)] * 3
    return sum(read_n(objs)), sum(call_step(objs)), call_step([Plain()])


# --- module attributes ------------------------------------------------------

mod = types.ModuleType("mod")
mod.value = 1
mod.func = lambda x: x + 1
sys.modules["mod"] = mod


def read_module():
    return mod.value


def call_module(x):
    return mod.func(x)


class FakeModule:
    value = "fake"

    @staticmethod
    def func(x):
        return "fake %s" % x


def modules():
    global mod
    out = [[read_module() for _ in range(3)], [call_module(i) for i in range(3)]]
    mod.value = 2                      # the dict changes: the version moves on
    mod.func = lambda x: x * 100
    out.append((read_module(), call_module(3)))
    mod.__dict__["value"] = 3          # through the dict itself
    out.append(read_module())
    del mod.value
    try:
        read_module()
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    mod.value = 4
    out.append(read_module())
    real = mod
    mod = FakeModule()                 # the same site now sees no module
    out.append((read_module(), call_module(5)))
    mod = types.ModuleType("other")    # another module with the same names
    mod.value, mod.func = "other", str
    out.append((read_module(), call_module(6)))
    mod = real
    out.append((read_module(), call_module(7)))
    mod.__getattr__ = lambda name: "module getattr " + name  # PEP 562
    del mod.value
    out.append(read_module())
    return out


print(mixed())
print(many_types())
print(modules())


# --- attributes of classes themselves ----------------------------------------


class Meta(type):
    def __getattribute__(cls, name):
        return "meta " + name if name == "kind" else type.__getattribute__(cls, name)


class WithMeta(metaclass=Meta):
    kind = "own"


def class_kind(cls):
    return cls.kind


def show(values):
    return [type(v).__name__ if isinstance(v, property) else v for v in values]


def class_step(cls, obj):
    return cls.step(obj)


def classes():
    out = [show([class_kind(k) for k in (Base, Left, Right, Base, Left)])]
    out.append([class_step(k, Left(3)) for k in (Base, Right, Left)])
    Base.kind = "rebased"                  # the class changes: its version too
    out.append(show([class_kind(k) for k in (Base, Left, Right)]))
    del Left.kind                          # now inherited from Base
    out.append(show([class_kind(k) for k in (Base, Left, Right)]))
    Base.step = lambda self: "new base step"
    out.append([class_step(k, Left(3)) for k in (Base, Right, Left)])
    # instances and their classes at one site (a class's version is the
    # version its instances' ways are keyed by)
    mixed = [Base(1), Base, Left(2), Left, Right(3), Right]
    out.append(show([class_kind(o) for o in mixed] + [class_kind(o) for o in mixed]))
    out.append(show([class_kind(k) for k in (WithMeta, Base, WithMeta)]))
    try:
        class_kind(Slotted)
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    Slotted.kind = "late"
    out.append(class_kind(Slotted))
    out.append(hasattr(int, "kind"))
    return out


print(classes())


# --- class-level reads of C descriptors, stores past class defaults ---------


class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)   # a slot wrapper read from a class

    def __setattr__(self, name, value):
        raise AttributeError("frozen")


def set_via_object(objs, value):
    for o in objs:
        object.__setattr__(o, "v", value)
    return [o.v for o in objs]


class Defaults:
    flag = None             # a class default that instances overwrite
    count = 0

    def method(self):
        return "method"


class Settable:
    """A plain value's type that gains __set__ later (it then becomes a data
    descriptor: stores must go through it)."""
    pass


class WithSettable:
    attr = Settable()


def set_flags(objs, value):
    for o in objs:
        o.flag = value
        o.count = o.count + 1
    return [(o.flag, o.count) for o in objs]


def set_attr(o, value):
    o.attr = value


def stores():
    out = []
    objs = [Frozen(i) for i in range(3)]
    out.append(set_via_object(objs, "x"))
    try:
        objs[0].v = 1
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    ds = [Defaults() for _ in range(3)]
    for i in range(3):
        out.append(set_flags(ds, i))
    out.append((Defaults.flag, Defaults.count))
    Defaults.flag = property(lambda self: "prop", lambda self, v: out.append(("set", v)))
    out.append(set_flags(ds, "after"))
    ds[0].method = "shadow"   # a method name stored on the instance
    out.append((ds[0].method, ds[1].method()))
    w = WithSettable()
    for i in range(3):
        set_attr(w, i)
    out.append(w.__dict__)
    Settable.__set__ = lambda self, inst, value: out.append(("descr set", value))
    set_attr(w, "through __set__")
    out.append(w.__dict__)
    return out


print(stores())


# --- new attributes set inline: the instance's attribute order ----------------


class Ordered:
    def __init__(self, n, first):
        if first:
            self.a = n
            self.b = -n
        else:
            self.b = -n
            self.a = n
        self.c = "c%d" % n


def build_ordered():
    objs = [Ordered(i, i % 3 != 0) for i in range(12)]
    out = [list(vars(o)) for o in objs[:4]]
    o = objs[1]
    del o.a
    o.a = "re-added"          # goes last now
    o.d = "new key"           # grows the shared keys
    out.append(list(o.__dict__.items()))
    out.append([list(vars(Ordered(i, i % 2 == 0))) for i in range(4)])
    out.append(sorted(vars(objs[5]).items()))
    return out


print(build_ordered())
