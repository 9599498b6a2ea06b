"""Async generators (their yields wrap values: ASYNC_GEN_WRAP), async for
over them and over custom iterators, async with, and the errors of await,
async for and async with."""
import asyncio
import types


async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
    yield "last"


class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Manager:
    def __init__(self, log, swallow=False):
        self.log, self.swallow = log, swallow

    async def __aenter__(self):
        self.log.append("enter")
        return self

    async def __aexit__(self, *exc):
        self.log.append(("exit", exc[0].__name__ if exc[0] else None))
        return self.swallow


class NotAwaitable:
    pass


class BadAiter:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


@types.coroutine
def legacy():
    yield
    return "legacy"


async def main():
    out = [x async for x in agen(3)]
    total = 0
    async for v in Counter(4):
        total += v
    log = []
    async with Manager(log) as m:
        log.append(m is not None)
    try:
        async with Manager(log):
            raise KeyError("k")
    except KeyError:
        log.append("propagated")
    async with Manager(log, swallow=True):
        raise ValueError("swallowed")
    g = agen(2)
    first = await g.__anext__()
    second = await g.asend(None)
    await g.aclose()
    errors = []
    for bad in (lambda: NotAwaitable(), lambda: 5):
        try:
            await bad()
        except TypeError as e:
            errors.append(str(e))
    for bad in (BadAiter(), BadAnext(), 3):
        try:
            async for _ in bad:
                pass
        except TypeError as e:
            errors.append(str(e))
    try:
        async with NotAwaitable():
            pass
    except (TypeError, AttributeError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
    coro = asyncio.sleep(0)
    await coro
    legacy_result = await legacy()

    async def waiter(fut):
        return await fut
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    c = waiter(fut)
    t1 = loop.create_task(c)
    await asyncio.sleep(0)
    try:
        await c  # already being awaited by the task
    except RuntimeError as e:
        errors.append(str(e))
    fut.set_result("done")
    return out, total, log, first, second, errors, legacy_result, await t1


async def stopping():
    async def gen():
        try:
            yield 1
            yield 2
        finally:
            print("agen finally")
    async for x in gen():
        print("got", x)
        break
    await asyncio.sleep(0)


for item in asyncio.run(main()):
    print(item)
asyncio.run(stopping())
