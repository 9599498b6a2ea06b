"""Arithmetic whose result compiled code writes into a number nothing else
holds (the local it is stored to, or a temporary operand): every other
holder of the old value must still see the old value, and small ints must
stay the cached objects."""
import sys

G = None


def aliases_keep_old_values():
    global G
    x = 1.5
    y = x
    x = x + 2.25          # y holds the old float
    lst = [x]
    x *= 3.0              # the list holds it
    G = x
    x -= 1.0              # the global holds it
    d = {"k": x}
    x = x / 4.0           # the dict holds it
    print(y, lst, G, d, x)
    n = 1000
    m = n
    n = n + 1
    keep = [n]
    n += 7
    print(m, keep, n)


def float_loops(steps):
    zr = zi = 0.0
    total = 0.0
    for i in range(steps):
        zr2 = zr * zr
        zi2 = zi * zi
        zi = 2.0 * zr * zi + 0.25
        zr = zr2 - zi2 - 0.5
        total += zr * 0.5 + zi
        total = total - 0.125
    return zr, zi, total


def int_loops(steps):
    pos = 300
    acc = -700
    big = 2 ** 29
    for i in range(steps):
        pos += 1
        acc = acc - 3 * i
        big = big + 1000
        pos = pos - 1 + (i & 1)
    return pos, acc, big


def int_edges():
    one = 1
    x = 1000
    x = x - 999           # back into the small ints: the cached object
    print(x, x is one)
    x = 1000
    x = x - 3000          # the sign changes
    print(x, -x)
    x = 2 ** 29
    x = x * 4             # two digits: a new int
    print(x, x.bit_length())
    x = 2 ** 30 - 1
    x = x + 1             # just past one digit
    print(x)
    x = -(2 ** 30 - 1)
    x = x + 0
    print(x)
    x = 5000
    x = x // 7
    y = 5000
    y = y % -7
    print(x, y)
    x = 1000
    x = x >> 2
    print(x)
    x = 2 ** 40
    x = x - 2 ** 40 + 70000
    print(x, type(x))
    t = 600
    u = (t * 2) + 700     # a temporary lhs
    v = 900 - (t * 3)     # a temporary rhs
    w = (t + 1) * (t + 2)
    print(t, u, v, w)


def temporaries(a, b, c):
    r1 = (a + b) * c
    r2 = c - (a * b)
    r3 = (a + b) * (b + c) - (a * c)
    r4 = a / (b + c)
    print(a, b, c, r1, r2, r3, r4)


def errors_leave_the_local():
    x = 2.5
    try:
        x = x / 0.0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e, x)
    n = 1000
    try:
        n = n // 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e, n)
    try:
        n = n + "s"
    except TypeError as e:
        print("TypeError", e, n)


class F(float):
    pass


class I(int):
    pass


def subclasses_and_mixed():
    x = F(1.5)
    x = x + 1.0           # float + float subclass: a plain float
    print(type(x).__name__, x)
    y = I(1000)
    y = y + 1
    print(type(y).__name__, y)
    z = 3.5
    z = z + 1000          # float and int
    print(z)
    b = 5000
    b = b + True
    print(b)
    s = 2.0
    s = s * 2             # int operand
    print(s)
    q = 1000
    q = q / 8             # an int local gets a float
    print(q)


def unbound_and_deleted(a, b):
    c = a + b             # c unbound before
    print(c)
    del c
    c = a * b
    print(c)


def frame_snapshot():
    x = 1.25
    f = sys._getframe()
    snapshot = f.f_locals  # a dict holding the old value
    x = x * 2.0
    n = 4000
    snapshot = f.f_locals
    n = n + 1
    print(snapshot["x"], x, snapshot["n"], n)


def generator(steps):
    x = 0.5
    n = 1000
    for i in range(steps):
        x = x * 1.5 + 0.25
        n = n + i
        yield x, n


def closure_cell():
    x = 1000.5
    def inner():
        return x
    y = x + 1.0
    return inner(), y


aliases_keep_old_values()
for steps in (1, 7, 500):
    print(float_loops(steps))
    print(int_loops(steps))
int_edges()
temporaries(1.5, 2.25, -3.0)
temporaries(1000, 2000, -3000)
temporaries(3, 4, 5)
errors_leave_the_local()
subclasses_and_mixed()
unbound_and_deleted(1.5, 2.0)
unbound_and_deleted(1000, 3000)
frame_snapshot()
print(list(generator(5)))
print(closure_cell())
kept = []
for v in generator(4):
    kept.append(v)
print(kept)
