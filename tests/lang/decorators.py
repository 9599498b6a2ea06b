"""Decorators: functools.wraps, decorators with arguments, stacked decorators, class decorators, lru_cache, method decorators."""
import functools

calls = []


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        wrapper.repeat_count = n
        return wrapper
    return deco


def add_tag(tag):
    def deco(fn):
        @functools.wraps(fn)
        def w(*a, **k):
            return f"<{tag}>{fn(*a, **k)}</{tag}>"
        return w
    return deco


@add_tag("b")
@add_tag("i")
@trace
def greet(name, punct="!"):
    """Greets."""
    return f"hi {name}{punct}"


@repeat(3)
def roll(x):
    return x * 2


def register(cls):
    cls.registered = True
    cls.describe = lambda self: f"{type(self).__name__}:{self.v}"
    return cls


def singleton(cls):
    instances = {}

    @functools.wraps(cls, updated=())
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get


@register
class Thing:
    def __init__(self, v):
        self.v = v


@singleton
class Config:
    def __init__(self, name):
        self.name = name


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=4)
def sq(n):
    calls.append(f"sq{n}")
    return n * n


class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9

    @staticmethod
    def unit():
        return "C"

    @classmethod
    def freezing(cls):
        return cls(0)

    @functools.cached_property
    def expensive(self):
        calls.append("expensive")
        return self._c * 100

    @trace
    def method(self, k):
        return self._c + k


class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.n = 0

    def __call__(self, *a):
        self.n += 1
        return self.fn(*a)


@CountCalls
def cube(x):
    return x ** 3


def deco_expr_order():
    log = []

    def mk(name):
        log.append("make " + name)

        def d(f):
            log.append("apply " + name)
            return f
        return d

    @mk("outer")
    @mk("inner")
    def f():
        pass
    return log


def main():
    out = []
    for i in range(500):
        out.append(greet("x%d" % (i % 3)))
    print(len(calls), out[:3], greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
    print(roll(5), roll.repeat_count, roll.__name__)
    t = Thing(3)
    print(Thing.registered, t.describe())
    print(Config("a") is Config("b"), Config("c").name, Config.__name__)
    print(fib(200), fib.cache_info().hits > 0)
    calls.clear()
    for i in range(200):
        sq(i % 6)
    print(len(calls), calls[:8], sq.cache_info())
    tt = Temp(100)
    print(tt.f, Temp.unit(), Temp.freezing().f)
    tt.f = 212
    print(tt._c, tt.expensive, tt.expensive, calls[-1:], calls.count("expensive"))
    s = 0
    for i in range(500):
        s += tt.method(i)
    print(s, calls.count("method"))
    for i in range(300):
        cube(i)
    print(cube.n, cube(3), cube.__name__)
    print(deco_expr_order())
    print(functools.reduce(lambda a, b: a * b, range(1, 15)), functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))


main()
