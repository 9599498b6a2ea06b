"""Generators: send/throw/close, yield from delegation with return values, StopIteration semantics (PEP 479), generator state."""
import inspect
import itertools


def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return f"done at {i}"


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        val = yield avg
        if val is None:
            break
        total += val
        count += 1
        avg = total / count
    return (count, avg)


def delegator(results):
    while True:
        r = yield from averager()
        results.append(r)
        if len(results) >= 3:
            return "delegator finished"


def resilient():
    log = []
    while True:
        try:
            x = yield len(log)
            log.append(("got", x))
        except ValueError as e:
            log.append(("ValueError", str(e)))
        except GeneratorExit:
            log.append("exit")
            print("resilient closing with log", log)
            raise


def finally_gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally_gen cleanup")


def bad_stop():
    yield 1
    raise StopIteration("oops")


def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x


def chain_sub():
    r1 = yield from counter(3)
    r2 = yield from iter([10, 20])
    return (r1, r2)


def hot(n):
    tot = 0
    for i in range(n):
        g = counter(10)
        tot += sum(g)
        tot += sum(itertools.islice(fib(), 20)) % 97
        tot += sum(flatten([1, [2, [3, (4, 5)]], i]))
    return tot


def main():
    print("hot", hot(300))
    g = counter(10)
    seq = [next(g), next(g), g.send(7), next(g), next(g)]
    try:
        next(g)
    except StopIteration as e:
        seq.append(e.value)
    print(seq)
    results = []
    d = delegator(results)
    next(d)
    for batch in ([1, 2, 3], [10], [4, 4, 4, 4]):
        for v in batch:
            d.send(v)
        try:
            d.send(None)
        except StopIteration as e:
            print("StopIteration", e.value)
    print(results)
    r = resilient()
    print(next(r), r.send("a"), r.throw(ValueError("bad")), r.send("b"))
    r.close()
    print(inspect.getgeneratorstate(r))
    fg = finally_gen()
    print(next(fg))
    fg.close()
    print("after close", list(fg))
    fg2 = finally_gen()
    print(list(fg2))
    try:
        list(bad_stop())
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__)
    ie = ignore_exit()
    next(ie)
    try:
        ie.close()
    except RuntimeError as e:
        print("RuntimeError", e)
    g2 = counter(3)
    try:
        g2.send(5)
    except TypeError as e:
        print("TypeError", e)
    g3 = counter(3)
    next(g3)
    try:
        g3.throw(KeyError("thrown"))
    except KeyError as e:
        print("KeyError propagated", e, inspect.getgeneratorstate(g3))
    print(list(flatten([1, [2, [3, [4, [5]]]], (6, 7)])))
    cs = chain_sub()
    print(list(cs))
    cs = chain_sub()
    out = []
    try:
        while True:
            out.append(next(cs))
    except StopIteration as e:
        out.append(e.value)
    print(out)

    def running():
        yield inspect.getgeneratorstate(gr)
    gr = running()
    print(inspect.getgeneratorstate(gr), next(gr), gr.gi_running, gr.gi_frame.f_lineno - running.__code__.co_firstlineno)

    def self_ref():
        yield next(sr)
    sr = self_ref()
    try:
        next(sr)
    except ValueError as e:
        print("ValueError", e)
    gen = (x * x for x in range(5))
    print(next(gen), gen.send(None), list(gen))
    print(list(zip(fib(), "abcdef")), list(itertools.takewhile(lambda v: v < 50, fib())))
    # generator with return inside try/finally and yield inside finally
    def tricky():
        try:
            yield "a"
            return "ret"
        finally:
            yield "from finally"
    t = tricky()
    print(next(t), next(t))
    try:
        next(t)
    except StopIteration as e:
        print("stop value", e.value)
    print(counter.__name__, type(counter(1)).__name__, counter(1).__qualname__, hasattr(counter(1), "__next__"))


main()
