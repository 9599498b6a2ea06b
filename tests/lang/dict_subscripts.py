"""d[key] on exact dicts (compiled code calls the dict lookup itself) and on
everything that is not one: keys of every kind, missing keys, keys whose
__hash__ or __eq__ raise or mutate the dict, subclasses with __missing__."""
import sys
import traceback
from collections import defaultdict, OrderedDict


def lookup(d, k):
    return d[k]


def lookup_const(d):
    return d["answer"], d[7], d[(1, 2)]


def counts(words):
    seen = {}
    for w in words:
        if w in seen:
            seen[w] = seen[w] + 1
        else:
            seen[w] = 1
    return [(w, seen[w]) for w in sorted(seen)]


d = {"answer": 42, 7: "seven", (1, 2): "pair", None: "none", 2.5: "float", frozenset({1}): "fs"}
for k in ["answer", 7, (1, 2), None, 2.5, frozenset({1}), 7.0, True]:
    try:
        print(repr(k), lookup(d, k))
    except KeyError as e:
        print(repr(k), "KeyError", e.args)
print(lookup_const(d))
print(counts("the cat and the hat and the bat".split()))

# Missing keys: the KeyError carries the key itself (a tuple key included).
for k in ["missing", (3, 4), (), 0, -1]:
    try:
        lookup({}, k)
    except KeyError as e:
        print("KeyError", repr(e), e.args)


class Hashing:
    def __init__(self, h, fail=None):
        self.h, self.fail = h, fail

    def __hash__(self):
        if self.fail == "hash":
            raise ValueError("hash failed")
        return self.h

    def __eq__(self, other):
        if self.fail == "eq":
            raise RuntimeError("eq failed")
        return isinstance(other, Hashing) and self.h == other.h


key = Hashing(5)
table = {key: "found"}
print(lookup(table, Hashing(5)))
for bad in [Hashing(5, "hash"), Hashing(5, "eq")]:
    try:
        lookup(table, bad)
    except Exception as e:
        print(type(e).__name__, e, traceback.extract_tb(e.__traceback__)[-2].name)
try:
    lookup({Hashing(6, "eq"): 1}, Hashing(6))
except RuntimeError as e:
    print("RuntimeError", e, traceback.extract_tb(e.__traceback__)[-2].name)
try:
    lookup(table, [1, 2])
except TypeError as e:
    print("TypeError", e)


class Mutator:
    """A key whose __eq__ empties the dict it is looked up in."""

    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.target.clear()
        return True


victim = {}
victim[Mutator(victim)] = "gone"
try:
    print(lookup(victim, Mutator(victim)))
except KeyError as e:
    print("KeyError after mutation", len(victim))


def lookup_temporary(k):
    return {k: k * 2, "x": 1}[k]


print([lookup_temporary(i) for i in range(5)], lookup_temporary("ab"))


class WithMissing(dict):
    def __missing__(self, key):
        return ("missing", key)


print(lookup(WithMissing(a=1), "a"), lookup(WithMissing(a=1), "b"))
dd = defaultdict(list)
lookup(dd, "k").append(1)
print(dict(dd), lookup(OrderedDict(z=26), "z"))
for other in [[10, 20, 30], (10, 20), "abc", range(9)]:
    print(lookup(other, 1))


# The dict and the key die with the lookup: their references are dropped.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, Noisy) and other.name == self.name

    def __del__(self):
        print("del", self.name)


print(lookup({Noisy("k"): "v"}, Noisy("k")))
print("refcounts", sys.getrefcount(key) - sys.getrefcount(object()) >= 0)


def nested(data):
    total = 0
    for row in data["rows"]:
        total += row["n"] * data["scale"][row["kind"]]
    return total


print(nested({"rows": [{"n": i, "kind": i % 2} for i in range(10)], "scale": {0: 1, 1: 10}}))


# d[key] = value on exact dicts, and on everything that is not one.
def store(d, k, v):
    d[k] = v
    return d


print(store({}, "a", 1), store({"a": 0}, "a", 2), store({}, (1, 2), [3]), store({1: 1}, 1.0, "float key"))
for bad_key in [[1], Hashing(3, "hash"), {}]:
    try:
        store({}, bad_key, 1)
    except Exception as e:
        print("store", type(e).__name__, e)
try:
    store({Hashing(8, "eq"): 1}, Hashing(8), 2)
except RuntimeError as e:
    print("store RuntimeError", e)
replaced = {"k": Noisy("old value")}
store(replaced, "k", "new")
print("after replace", replaced)
grow = {}
for i in range(100):
    store(grow, i, i * i)
print(len(grow), sum(grow.values()))


class Logging(dict):
    def __setitem__(self, k, v):
        print("Logging.__setitem__", k, v)
        super().__setitem__(k, v)


print(store(Logging(), "x", 1), store([0, 0], 1, "list item"), store(defaultdict(int), "z", 3))
try:
    store((1, 2), 0, 5)
except TypeError as e:
    print("TypeError", e)
