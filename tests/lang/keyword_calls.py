"""Calls with keyword arguments to functions that compiled code enters
directly: every binding and every binding error must be CPython's."""


def f(a, b=2, c=3):
    return a, b, c


def g(x, /, y, z=0):
    return x, y, z


class K:
    def __init__(self, p, q=10, *, r=None):
        self.vals = (p, q, r)


class J:
    def __init__(self, p, q=10):
        self.vals = (p, q)


calls = [
    lambda: f(1, c=5), lambda: f(a=1), lambda: f(c=9, a=8, b=7), lambda: f(1, 2, c=3),
    lambda: f(1, a=2), lambda: f(b=2), lambda: f(1, d=4), lambda: f(1, 2, 3, c=4),
    lambda: g(1, y=2), lambda: g(1, 2, z=3), lambda: g(x=1, y=2), lambda: g(1, z=3),
    lambda: J(1, q=2).vals, lambda: J(p=5).vals, lambda: J(q=5).vals, lambda: J(1, p=2).vals,
    lambda: K(1, r=3).vals, lambda: K(p=1, q=2).vals,
    lambda: f(**{"a": 1, "c": 2}), lambda: f(*(1,), **{"b": 5}),
]
for _ in range(3):
    for call in calls:
        try:
            print(call())
        except TypeError as e:
            print("TypeError", e)
