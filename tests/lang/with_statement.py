"""with statement: __enter__/__exit__ ordering, exception suppression, return/break inside with, contextlib helpers, ExitStack."""
import contextlib
import io

log = []


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None} {ev!s}" if et else f"exit {self.name}")
        return self.suppress


@contextlib.contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name * 2
    except KeyError as e:
        log.append(f"gen caught {e!r}")
    finally:
        log.append(f"</{name}>")


@contextlib.contextmanager
def bad_gen_cm():
    yield 1
    yield 2


def multi(i):
    with CM("a") as a, CM("b") as b:
        if i % 2:
            return a + b
    return "after"


def suppressing(i):
    with CM("s", suppress=True):
        if i % 3 == 0:
            raise ValueError(f"v{i}")
        log.append("body done")
    return "continued"


def loop_break():
    out = []
    for i in range(5):
        with CM(f"L{i}"):
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    return out


def nested_exc():
    try:
        with CM("outer"):
            with CM("inner", suppress=False):
                raise KeyError("k")
    except KeyError as e:
        return f"propagated {e!r}"


def exit_raises():
    class Bad:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            raise RuntimeError("from exit")
    try:
        with Bad():
            raise ValueError("body")
    except RuntimeError as e:
        return f"{e} ctx={e.__context__!r}"


def enter_raises():
    class BadEnter:
        def __enter__(self):
            raise OSError("no enter")

        def __exit__(self, *a):
            log.append("never")
    try:
        with CM("first"), BadEnter():
            log.append("never body")
    except OSError as e:
        return str(e)


def contextlib_stuff():
    out = []
    with tag("t") as v:
        out.append(v)
    with tag("k"):
        raise KeyError("inside")
    with contextlib.suppress(ZeroDivisionError, KeyError):
        1 / 0
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print("captured line")
        print("second", end="!")
    out.append(buf.getvalue())
    with contextlib.ExitStack() as stack:
        names = [stack.enter_context(CM(f"x{i}")) for i in range(3)]
        stack.callback(log.append, "callback ran")
        out.append(names)
    with contextlib.ExitStack() as stack:
        stack.enter_context(CM("keep"))
        moved = stack.pop_all()
    log.append("before close")
    moved.close()
    with contextlib.nullcontext(42) as n:
        out.append(n)
    try:
        with bad_gen_cm():
            pass
    except RuntimeError as e:
        out.append(f"RuntimeError: {e}")
    try:
        with tag("v"):
            raise ValueError("not caught by gen")
    except ValueError as e:
        out.append(f"ValueError: {e}")

    class Closer:
        def close(self):
            log.append("closed")
    with contextlib.closing(Closer()):
        pass
    try:
        with 5:
            pass
    except TypeError as e:
        out.append(f"TypeError: {e}")
    return out


def main():
    res = []
    for i in range(600):
        res.append(multi(i))
        res.append(suppressing(i))
    print(len(log), log[:8], res[:4], res.count("AB"))
    log.clear()
    print(loop_break(), log)
    log.clear()
    print(nested_exc(), log)
    log.clear()
    print(exit_raises(), enter_raises(), log)
    log.clear()
    out = contextlib_stuff()
    print(out)
    for line in log:
        print(line)


main()
