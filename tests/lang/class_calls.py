"""Calling classes: compiled code allocates a plain class's instance and
calls its compiled __init__ directly.  Everything else (__new__, metaclasses,
builtin bases, abstract classes, keyword arguments) takes the generic path;
errors and recursion depths must be CPython's."""
import abc
import sys
import traceback


class Point:
    def __init__(self, x, y=0):
        self.x, self.y = x, y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class BadInit:
    def __init__(self):
        return 42


class Raising:
    def __init__(self, n):
        if n < 0:
            raise ValueError("negative %d" % n)
        self.n = n


class WithNew:
    def __new__(cls, *args):
        print("WithNew.__new__", args)
        return super().__new__(cls)

    def __init__(self, a):
        self.a = a


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class Metaed(metaclass=Meta):
    def __init__(self, a):
        self.a = a


class MyList(list):
    def __init__(self, n):
        super().__init__(range(n))


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass

    def __init__(self):
        pass


class NoInit:
    pass


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class Nested:
    def __init__(self, depth):
        self.child = Nested(depth - 1) if depth else None


def make_all():
    out = []
    for _ in range(3):
        p = Point(1, 2)
        out.append((p.x, p.y, Point(5).y, vars(Point3(1, 2, 3))))
        out.append((WithNew(1).a, Metaed(2).a, MyList(3), Slotted(4).a, type(NoInit()).__name__))
        for thunk in (lambda: BadInit(), lambda: Raising(-1), lambda: Abstract(),
                      lambda: NoInit(1), lambda: Point(), lambda: Point(1, 2, 3),
                      lambda: Point(x=1, y=2).y):
            try:
                out.append(thunk())
            except (TypeError, ValueError) as e:
                out.append("%s: %s" % (type(e).__name__, e))
    return out


for item in make_all():
    print(item)
try:
    Raising(-5)
except ValueError:
    print(traceback.format_exc().replace(__file__, "FILE"))

# recursion through __init__: the same depth as CPython
depth = 0
class Deep:
    def __init__(self):
        global depth
        depth += 1
        Deep()
sys.setrecursionlimit(200)
try:
    Deep()
except RecursionError as e:
    print("RecursionError at", depth, e)
sys.setrecursionlimit(1000)
print(Nested(50).child.child is not None)
# the instance gets inline values (a dict only when asked for), as object_new makes it
p = Point(1, 2)
print(sys.getsizeof(p), sys.getsizeof(p.__dict__), p.__dict__)
q = Point(3)
q.extra = 1
print(sys.getsizeof(vars(q)), vars(q))
Point.__init__ = lambda self, x, y=7: setattr(self, "x", -x)
print(vars(Point(3)))
