"""Lists and tuples: slicing, slice assignment/deletion, sort with key/reverse/stability, unpacking including star, methods."""


def slice_ops(n):
    a = list(range(n))
    r = [a[2:5], a[::-1][:4], a[-3:], a[1:-1:3], a[10:2:-2], a[::7]]
    b = a[:]
    b[2:4] = ["x", "y", "z"]
    b[-2:] = []
    b[::3] = [None] * len(b[::3])
    del b[1:3]
    del b[::4]
    b[len(b):] = [99]
    b[:0] = [-1]
    r.append(b)
    try:
        b[::2] = [1]
    except ValueError as e:
        r.append(f"ValueError: {e}")
    return r


def unpack(seq):
    a, *b = seq
    *c, d = seq
    e, *f, g = seq
    (h, i), *j = [(seq[0], seq[1])] + list(seq)
    [k, [l, *m]] = [seq[0], seq]
    return a, b, c, d, e, f, g, h, i, j[:2], k, l, m


def sorting():
    words = "the quick brown fox jumps over the lazy dog THE END a bb ccc".split()
    recs = [(w, len(w), i) for i, w in enumerate(words)]
    out = [sorted(words), sorted(words, key=str.lower), sorted(words, key=len),
           sorted(words, key=len, reverse=True), sorted(recs, key=lambda r: (r[1], r[0]))[:5],
           sorted(words, key=lambda w: w[-1])]
    nums = [5, -3, 2.5, 0, -0.0, 10, 7, True, False, -7.5]
    out.append(sorted(nums))
    out.append(sorted(nums, key=abs))
    l = list(range(20))
    l.sort(key=lambda x: x % 3)
    out.append(l)
    l.sort(key=lambda x: -(x % 4), reverse=True)
    out.append(l)
    try:
        sorted([1, "a", 2])
    except TypeError as e:
        out.append(f"TypeError: {e}")
    lst = [3, 1, 2]

    def bad_key(x):
        lst.append(x)
        return x
    try:
        lst.sort(key=bad_key)
    except ValueError as e:
        out.append(f"ValueError: {e}")
    out.append(lst)
    return out


def methods():
    a = [1, 2, 3]
    a.append(4)
    a.extend((5, 6))
    a.insert(0, 0)
    a.insert(-1, 55)
    a.insert(100, 7)
    x = a.pop()
    y = a.pop(0)
    a.remove(55)
    r = [a, x, y, a.index(3), a.count(2), a * 2, [0] * 3, a + [9], 3 in a, a[::-1]]
    a.reverse()
    r.append(a[:])
    a.clear()
    r.append(a)
    t = (1, 2, 3, 2)
    r += [t.index(2), t.count(2), t + (4,), t * 2, t[1:], (1,) < (1, 0), tuple([5, 6]), len(()),
          tuple("ab"), t == (1, 2, 3, 2), hash((1, 2)) == hash((1, 2)), list(map(list, [t])),
          [[0] * 2] * 2, max(t), min(t), sum(t)]
    nested = [[0] * 2] * 2
    nested[0][0] = 5
    r.append(nested)
    aliased = [1, 2]
    al2 = aliased
    al2 += [3]
    t2 = (aliased,)
    t2[0].append(4)
    r.append((aliased, t2))
    try:
        t2[0] += [5]
    except TypeError as e:
        r.append(f"TypeError: {e} -> {t2}")
    fidx = 1.0
    for bad in [lambda: [].pop(), lambda: [1].index(2), lambda: [1].remove(3), lambda: (1, 2)[5],
                lambda: [1, 2, 3][fidx], lambda: max([])]:
        try:
            r.append(bad())
        except Exception as e:
            r.append(f"{type(e).__name__}: {e}")
    return r


def heavy(n):
    data = []
    for i in range(n):
        data.append((i * 7919) % 1000)
    data.sort()
    data2 = sorted(data, key=lambda v: (v % 10, -v))
    stack = []
    for v in data2:
        if stack and stack[-1] % 10 == v % 10:
            stack[-1] += v
        else:
            stack.append(v)
    pairs = list(zip(data[::2], data[1::2]))
    return sum(stack) + len(stack) * 1000 + sum(a * b for a, b in pairs) % 99991


def main():
    acc = 0
    for n in range(0, 300):
        r = slice_ops(n % 40 + 5)
        acc += sum(len(x) for x in r if isinstance(x, list))
        u = unpack(tuple(range(n % 10 + 3)))
        acc += u[0] + len(u[1]) + u[3] + sum(u[5]) + u[8]
    print("acc", acc)
    print(slice_ops(12))
    print(unpack("abcdef"))
    print(unpack([1, 2, 3]))
    try:
        a, b = [1, 2, 3]
    except ValueError as e:
        print("ValueError", e)
    try:
        a, *b, c = [1]
    except ValueError as e:
        print("ValueError", e)
    try:
        a, b = 5
    except TypeError as e:
        print("TypeError", e)
    for x in sorting():
        print(x)
    for x in methods():
        print(x)
    h = 0
    for i in range(20):
        h += heavy(200 + i)
    print("heavy", h)


main()
