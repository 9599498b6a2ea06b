"""Chained comparisons, short-circuit evaluation order, is/in/not in, mixed-type comparisons and errors."""

log = []


class Tr:
    def __init__(self, name, v):
        self.name = name
        self.v = v

    def __lt__(self, other):
        log.append(f"{self.name}<{other.name}")
        return self.v < other.v

    def __le__(self, other):
        log.append(f"{self.name}<={other.name}")
        return self.v <= other.v

    def __gt__(self, other):
        log.append(f"{self.name}>{other.name}")
        return self.v > other.v

    def __eq__(self, other):
        log.append(f"{self.name}=={getattr(other, 'name', other)}")
        return isinstance(other, Tr) and self.v == other.v

    __hash__ = None


def t(name, v):
    log.append("eval " + name)
    return Tr(name, v)


def chain(a, b, c, d):
    return a < b < c < d


def chain_mixed(a, b, c):
    return (a < b <= c, a == b != c, a < b > c, a is not b is not c, a in (b, c) not in [False],
            not a < b, a <= b >= c)


def chain_range(i):
    return 0 <= i < 10, 10 <= i < 100 < 1000, -5 < -i <= 0, i == i == i


def classify(x):
    if x < 0:
        return "neg"
    elif 0 <= x < 10:
        return "small"
    elif 10 <= x < 100 and x % 2 == 0:
        return "even2"
    elif 10 <= x < 100:
        return "odd2"
    return "big"


def short_circuit(x):
    r = []
    r.append(x and x + 1)
    r.append(x or "zero")
    r.append(not x)
    r.append(x and [] or "alt")
    r.append((x > 2) + (x > 5) * 2)
    r.append(x if x % 2 else -x)
    return r


def mixed_types():
    out = []
    out.append([1 == 1.0, 1 == True, 0 == False, 1.0 == True, 2 ** 53 + 1 == 2.0 ** 53 + 1,
                (1, 2) < (1, 3), (1, 2) < (1, 2, 0), [1, [2]] == [1, [2]], "a" < "b" < "bc",
                b"a" < b"b", (None, 1) == (None, 1), 10 ** 30 > 1e29, -10 ** 30 < -1e29,
                float("inf") > 10 ** 400, 1 < 2.5 < 3, frozenset([1]) == {1}, {1: 2} == {1: 2}])
    out.append([{1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {3} > {1}, "ab" in "cabd", 3 in range(0, 10, 3),
                3.0 in range(5), "x" not in {"y": 1}, None is None, [] is not []])
    for a, b in [(1, "a"), ("a", None), ([1], (1,)), ({1: 1}, {2: 2}), (1j, 2j), (None, None)]:
        try:
            out.append(a < b)
        except TypeError as e:
            out.append(f"TypeError: {e}")
    return out


def main():
    cnt = 0
    for i in range(2000):
        a, b, c, d = i % 7, i % 11, i % 13, i % 17
        if chain(a, b, c, d):
            cnt += 1
        cnt += sum(chain_mixed(a, b, c))
        cnt += sum(chain_range(i % 150))
        cnt += len(classify(i % 130 - 10))
    print("count", cnt)
    print(chain_mixed(1, 1, 2), chain_mixed(0, 2, 1), chain_range(5), chain_range(50))
    print([classify(x) for x in (-3, 0, 9, 10, 11, 99, 100)])
    for x in (0, 1, 3, 6, [], [0], "", "s", None):
        try:
            print(repr(x), short_circuit(x))
        except TypeError as e:
            print(repr(x), "TypeError", e)
    log.clear()
    r = t("a", 1) < t("b", 2) < t("c", 0) < t("d", 5)
    print(r, log)
    log.clear()
    r = t("a", 1) < t("b", 2) <= t("c", 2) == t("d", 2)
    print(r, log)
    log.clear()
    r = t("a", 3) > t("b", 2) > t("c", 1)
    print(r, log)
    log.clear()
    try:
        print(hash(Tr("h", 1)))
    except TypeError as e:
        print("TypeError", e)
    for row in mixed_types():
        print(row)
    # comparison result objects that are not bools
    class Weird:
        def __lt__(self, other):
            return "truthy"

        def __gt__(self, other):
            return ""

    w = Weird()
    print(w < 1, repr(w > 1), w < 1 < 2, repr(1 < w), repr(w > 1 < 2))


main()
