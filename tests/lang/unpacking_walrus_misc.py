"""Walrus, star-unpacking, chained assignment, augmented assignment on attributes/subscripts, del, UnboundLocalError/NameError, swap, evaluation order."""

order = []


class Obj:
    def __init__(self):
        self.val = 0
        self.items = [0, 0, 0]
        self.d = {}


class Loud:
    def __init__(self, name):
        self.name = name
        self.store = {}

    def __getitem__(self, k):
        order.append(f"get {self.name}[{k}]")
        return self.store.get(k, 0)

    def __setitem__(self, k, v):
        order.append(f"set {self.name}[{k}]={v}")
        self.store[k] = v


def ev(name, v):
    order.append(name)
    return v


def walrus(data):
    out = []
    if (n := len(data)) > 3:
        out.append(f"long {n}")
    while (chunk := data[:2]):
        out.append(chunk)
        data = data[2:]
    vals = [y for x in range(6) if (y := x * x) % 2 == 0]
    out.append(vals)
    out.append(y)
    out.append((z := 5, z + 1))
    return out


def star_unpack(i):
    first, *mid, last = range(i, i + 5)
    a, (b, *c), d = 1, [2, 3, 4], 5
    head, *tail = "x"
    merged = [*range(3), *"ab", *{"k": 1}]
    t = (*mid, *c)
    d2 = {**{"a": i}, "b": 2, **dict(c=3)}
    s = {*range(3), *[2, 3]}
    return first + last + sum(mid) + a + b + sum(c) + d, tail, merged, t, d2, sorted(s), head


def chained():
    a = b = c = []
    a.append(1)
    x = y = 5
    y += 1
    i = 0
    lst = [10, 20, 30]
    i, lst[i] = 1, 99  # i assigned first, then lst[1]
    p, q = q, p = 1, 2
    return a is b is c, c, x, y, lst, p, q


def augmented(n):
    o = Obj()
    for i in range(n):
        o.val += i
        o.items[i % 3] += i
        o.items[-1] *= 1
        o.d[i % 4] = o.d.get(i % 4, 0) + 1
        o.d[i % 4] -= 0
    s = "a"
    s *= 3
    s += "b"
    lst = [1]
    lst2 = lst
    lst += [2]
    t = (1,)
    t2 = t
    t += (2,)
    x = 10
    x //= 3
    x **= 3
    x %= 7
    x <<= 4
    x >>= 1
    x |= 1
    x &= 0xF
    x ^= 0b101
    f = 7.0
    f /= 2
    return o.val, o.items, o.d, s, lst is lst2, t is t2, t2, x, f


def eval_order():
    order.clear()
    L = Loud("L")
    L[ev("k", 1)] += ev("rhs", 5)
    d = {}
    d[ev("key", "a")] = ev("value", 1)
    res = ev("f", lambda *a: a)(ev("a1", 1), ev("a2", 2))
    x = ev("left", 1) + ev("right", 2) * ev("r2", 3)
    dd = {ev("k1", 1): ev("v1", 1), ev("k2", 2): ev("v2", 2)}
    return list(order), res, x, dd


def deletions():
    out = []
    lst = list(range(10))
    del lst[0], lst[-1]
    del lst[::2]
    out.append(lst)
    d = {"a": 1, "b": 2}
    del d["a"]
    out.append(d)
    o = Obj()
    del o.val
    out.append(hasattr(o, "val"))
    v = 5
    del v
    try:
        print(v)
    except NameError as e:
        out.append(f"{type(e).__name__}: {e}")
    try:
        del o.missing
    except AttributeError as e:
        out.append(f"AttributeError: {e}")
    try:
        del d["zz"]
    except KeyError as e:
        out.append(f"KeyError: {e}")
    return out


def unbound(flag):
    if flag:
        val = 1
    try:
        return val
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


gcount = 0


def shadow_global():
    try:
        gcount += 1
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


def name_errors():
    out = []
    try:
        undefined_name_xyz
    except NameError as e:
        out.append(f"NameError: {e} name={e.name}")
    try:
        lenn([])
    except NameError as e:
        out.append(f"NameError: {e}")
    return out


def swap_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000003
    x, y, z = 1, 2, 3
    x, y, z = z, x, y
    return a, b, (x, y, z)


def main():
    print(walrus([1, 2, 3, 4, 5]), walrus([]))
    acc = 0
    for i in range(800):
        r = star_unpack(i)
        acc += r[0] + len(r[2]) + sum(r[3])
    print("star", acc, star_unpack(3))
    print(chained())
    for _ in range(3):
        res = augmented(1000)
    print(res)
    print(eval_order())
    print(deletions())
    print(unbound(True), unbound(False), shadow_global(), name_errors())
    print(swap_loop(5000))
    tot = 0
    for i in range(2000):
        if (m := i % 17) > 10 and (k := m * 2) < 30:
            tot += k
    print("walrus loop", tot, m)
    # for-loop targets can be attributes and subscripts
    o = Obj()
    for o.val in range(3):
        pass
    for o.items[0], o.d["x"] in [(1, 2), (3, 4)]:
        pass
    print(o.val, o.items, o.d)
    # conditional expression and 'and/or' chains as values
    vals = [(i > 2 and "big") or (i == 0 and "zero") or "small" for i in range(5)]
    print(vals)


main()
