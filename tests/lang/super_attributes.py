"""super().NAME (super_getattro) at sites that cache the lookup per class and
starting type: methods, classmethods, staticmethods, properties, plain
values, __class__, missing names, __new__ of a builtin, and changes to the
hierarchy's dicts and to a descriptor's type after the sites learned."""

class Base:
    def __new__(cls, *a):
        return super().__new__(cls)
    def hello(self):
        return "Base.hello " + type(self).__name__
    @classmethod
    def cm(cls):
        return "Base.cm " + cls.__name__
    @staticmethod
    def sm(x):
        return "Base.sm %s" % x
    @property
    def prop(self):
        return "Base.prop"
    value = 10

class Mid(Base):
    def hello(self):
        return "Mid>" + super().hello()
    def cm2(self):
        return super().cm()
    def sm2(self):
        return super().sm(3)
    def prop2(self):
        return super().prop
    def value2(self):
        return super().value
    def klass(self):
        return super().__class__.__name__, super().__thisclass__.__name__
    def missing(self):
        try:
            return super().nothing
        except AttributeError as e:
            return "AttributeError " + str(e)

class Leaf(Mid):
    def hello(self):
        return "Leaf>" + super().hello()

class MyStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v + "!")

def run(objs):
    out = []
    for o in objs:
        out.append((o.hello(), o.cm2(), o.sm2(), o.prop2(), o.value2(), o.klass(), o.missing()))
    return out

for i in range(300):
    r = run([Mid(), Leaf()])
    s = MyStr("x")
print(r, s)
# change the hierarchy's dicts: the cached lookups must see it
Base.value = 20
def newhello(self): return "new Base.hello"
Base.hello = newhello
print(run([Mid(), Leaf()]))
Mid.hello = lambda self: "patched Mid " + super(Mid, self).hello()
print(Leaf().hello())
class Other(Base):
    value = 99
print(super(Other, Other()).value, super(Base, Other()).__init__.__name__)
# unbound super and super with a type as the second argument
print(super(Mid, Leaf).cm(), super(Leaf, Leaf).hello(Leaf()))
del Base.value
try:
    print(Mid().value2())
except AttributeError as e:
    print("AttributeError", e)
class D:
    def __get__(self, obj, cls): return ("D.__get__", obj is not None, cls.__name__)
Base.d = D()
class E(Mid):
    def getd(self): return super().d
for i in range(5): x = E().getd()
print(x)
D.__get__ = lambda self, obj, cls: "patched __get__"
print(E().getd())
