"""Sorting: stability across multi-pass sorts, key functions (lambda, itemgetter, attrgetter, cmp_to_key), reverse stability, heapq/bisect."""
import bisect
import functools
import heapq
import operator
import random


class Rec:
    __slots__ = ("name", "dept", "age", "idx")

    def __init__(self, name, dept, age, idx):
        self.name, self.dept, self.age, self.idx = name, dept, age, idx

    def __repr__(self):
        return f"{self.name}/{self.dept}/{self.age}"


def make_records(rng, n):
    names = ["ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal"]
    return [Rec(rng.choice(names), rng.choice("XYZ"), rng.randint(20, 30), i) for i in range(n)]


def is_stable(sorted_recs, keyf):
    for a, b in zip(sorted_recs, sorted_recs[1:]):
        if keyf(a) == keyf(b) and a.idx > b.idx:
            return False
    return True


def multi_pass(recs):
    r = sorted(recs, key=operator.attrgetter("name"))
    r = sorted(r, key=lambda x: x.age, reverse=True)
    r = sorted(r, key=operator.attrgetter("dept"))
    return r


def cmp_sort(items):
    def cmp(a, b):
        if len(a) != len(b):
            return len(a) - len(b)
        return (a > b) - (a < b)
    return sorted(items, key=functools.cmp_to_key(cmp))


def main():
    rng = random.Random(42)
    recs = make_records(rng, 300)
    ok = 0
    for _ in range(30):
        by_age = sorted(recs, key=lambda r: r.age)
        ok += is_stable(by_age, lambda r: r.age)
        by_age_rev = sorted(recs, key=lambda r: r.age, reverse=True)
        ok += is_stable(by_age_rev, lambda r: r.age)
    print("stable checks", ok)
    mp = multi_pass(recs)
    print(mp[:8])
    print(mp == sorted(recs, key=lambda r: (r.dept, -r.age, r.name)))
    words = [rng.choice(["pear", "fig", "apple", "kiwi", "plum", "date", "lime"]) + str(rng.randint(0, 9))
             for _ in range(40)]
    print(cmp_sort(words)[:12])
    print(sorted(words, key=str.upper, reverse=True)[:6])
    tuples = [(rng.randint(0, 3), rng.randint(0, 3), i) for i in range(20)]
    print(sorted(tuples, key=operator.itemgetter(1, 0)))
    lst = list(range(20))
    lst.sort(key=lambda v: v % 4 == 0)
    print(lst)
    lst.sort(key=lambda v: (v % 3, -v))
    print(lst)
    # sort of floats with nan is not well defined -> only print that it does not raise
    fl = [3.0, float("nan"), 1.0, 2.0]
    print(len(sorted(fl)))
    # in-place sort while keyed on external dict mutated later
    weights = {c: rng.random() for c in "abcdefgh"}
    keys = sorted(weights, key=weights.__getitem__)
    print(keys, [round(weights[k], 4) for k in keys])
    heap = []
    for i in range(50):
        heapq.heappush(heap, (rng.randint(0, 20), i))
    print([heapq.heappop(heap) for _ in range(8)])
    print(heapq.nsmallest(4, words), heapq.nlargest(3, range(100), key=lambda v: v % 17))
    print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])))
    srt = sorted(rng.randint(0, 50) for _ in range(30))
    print(srt, bisect.bisect_left(srt, 25), bisect.bisect_right(srt, 25))
    bisect.insort(srt, 25)
    print(srt.count(25), bisect.bisect(srt, 100), bisect.bisect_left(srt, -1))
    print(min(recs, key=lambda r: (r.age, r.idx)), max(recs, key=lambda r: (r.age, -r.idx)))
    shuffled = list(range(15))
    rng.shuffle(shuffled)
    print(shuffled, rng.sample(range(100), 5), round(rng.uniform(1, 2), 6), rng.getrandbits(40))
    print(sorted("hello world"), sorted([[3, 1], [2], [3, 0]]), sorted({3: 1, 1: 2}), sorted((), reverse=True))


main()
