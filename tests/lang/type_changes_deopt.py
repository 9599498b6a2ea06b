"""Values changing type inside warmed loops (int -> bigint -> float -> str/None), to stress type specialisation and deoptimisation paths."""


def accumulate(values):
    total = 0
    for v in values:
        total = total + v
    return total


def mul_chain(n):
    x = 1
    trace = []
    for i in range(n):
        x = x * 7 + i
        if i % 50 == 0:
            trace.append(type(x).__name__ + ":" + str(x.bit_length()))
    return x % 1000000007, trace


def flip(i):
    if i < 300:
        return i
    if i < 600:
        return i * 0.5
    if i < 900:
        return str(i)
    if i < 1000:
        return None
    return [i]


def consume(n):
    counts = {}
    acc_num = 0.0
    acc_str = ""
    for i in range(n):
        v = flip(i)
        t = type(v).__name__
        counts[t] = counts.get(t, 0) + 1
        if isinstance(v, (int, float)):
            acc_num += v * 2
        elif isinstance(v, str):
            acc_str = acc_str[-20:] + v
        elif v is None:
            acc_num -= 1
        else:
            acc_num += len(v)
    return counts, acc_num, acc_str


def compare_mixed(n):
    hits = 0
    for i in range(n):
        a = i if i % 3 else float(i)
        b = (i * 2 ** 64) >> 64 if i % 5 == 0 else i
        if a == b:
            hits += 1
        if a < b + 1:
            hits += 1
        if a >= i - 0.5:
            hits += 1
    return hits


def local_type_switch():
    out = []
    v = 0
    for i in range(400):
        if i == 100:
            v = 2 ** 62
        elif i == 200:
            v = 1.0
        elif i == 300:
            v = True
        v = v + 1
        if i % 100 == 99:
            out.append((type(v).__name__, v))
    return out


def overflow_boundaries():
    out = []
    for base in (2 ** 30 - 2, 2 ** 31 - 2, 2 ** 62 - 2, 2 ** 63 - 2, -(2 ** 63) + 2):
        x = base
        for _ in range(4):
            x += 1 if base > 0 else -1
        out.append((x, x - base, x * 2, -x, x // 3, x % 7, x << 1, abs(x)))
    return out


def float_int_boundary(n):
    f = 0.0
    i = 0
    for k in range(n):
        f += 0.1
        i += 1
        if k == n // 2:
            f = int(f)  # becomes int, then float again via +=
    return f, i, type(f).__name__


def subclass_values():
    class MyInt(int):
        pass

    class MyFloat(float):
        def __add__(self, o):
            return MyFloat(float(self) + o + 1000)
    vals = [1, MyInt(2), 3.0, MyFloat(4.0), True]
    tot = 0
    for _ in range(200):
        for v in vals:
            tot = tot + v
    return tot, type(tot).__name__


def main():
    nums = list(range(500))
    print(accumulate(nums), accumulate([1.5] * 100), accumulate([2 ** 70] * 3))
    for args in ([[1], [2]], [(1,), (2,)]):
        try:
            print(accumulate(args))
        except TypeError as e:
            print("TypeError", e)
    print(mul_chain(400))
    print(consume(1100))
    print(compare_mixed(3000))
    print(local_type_switch())
    for row in overflow_boundaries():
        print(row)
    print(float_int_boundary(1000))
    print(subclass_values())
    # same function first warmed with ints then fed strings
    def f(a, b):
        return a * b + a
    s = 0
    for i in range(1000):
        s += f(i, 3)
    print(s, f("ab", 2), f([1], 2), f(2.5, 2))


main()
