"""Sorting: built-in sorts with keys and comparators, plus sorts in Python.

``list.sort`` on ints, strings and tuples, ``key=`` functions and
``functools.cmp_to_key``, rich-comparison objects, and hand-written merge
sort, quicksort and heapsort.  Checksum: a digest of the sorted outputs.
"""

import functools
import operator

import harness

DEFAULT_SIZE = 50000
QUICK_SIZE = 5000


class Employee:
    __slots__ = ("name", "dept", "salary")

    def __init__(self, name, dept, salary):
        self.name = name
        self.dept = dept
        self.salary = salary

    def __lt__(self, other):
        return (self.dept, -self.salary, self.name) < (
            other.dept, -other.salary, other.name)


def merge_sort(items):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left, right = merge_sort(items[:mid]), merge_sort(items[mid:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def quick_sort(items):
    if len(items) <= 1:
        return items
    pivot = items[len(items) // 2]
    return (quick_sort([x for x in items if x < pivot])
            + [x for x in items if x == pivot]
            + quick_sort([x for x in items if pivot < x]))


def heap_sort(items):
    a = list(items)
    n = len(a)

    def sift(start, end):
        root = start
        while 2 * root + 1 < end:
            child = 2 * root + 1
            if child + 1 < end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return

    for start in range(n // 2 - 1, -1, -1):
        sift(start, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a


def compare_versions(a, b):
    for x, y in zip(a.split("."), b.split(".")):
        if int(x) != int(y):
            return -1 if int(x) < int(y) else 1
    return len(a) - len(b)


def run(size):
    rng = harness.Lcg(3)
    numbers = [rng.below(1000000) for _ in range(size)]
    words = ["w%x" % rng.below(1 << 20) for _ in range(size)]
    people = [Employee("p%d" % i, rng.below(10), rng.below(100000))
              for i in range(size // 2)]
    versions = ["%d.%d.%d" % (rng.below(5), rng.below(20), rng.below(100))
                for _ in range(size // 4)]
    results = [
        sorted(numbers)[::97],
        sorted(words, key=str.lower)[::97],
        sorted(zip(words, numbers), key=operator.itemgetter(1, 0))[::97],
        [p.name for p in sorted(people)][::97],
        sorted(versions, key=functools.cmp_to_key(compare_versions))[::53],
        merge_sort(numbers[: size // 2])[::89],
        quick_sort(words[: size // 2])[::89],
        heap_sort(numbers[: size // 4])[::89],
        sorted(numbers, reverse=True, key=lambda n: (n % 1000, n))[::97],
    ]
    return harness.digest(repr(results))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
