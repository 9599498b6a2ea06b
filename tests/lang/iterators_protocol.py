"""Iterator protocol: custom __iter__/__next__, __getitem__ iteration, iter(callable, sentinel), itertools, zip/enumerate/map/filter/reversed, for-else."""
import itertools


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return CountdownIter(self.n)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class OldStyle:
    """Iterable only through __getitem__."""

    def __init__(self, data):
        self.data = data

    def __getitem__(self, i):
        if i >= len(self.data):
            raise IndexError(i)
        return self.data[i] * 2


class Rev:
    def __init__(self, data):
        self.data = data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __reversed__(self):
        return iter(self.data[::-1] + ["(custom reversed)"])


class BadIter:
    def __iter__(self):
        return 5


class LenHint:
    def __iter__(self):
        return iter([1, 2, 3])

    def __length_hint__(self):
        return 3


def find_first(seq, pred):
    for i, x in enumerate(seq):
        if pred(x):
            break
    else:
        return None
    return i, x


def while_else(n):
    i = 0
    while i < n:
        if i == 7:
            break
        i += 1
    else:
        return "no break", i
    return "broke", i


def hot(n):
    tot = 0
    for k in range(n):
        for v in Countdown(k % 10):
            tot += v
        for v in OldStyle([1, 2, 3]):
            tot += v
        tot += sum(map(lambda a, b: a * b, range(5), itertools.count(k)))
        tot += sum(filter(None, [0, 1, 2, None, 3]))
        tot += len(list(zip(range(k % 7), "abcdef")))
    return tot


def itertools_demo():
    it = itertools
    return [
        list(it.islice(it.count(5, 3), 4)),
        list(it.islice(it.cycle("ab"), 5)),
        list(it.repeat("x", 3)),
        list(it.accumulate([1, 2, 3, 4], lambda a, b: a * b)),
        list(it.accumulate([3, 1, 4], initial=10)),
        list(it.chain("ab", [1, 2], (None,))),
        list(it.chain.from_iterable(["xy", "z"])),
        list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])),
        list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 4])),
        list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])),
        list(it.filterfalse(lambda x: x % 2, range(7))),
        [(k, list(g)) for k, g in it.groupby("aaabccdda")],
        [(k, len(list(g))) for k, g in it.groupby(sorted([5, 1, 15, 11, 2]), key=lambda v: v // 10)],
        list(it.starmap(pow, [(2, 3), (3, 2)])),
        [list(t) for t in it.tee(range(3), 2)],
        list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")),
        list(it.product("ab", repeat=2)),
        list(it.permutations(range(3), 2)),
        list(it.combinations("abcd", 2)),
        list(it.combinations_with_replacement("ab", 2)),
        list(it.pairwise("abcd")),
        list(it.islice(range(100), 10, 20, 3)),
    ]


def builtins_demo():
    out = []
    e = enumerate("abc", start=10)
    out.append((next(e), list(e)))
    out.append(list(zip("ab", range(5), [True, False, None])))
    try:
        list(zip("ab", "abc", strict=True))
    except ValueError as ex:
        out.append(f"ValueError: {ex}")
    out.append(list(map(str.upper, "hey")))
    out.append(list(reversed(Rev([1, 2]))))
    out.append(list(reversed(range(0, 10, 3))))
    out.append(list(reversed({"a": 1, "b": 2})))
    out.append(sorted(Countdown(5)))
    out.append(list(iter(Countdown(3))))
    it = iter([1, 2, 3])
    out.append((next(it), list(it), next(it, "default")))
    counter = itertools.count()
    out.append(list(iter(lambda: next(counter), 5)))
    chunks = iter(["a", "b", "", "c"])
    out.append(list(iter(chunks.__next__, "")))
    out.append(3 in Countdown(5))
    out.append(4 in OldStyle([1, 2, 3]))
    try:
        iter(BadIter())
    except TypeError as ex:
        out.append(f"TypeError: {ex}")
    try:
        iter(5)
    except TypeError as ex:
        out.append(f"TypeError: {ex}")
    try:
        next([1])
    except TypeError as ex:
        out.append(f"TypeError: {ex}")
    out.append(list(LenHint()))
    out.append((min(Countdown(4)), max(OldStyle([3, 9, 2])), sum(Countdown(100)), any(Countdown(0)),
                all(OldStyle([1, 1])), dict(enumerate("xy")), set(Countdown(3)) == {1, 2, 3}))
    a, b, *c = Countdown(5)
    out.append((a, b, c))
    lst = [1, 2, 3]
    for x in lst:
        if x == 1:
            lst.append(4)
    out.append(lst)
    it2 = iter(range(10))
    out.append([(x, next(it2, None)) for x in it2])
    return out


def main():
    print("hot", hot(500))
    print(find_first(range(100), lambda v: v * v > 50), find_first([], bool), find_first([0, 0], bool))
    print(while_else(5), while_else(10))
    for row in itertools_demo():
        print(row)
    for row in builtins_demo():
        print(row)
    # nested for-else with continue/break
    found = []
    for i in range(2, 40):
        for j in range(2, i):
            if i % j == 0:
                break
        else:
            found.append(i)
            continue
        if i > 30:
            break
    print(found)


main()
