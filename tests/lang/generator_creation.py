"""Compiled code makes generators, coroutines and async generators itself
(RETURN_GENERATOR): their names, code, frames and states, coroutine origin
tracking (which the interpreter does), closures and cells in the frame."""
import asyncio
import inspect
import sys


def gen(a, b=2):
    c = a + b
    yield c
    yield locals()


def outer(x):
    def inner_gen():
        nonlocal x
        x += 1
        yield x
    return inner_gen


async def coro(n):
    await asyncio.sleep(0)
    return n * 2


async def agen(n):
    for i in range(n):
        yield i


class K:
    def method_gen(self):
        yield self


for _ in range(3):
    g = gen(1)
    print(g.__name__, g.__qualname__, g.gi_code.co_name, inspect.getgeneratorstate(g),
          g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals), g.gi_running, g.gi_frame.f_back)
    print(next(g), inspect.getgeneratorstate(g), sorted(next(g)))
    g.close()
    print(inspect.getgeneratorstate(g), g.gi_frame)
    ig = outer(10)()
    print(next(ig), ig.gi_frame.f_code.co_freevars)
    k = K()
    print(next(k.method_gen()) is k, K.method_gen.__qualname__)
    c = coro(4)
    print(type(c).__name__, c.cr_origin, inspect.getcoroutinestate(c), c.cr_frame.f_back,
          asyncio.run(c))
    a = agen(3)
    print(type(a).__name__, a.ag_running, a.__qualname__, a.ag_frame.f_back,
          asyncio.run(a.__anext__()))

sys.set_coroutine_origin_tracking_depth(2)
c = coro(5)
print([(name, lineno) for _file, lineno, name in c.cr_origin], asyncio.run(c))
sys.set_coroutine_origin_tracking_depth(0)
print(coro(1).cr_origin)
for c in [coro(1)]:
    c.close()
try:
    gen()
except TypeError as e:
    print("TypeError", e)
