"""Dicts and sets: insertion ordering, views, mutation during iteration errors, set algebra (printed sorted), defaultdict/Counter."""
from collections import Counter, OrderedDict, defaultdict, ChainMap


def word_freq(text):
    d = {}
    for w in text.split():
        d[w] = d.get(w, 0) + 1
    return d


def dict_ops(i):
    d = {"a": 1, "b": 2}
    d["c"] = i
    d.update(x=i * 2, y=3)
    d.update([("z", 0)])
    d.setdefault("a", 100)
    d.setdefault("n", [])
    d["n"].append(i)
    del d["b"]
    d["b"] = 9  # re-insert goes to end
    p = d.pop("z")
    q = d.pop("missing", "dflt")
    merged = d | {"a": -1, "new": 1}
    d |= {"c": 0}
    k = list(d)
    return k, list(d.values())[:3], p, q, list(merged.items())[-2:], len(d), "x" in d, d.get("qq")


def views():
    d = dict.fromkeys("abcde", 0)
    ks = d.keys()
    vs = d.values()
    its = d.items()
    d["f"] = 1
    del d["a"]
    r = [list(ks), list(vs), list(its)[:2], len(ks), "b" in ks, ("f", 1) in its,
         sorted(ks & {"b", "z", "c"}), sorted(ks | {"q"}), sorted(ks - {"b"}), sorted(ks ^ {"b", "y"}),
         list(reversed(d)), list(reversed(d.items()))[0], ks.isdisjoint({"z"})]
    try:
        for k in d:
            if k == "c":
                d["new"] = 1
    except RuntimeError as e:
        r.append(f"RuntimeError: {e}")
    try:
        s = {1, 2, 3}
        for x in s:
            s.add(x + 10)
    except RuntimeError as e:
        r.append(f"RuntimeError: {e}")
    r.append(d.popitem())
    r.append({1: "a", True: "b", 1.0: "c"})
    r.append({**{"a": 1}, **{"b": 2}, "a": 3})
    r.append(dict(zip("abc", range(3)), d=4))
    r.append({k: v for k, v in [(1, 2), (1, 3), (2, 4)]})
    r.append(dict(sorted({"b": 1, "a": 2}.items())))
    r.append({"a": 1, "b": 2} == {"b": 2, "a": 1})
    r.append(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
    return r


def set_ops(n):
    a = set(range(0, n, 2))
    b = set(range(0, n, 3))
    c = frozenset(x for x in range(n) if x % 5 == 0)
    u, i, d, s = a | b, a & b, a - b, a ^ b
    a2 = set(a)
    a2 &= c
    a2 |= {100, 101}
    a2 -= {0}
    a2 ^= {101, 102}
    a2.discard(999)
    a2.add(7)
    return (len(u), len(i), len(d), len(s), sorted(a2), sum(u), a <= u, i < a, c.isdisjoint({1, 2, 3}),
            sorted(c.union([1]).intersection(range(10))), a.issuperset(i))


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v % 10)

    def __eq__(self, o):
        return isinstance(o, Key) and self.v == o.v

    def __repr__(self):
        return f"K{self.v}"


def custom_keys():
    d = {}
    for i in range(50):
        d[Key(i)] = i * i
    s = {Key(i % 7) for i in range(30)}
    return [len(d), d[Key(33)], Key(33) in d, Key(77) in d, sorted(s, key=lambda k: k.v), list(d)[:5]]


def collections_stuff():
    text = "the cat and the hat and the bat sat on the mat with a cat"
    c = Counter(text.split())
    dd = defaultdict(list)
    for w in text.split():
        dd[len(w)].append(w)
    cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
    cm["c"] = 4
    return [sorted(c.items()), c.most_common(2), c["zzz"], sorted((c + Counter(cat=5)).items())[:3],
            sorted(dd.items()), dict(cm), cm.maps[0], sorted(Counter("abracadabra").elements())]


def main():
    text = " ".join("w%d" % ((i * 37) % 23) for i in range(400))
    tot = 0
    for _ in range(50):
        f = word_freq(text)
        tot += sum(f.values()) + len(f)
    print("freq", tot, list(f.items())[:6], sorted(f.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
    acc = 0
    for i in range(1000):
        r = dict_ops(i)
        acc += len(r[0]) + r[5] + sum(x for x in r[1] if isinstance(x, int))
    print("dict_ops", acc)
    print(dict_ops(5))
    for x in views():
        print(x)
    sacc = 0
    for n in range(1, 300):
        r = set_ops(n)
        sacc += r[0] + r[1] * 2 + r[2] * 3 + r[3] + r[5] + len(r[4])
    print("sets", sacc)
    print(set_ops(31))
    print(custom_keys())
    for x in collections_stuff():
        print(x)
    for bad in [lambda: {}["k"], lambda: {[]: 1}, lambda: {1}.remove(2), lambda: set().pop(),
                lambda: {}.popitem(), lambda: dict([1, 2]), lambda: frozenset([1]).add]:
        try:
            v = bad()
            print("ok", type(v).__name__)
        except Exception as e:
            print(f"{type(e).__name__}: {e}")


main()
