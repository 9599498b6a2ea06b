"""Descriptors, properties, __slots__, __getattr__/__getattribute__/__setattr__/__delattr__, __class__ assignment, __set_name__."""

log = []


class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        log.append(f"set_name {owner.__name__}.{name}")

    def __init__(self, typ):
        self.typ = typ

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.typ):
            raise TypeError(f"{self.name[1:]} must be {self.typ.__name__}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        log.append("delete " + self.name)
        delattr(obj, self.name)


class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"


class Person:
    name = Typed(str)
    age = Typed(int)
    nd = NonData()

    def __init__(self, name, age):
        self.name = name
        self.age = age

    @property
    def label(self):
        return f"{self.name}({self.age})"

    @label.deleter
    def label(self):
        log.append("label deleted")


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class SlottedChild(Slotted):
    __slots__ = ("z",)


class SlotsWithDict(Slotted):
    pass


class Dynamic:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("virt_"):
            return name[5:].upper()
        raise AttributeError(f"no attribute {name!r}")


class Guarded:
    def __init__(self):
        object.__setattr__(self, "store", {})

    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        self.store[name] = value

    def __getattr__(self, name):
        try:
            return self.store[name]
        except KeyError:
            raise AttributeError(name) from None

    def __delattr__(self, name):
        self.store.pop(name, None)


class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


class Lazy:
    def __init__(self):
        self.calls = 0

    @property
    def value(self):
        self.calls += 1
        return self.calls * 10


def hot_attrs(n):
    p = Person("ann", 30)
    s = Slotted(1)
    sc = SlottedChild(2)
    d = Dynamic()
    g = Guarded()
    tot = 0
    for i in range(n):
        p.age = i
        tot += p.age
        s.y = i
        tot += s.x + s.y
        sc.z = i * 2
        tot += sc.z + sc.x
        tot += len(d.virt_abc) + d.real
        g.val = i
        tot += g.val
        tot += len(p.label)
    return tot


def main():
    print(hot_attrs(1000))
    print(log)
    p = Person("bob", 5)
    print(p.label, p.nd, Person.name.typ.__name__, sorted(vars(p)))
    p.nd = "instance wins over non-data"
    print(p.nd)
    try:
        p.age = "old"
    except TypeError as e:
        print("TypeError", e)
    del p.age
    print(p.age, log[-1])
    del p.label
    try:
        p.label = "x"
    except AttributeError as e:
        print("AttributeError", e)
    s = Slotted(1)
    try:
        s.z = 3
    except AttributeError as e:
        print("AttributeError", e)
    try:
        print(s.y)
    except AttributeError as e:
        print("AttributeError", e)
    print(hasattr(s, "__dict__"), hasattr(SlotsWithDict(1), "__dict__"), Slotted.__slots__,
          type(Slotted.x).__name__, SlottedChild.__slots__)
    d = Dynamic()
    print(d.virt_hello, getattr(d, "missing", "default"), hasattr(d, "virt_x"), hasattr(d, "nope"))
    try:
        d.nope
    except AttributeError as e:
        print("AttributeError", e)
    g = Guarded()
    g.a = 1
    print(g.secret, g.a, g.store)
    del g.a
    print(hasattr(g, "a"))
    # __class__ assignment mid loop
    pet = Cat()
    sounds = []
    for i in range(400):
        if i == 200:
            pet.__class__ = Dog
        sounds.append(pet.speak())
    print(sounds.count("meow"), sounds.count("woof"), type(pet).__name__)
    try:
        pet.__class__ = int
    except TypeError as e:
        print("TypeError", e)
    lz = Lazy()
    print([lz.value for _ in range(3)], lz.calls)
    # replacing a property with a plain attribute on the class after use
    tot = 0
    for i in range(300):
        if i == 100:
            Lazy.value = 5
        tot += lz.value
    print(tot)
    # property defined with property()
    class R:
        def _g(self):
            return self._r * 2

        def _s(self, v):
            self._r = v
        r = property(_g, _s, None, "doc r")
    rr = R()
    rr.r = 4
    print(rr.r, R.r.__doc__)
    # descriptor on type via classmethod/staticmethod objects
    class M:
        @classmethod
        def cm(cls):
            return cls.__name__

        @staticmethod
        def sm(x):
            return x + 1
    print(M.cm(), M().cm(), M.sm(1), M().sm(2), M.__dict__["sm"].__func__(10))
    # object.__setattr__ on builtin
    try:
        object.__setattr__(1, "x", 1)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    try:
        (1).x = 3
    except AttributeError as e:
        print("AttributeError", e)


main()
