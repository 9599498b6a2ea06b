"""Class attributes read through instances (self.LIMIT), which compiled code
loads inline: shadowed later by an instance attribute, rebound or deleted
on the class, a value whose class gains __get__ after the site warmed up,
instances whose dict was materialized, subclasses, slots and __getattr__."""


class Marker:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Marker({self.name})"


class Config:
    LIMIT = 10
    label = "config"
    marker = Marker("m")

    def __init__(self, x):
        self.x = x

    def read(self):
        return self.LIMIT, self.label, self.marker, self.x


class Sub(Config):
    label = "sub"


class Slotted:
    __slots__ = ("a",)
    LIMIT = 3

    def __init__(self):
        self.a = 1

    def read(self):
        return self.LIMIT + self.a


class Fallback:
    LIMIT = 5

    def __getattr__(self, name):
        return f"getattr:{name}"

    def read(self):
        return self.LIMIT, self.missing


def reads(objs, n=3):
    out = []
    for _ in range(n):
        for o in objs:
            out.append(o.read())
    return out


objs = [Config(1), Config(2), Sub(3)]
print(reads(objs))
objs[0].LIMIT = 99                      # an instance shadows the class attribute
print(reads(objs))
del objs[0].LIMIT
print(reads(objs))
Config.LIMIT = 11                       # the class attribute rebound
print(reads(objs))
objs[1].__dict__["label"] = "via dict"  # the instance dict materialized, then shadowing
print(reads(objs))
vars(objs[2])                           # materialized without shadowing
print(reads(objs))
Marker.__get__ = lambda self, obj, cls: f"descriptor for {type(obj).__name__}"
print(reads(objs))                      # the value's class gained __get__
del Marker.__get__
print(reads(objs))
Marker.__set__ = lambda self, obj, value: None  # a data descriptor now
print(reads(objs))
del Marker.__set__
del Config.LIMIT
try:
    print(reads(objs))
except AttributeError as e:
    print("AttributeError", e)
print(reads([Slotted(), Slotted()]), reads([Fallback()]))
Slotted.LIMIT = 30
print(reads([Slotted()]))
