"""Function calls: defaults (incl. mutable), *args/**kwargs, keyword-only, positional-only, argument errors, introspection."""
import functools
import inspect


def f_basic(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


def f_posonly(a, b, /, c, *, d):
    return a + b * 10 + c * 100 + d * 1000


def f_mutable_default(x, acc=[]):
    acc.append(x)
    return len(acc)


def f_kwonly(*, x, y=1):
    return x - y


def f_varargs(*args):
    return sum(args), len(args)


def f_kwargs(**kw):
    return ",".join(f"{k}={v}" for k, v in kw.items())


def f_posonly_kw(a, /, **kw):
    return a, sorted(kw.items())


def f_none():
    pass


def f_many(a, b, c, d, e, f, g, h, i, j):
    return a - b + c - d + e - f + g - h + i - j


def hot(i):
    s = 0
    s += f_basic(i, c=1)[0]
    s += f_basic(i, i, i, i, c=2, d=3, z=4)[1]
    s += f_posonly(1, 2, 3, d=i)
    s += f_posonly(1, 2, c=i, d=0)
    s += f_kwonly(x=i) + f_kwonly(y=i, x=0)
    s += f_varargs(*range(i % 10))[0]
    s += len(f_kwargs(**{"k%d" % j: j for j in range(i % 5)}))
    s += f_many(*range(5), *range(5))
    s += f_many(1, 2, 3, 4, 5, j=6, i=7, h=8, g=9, f=10)
    args = (i, 1)
    kw = {"c": 5}
    s += f_basic(*args, **kw)[1]
    s += (lambda a, *r, k=3: a + len(r) + k)(i, 1, 2, k=1)
    return s


NOTHING = None


def errors():
    out = []
    calls = [
        lambda: f_basic(),
        lambda: f_basic(1),
        lambda: f_basic(1, a=2, c=3),
        lambda: f_posonly(1, b=2, c=3, d=4),
        lambda: f_posonly(1, 2, 3, 4),
        lambda: f_kwonly(1),
        lambda: f_kwonly(x=1, z=2),
        lambda: f_none(1),
        lambda: f_many(1, 2),
        lambda: f_kwargs(1),
        lambda: f_basic(1, c=1, **{"c": 2}),
        lambda: f_basic(*5),
        lambda: f_basic(1, **[1]),
        lambda: f_basic(1, **{1: 2}),
        lambda: (lambda: 0)(x=1),
        lambda: len(),
        lambda: len([], []),
        lambda: int(x=5),
        lambda: sorted([], 1),
        lambda: NOTHING(),
        lambda: f_posonly_kw(1, a=2),
    ]
    for c in calls:
        try:
            out.append(("ok", c()))
        except TypeError as e:
            out.append(f"TypeError: {e}")
    return out


def introspect():
    out = []
    for fn in (f_basic, f_posonly, f_kwonly, f_mutable_default, f_posonly_kw):
        out.append((fn.__name__, fn.__qualname__, fn.__defaults__, fn.__kwdefaults__,
                    fn.__code__.co_argcount, fn.__code__.co_posonlyargcount,
                    fn.__code__.co_kwonlyargcount, fn.__code__.co_varnames[:6], str(inspect.signature(fn))))
    p = functools.partial(f_basic, 1, c=9)
    out.append(p(2, 3))
    out.append(p(d=0, c=1))
    sig = inspect.signature(f_basic)
    out.append(sig.bind(1, 2, 3, c=4, e=5).arguments)

    def annotated(a: int, b: "str" = "x") -> list:
        return [a, b]
    out.append(annotated.__annotations__)
    f_kwonly.__kwdefaults__ = {"y": 100}
    out.append(f_kwonly(x=1))
    f_kwonly.__kwdefaults__ = {"y": 1}
    old = f_basic.__defaults__
    f_basic.__defaults__ = (77,)
    out.append(f_basic(1, c=0))
    f_basic.__defaults__ = old
    return out


def main():
    total = 0
    for i in range(1000):
        total += hot(i)
    print("hot total", total)
    print(f_basic(1, c=2), f_basic(1, 2, 3, 4, c=5, d=6, e=7, a_=8))
    print(f_posonly(1, 2, 3, d=4), f_posonly_kw(1, a=2, b=3))
    print([f_mutable_default(i) for i in range(5)], f_mutable_default(0, []), f_mutable_default(9))
    for e in errors():
        print(e)
    for e in introspect():
        print(e)
    # recursion through *args/**kwargs forwarding
    def fwd(*a, **k):
        if len(a) < 5:
            return fwd(*a, len(a), **k, **{"n%d" % len(a): 1})
        return a, sorted(k)
    print(fwd())


main()
