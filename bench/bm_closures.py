"""Closures and decorators.

Function factories capturing variables, ``nonlocal`` counters, decorators
with and without arguments built on ``functools.wraps``, a memoizing
decorator, ``functools.partial``, composed lambdas and bound-method
callbacks.  Checksum: the values computed.
"""

import functools

import harness

DEFAULT_SIZE = 480000
QUICK_SIZE = 48000


def counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment


def call_counter(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def clamp(low, high):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args):
            return max(low, min(high, func(*args)))
        return wrapper
    return decorator


def memoize(func):
    cache = {}

    @functools.wraps(func)
    def wrapper(n):
        try:
            return cache[n]
        except KeyError:
            value = cache[n] = func(n)
            return value
    wrapper.cache = cache
    return wrapper


@call_counter
@clamp(-1000, 1000)
def score(a, b):
    return a * 3 - b * 2


@memoize
def partitions(n):
    """Number of integer partitions of n (Euler's pentagonal recurrence)."""
    if n < 0:
        return 0
    if n == 0:
        return 1
    total, k = 0, 1
    while True:
        for g in (k * (3 * k - 1) // 2, k * (3 * k + 1) // 2):
            if g > n:
                return total
            total += (1 if k % 2 else -1) * partitions(n - g)
        k += 1


def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed


def make_adders(n):
    return [lambda x, i=i: x + i for i in range(n)]


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, value):
        self.total += value


def run(size):
    tick = counter()
    score.calls = 0
    total = 0
    for i in range(size):
        total += score(i % 500, tick() % 700)
    pipeline = compose(lambda x: x * 2, lambda x: x - 3,
                       functools.partial(pow, exp=2, mod=1000003))
    piped = sum(pipeline(i) for i in range(size))
    adders = make_adders(50)
    added = sum(f(i) for i in range(size // 50) for f in adders)
    acc = Accumulator()
    callbacks = [acc.add] * 10
    for i in range(size // 10):
        for cb in callbacks:
            cb(i)
    partitions.cache.clear()
    for n in range(size // 100):   # bottom-up, so the recursion stays shallow
        parts = partitions(n)
    return "%d %d %d %d %d %d %d" % (total, score.calls, piped, added,
                                     acc.total, parts % 1000000007,
                                     tick(0))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
