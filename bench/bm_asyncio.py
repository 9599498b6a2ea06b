"""Asyncio: many tasks exchanging work through queues on the event loop.

A pipeline of producer, worker and collector coroutines connected by
``asyncio.Queue``, plus fan-out with ``gather``, ``Event`` signalling,
``wait_for`` and cancellation.  Scheduling is deterministic (no real I/O,
only ``sleep(0)``).  Checksum: what the collectors accumulated.
"""

import asyncio

import harness

DEFAULT_SIZE = 25000
QUICK_SIZE = 2500

WORKERS = 8


async def producer(queue, count, seed):
    value = seed
    for _ in range(count):
        value = (value * 48271) % 2147483647
        await queue.put(value)
        if value % 5 == 0:
            await asyncio.sleep(0)


async def worker(inbox, outbox):
    while True:
        value = await inbox.get()
        if value is None:
            inbox.task_done()
            return
        await asyncio.sleep(0)
        await outbox.put(value % 1000)
        inbox.task_done()


async def collector(outbox, expected, done):
    total = count = 0
    while count < expected:
        total += await outbox.get()
        count += 1
    done.set()
    return total


async def fan_out(n):
    async def square(i):
        await asyncio.sleep(0)
        return i * i
    results = await asyncio.gather(*(square(i) for i in range(n)))
    return sum(results)


async def cancelled_sleepers(n):
    async def sleeper():
        await asyncio.sleep(3600)

    tasks = [asyncio.ensure_future(sleeper()) for _ in range(n)]
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    return sum(isinstance(o, asyncio.CancelledError) for o in outcomes)


async def main(size):
    inbox, outbox = asyncio.Queue(maxsize=64), asyncio.Queue()
    done = asyncio.Event()
    producers = [producer(inbox, size, seed) for seed in (1, 2, 3)]
    workers = [asyncio.ensure_future(worker(inbox, outbox))
               for _ in range(WORKERS)]
    collect = asyncio.ensure_future(collector(outbox, 3 * size, done))
    await asyncio.gather(*producers)
    await inbox.join()
    for _ in workers:
        await inbox.put(None)
    await asyncio.gather(*workers)
    await asyncio.wait_for(done.wait(), timeout=60)
    total = await collect
    squares = await fan_out(size // 2)
    cancelled = await cancelled_sleepers(size // 10)
    return "%d %d %d" % (total, squares, cancelled)


def run(size):
    return asyncio.run(main(size))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
