"""Threading: locks, RLock, Condition, queues, Events, Barrier, thread-local data, ThreadPoolExecutor; results joined and printed deterministically."""
import concurrent.futures
import queue
import threading

counter = 0
lock = threading.Lock()


def add_many(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def worker(inq, outq):
    while True:
        item = inq.get()
        if item is None:
            inq.task_done()
            break
        outq.put((item, collatz_steps(item)))
        inq.task_done()


def pipeline():
    inq, outq = queue.Queue(), queue.Queue()
    ts = [threading.Thread(target=worker, args=(inq, outq), name=f"w{i}") for i in range(4)]
    for t in ts:
        t.start()
    for i in range(1, 400):
        inq.put(i)
    for _ in ts:
        inq.put(None)
    inq.join()
    for t in ts:
        t.join()
    res = []
    while not outq.empty():
        res.append(outq.get())
    res.sort()
    return len(res), sum(s for _, s in res), res[:5], max(res, key=lambda r: (r[1], r[0]))


def condition_pingpong(rounds):
    cond = threading.Condition()
    state = {"turn": "ping", "log": []}

    def player(name, other):
        for _ in range(rounds):
            with cond:
                while state["turn"] != name:
                    cond.wait()
                state["log"].append(name)
                state["turn"] = other
                cond.notify_all()
    a = threading.Thread(target=player, args=("ping", "pong"))
    b = threading.Thread(target=player, args=("pong", "ping"))
    a.start()
    b.start()
    a.join()
    b.join()
    return state["log"]


def barrier_and_event():
    n = 3
    barrier = threading.Barrier(n)
    ev = threading.Event()
    results = [None] * n

    def task(i):
        idx = barrier.wait()
        ev.wait()
        results[i] = (i, i * i, idx in range(n))
    ts = [threading.Thread(target=task, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    ev.set()
    for t in ts:
        t.join()
    return results


def thread_local():
    data = threading.local()
    data.value = "main"
    seen = {}

    def f(k):
        data.value = k
        for _ in range(1000):
            pass
        seen[k] = data.value
    ts = [threading.Thread(target=f, args=(k,)) for k in range(5)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return data.value, sorted(seen.items())


def rlock_recursion():
    rl = threading.RLock()
    out = []

    def rec(n):
        with rl:
            out.append(n)
            if n:
                rec(n - 1)
    t = threading.Thread(target=rec, args=(5,))
    t.start()
    t.join()
    return out


def executor():
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        futs = {ex.submit(collatz_steps, n): n for n in range(1, 200)}
        results = sorted((futs[f], f.result()) for f in concurrent.futures.as_completed(futs))
        mapped = list(ex.map(lambda x: x * x, range(10)))
        bad = ex.submit(lambda: 1 / 0)
        try:
            bad.result()
        except ZeroDivisionError as e:
            err = f"ZeroDivisionError: {e}"
    return results[:3], sum(r for _, r in results), mapped, err


def exception_in_thread():
    caught = []
    old = threading.excepthook
    threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value),
                                                        args.thread.name))
    t = threading.Thread(target=lambda: [][1], name="crasher")
    t.start()
    t.join()
    threading.excepthook = old
    return caught


def main():
    ts = [threading.Thread(target=add_many, args=(2000,)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("counter", counter)
    print(pipeline())
    log = condition_pingpong(50)
    print(len(log), log[:4], all(log[i] != log[i + 1] for i in range(len(log) - 1)))
    print(barrier_and_event())
    print(thread_local())
    print(rlock_recursion())
    print(executor())
    print(exception_in_thread())
    print(threading.current_thread().name, threading.main_thread() is threading.current_thread(),
          threading.active_count())


main()
