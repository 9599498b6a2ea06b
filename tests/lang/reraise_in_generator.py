"""A bare `raise` in a generator re-raises the exception its caller is
handling (the innermost one found up the exc_info chain)."""


def gen():
    yield 1
    raise
    yield 2


def main():
    for _ in range(3):
        it = gen()
        try:
            try:
                1 / 0
            except ZeroDivisionError:
                print(next(it))
                next(it)
        except ZeroDivisionError as e:
            print("re-raised:", e)
    try:
        next(gen())
        next(gen())
        g = gen()
        next(g)
        next(g)
    except RuntimeError as e:
        print("RuntimeError:", e)


main()
