"""async/await: asyncio.run, tasks, gather, queues, async generators, async with/for, cancellation, manual coroutine driving."""
import asyncio
import types

log = []


async def work(name, n):
    total = 0
    for i in range(n):
        total += i
        if i % 10 == 0:
            await asyncio.sleep(0)
    log.append(f"{name} done")
    return (name, total)


async def failing(x):
    await asyncio.sleep(0)
    raise ValueError(f"fail {x}")


class AsyncRes:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        log.append(f"aenter {self.name}")
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, et, ev, tb):
        log.append(f"aexit {self.name} {et.__name__ if et else None}")
        return et is KeyError


class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i


async def agen(n):
    try:
        for i in range(n):
            yield i * i
            await asyncio.sleep(0)
    finally:
        log.append(f"agen({n}) finalized")


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    got = []
    while True:
        item = await q.get()
        if item is None:
            return got
        got.append(item * 2)


async def sleeper_cancel():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        log.append("cancelled cleanup")
        raise


async def compute(i):
    return i * i + 1


async def hot_loop(n):
    s = 0
    for i in range(n):
        s += await compute(i)
    return s


async def main_async():
    out = []
    out.append(await hot_loop(2000))
    res = await asyncio.gather(work("a", 50), work("b", 5), work("c", 25))
    out.append(res)
    out.append(await asyncio.gather(failing(1), work("d", 3), return_exceptions=True))
    try:
        await asyncio.gather(failing(2), compute(3))
    except ValueError as e:
        out.append(f"gather raised {e}")
    t1 = asyncio.create_task(work("t1", 30), name="task-one")
    t2 = asyncio.create_task(work("t2", 30))
    out.append((await t1, await t2, t1.get_name(), t1.done()))
    async with AsyncRes("r1") as r:
        out.append(r.name)
    async with AsyncRes("r2"):
        raise KeyError("suppressed")
    try:
        async with AsyncRes("r3"):
            raise IndexError("propagates")
    except IndexError as e:
        out.append(f"IndexError {e}")
    out.append([x async for x in ARange(5)])
    acc = []
    async for v in agen(6):
        acc.append(v)
    out.append(acc)
    ag = agen(10)
    out.append([await ag.__anext__(), await ag.__anext__()])
    await ag.aclose()
    out.append([v async for v in agen(4) if v % 2 == 0])
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer(q, 10))
    got = await consumer(q)
    await prod
    out.append(got)
    t = asyncio.create_task(sleeper_cancel())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        out.append(f"task cancelled={t.cancelled()}")
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.001)
    except asyncio.TimeoutError:
        out.append("timeout")
    ev = asyncio.Event()
    order = []

    async def waiter(k):
        await ev.wait()
        order.append(k)
    ws = [asyncio.create_task(waiter(k)) for k in range(4)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws)
    out.append(order)
    lock = asyncio.Lock()
    shared = []

    async def locked(k):
        async with lock:
            shared.append(k)
            await asyncio.sleep(0)
            shared.append(-k)
    await asyncio.gather(*(locked(k) for k in range(3)))
    out.append(shared)
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, "future value")
    out.append(await fut)
    return out


@types.coroutine
def raw_yield(v):
    x = yield v
    return x * 2


async def driven():
    a = await raw_yield("first")
    b = await raw_yield("second")
    return a + b


def drive_manually():
    c = driven()
    out = [c.send(None), c.send(5)]
    try:
        c.send(10)
    except StopIteration as e:
        out.append(e.value)
    c2 = driven()
    c2.send(None)
    try:
        c2.throw(RuntimeError("thrown in"))
    except RuntimeError as e:
        out.append(str(e))
    c3 = driven()
    c3.close()
    out.append(type(c3).__name__)
    return out


def main():
    for item in asyncio.run(main_async()):
        print(item)
    for line in log:
        print(line)
    print(drive_manually())
    print(asyncio.iscoroutinefunction(work), asyncio.iscoroutinefunction(main))


main()
