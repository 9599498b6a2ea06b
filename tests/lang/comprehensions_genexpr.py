"""List/set/dict comprehensions and generator expressions: scoping, nesting, conditions, closures over loop vars."""

x = "global-x"


def basic(n):
    sq = [i * i for i in range(n)]
    ev = [i for i in range(n) if i % 2 == 0 if i % 3 != 0]
    pairs = [(i, j) for i in range(4) for j in range(i) if (i + j) % 2]
    flat = [c for row in [[1, 2], [3], [], [4, 5, 6]] for c in row]
    cond = [i if i % 2 else -i for i in range(n)]
    st = {i % 7 for i in range(n)}
    dc = {i: i ** 2 for i in range(n) if i % 3 == 0}
    ge = sum(i for i in range(n) if i % 5 == 0)
    nested = [[i * j for j in range(3)] for i in range(3)]
    return sq[-1:], ev, pairs, flat, cond[:6], sorted(st), dc, ge, nested


def scoping():
    out = []
    x = "local-x"
    out.append([x for _ in range(2)])
    out.append([x for x in range(3)])
    out.append(x)  # loop var did not leak
    y = 10
    out.append([y + i for i in range(3)])
    # class scope: comprehension cannot see class variables except in the first iterable
    class C:
        a = 5
        b = [a * i for i in range(3)] if False else None
        first = [i for i in range(a)]
        try:
            bad = [a for i in range(2)]
        except NameError as e:
            err = str(e)
    out.append((C.first, C.err))
    # closures capture variable, not value
    fs = [lambda: i for i in range(3)]
    out.append([f() for f in fs])
    fs2 = [lambda i=i: i for i in range(3)]
    out.append([f() for f in fs2])
    # walrus inside comprehension binds in enclosing function scope
    total = 0
    partial = [total := total + v for v in range(5)]
    out.append((partial, total))
    last = None
    _ = [last := w for w in "abc"]
    out.append(last)
    return out


def genexpr_laziness():
    log = []

    def src(n):
        for i in range(n):
            log.append(f"y{i}")
            yield i

    g = (v * 2 for v in src(4) if log.append(f"f{v}") or True)
    log.append("created")
    first = next(g)
    log.append("first")
    rest = list(g)
    again = list(g)
    # first iterable evaluated eagerly
    try:
        (a for a in 5)
    except TypeError as e:
        log.append(f"TypeError: {e}")
    g2 = (1 / z for z in [1, 0])
    try:
        list(g2)
    except ZeroDivisionError as e:
        log.append(f"ZeroDivisionError: {e}")
    return first, rest, again, log


def matrix(n):
    m = [[(i * n + j) % 11 for j in range(n)] for i in range(n)]
    t = [list(r) for r in zip(*m)]
    prod = [[sum(a * b for a, b in zip(row, col)) for col in t] for row in m]
    diag = [prod[i][i] for i in range(n)]
    return sum(map(sum, prod)), diag[:4], {v: k for k, v in enumerate(diag)}.get(diag[0])


def main():
    tot = 0
    for n in range(300):
        r = basic(n % 30)
        tot += sum(r[1]) + len(r[2]) + sum(r[3]) + sum(r[4]) + sum(r[5]) + sum(r[6].values()) + r[7]
    print("basic total", tot)
    print(basic(10))
    for _ in range(100):
        s = scoping()
    for item in s:
        print(item)
    print(x)
    print(genexpr_laziness())
    ms = 0
    for n in range(1, 40):
        ms += matrix(n)[0]
    print("matrix", ms, matrix(6))
    gen = (i for i in range(3))
    print(type(gen).__name__, gen.__name__, list(gen), list(gen))
    print(sum(x * x for x in range(1000)), max((len(w), w) for w in "aa bbb c dddd ee".split()),
          any(v > 3 for v in [1, 5]), all(v for v in []), sorted({c for c in "mississippi"}))


main()
