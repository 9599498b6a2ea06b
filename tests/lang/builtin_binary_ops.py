"""Binary operators on builtin (C) types that the inline fast paths do not
take: compiled code calls PyNumber_Add and friends directly.  Results,
in-place forms, errors and their messages, and operands of Python classes
(subclasses of builtins too), which must still reach their own methods."""
import datetime
import fractions
from collections import Counter


def huge(b):
    return isinstance(b, int) and abs(b) > 64


def ops(a, b):
    out = []
    for name, fn in [("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b),
                     ("/", lambda: a / b), ("//", lambda: a // b), ("%", lambda: a % b),
                     ("&", lambda: a & b), ("|", lambda: a | b), ("^", lambda: a ^ b),
                     ("<<", lambda: a << b), (">>", lambda: a >> b), ("@", lambda: a @ b),
                     ("**", lambda: a ** b)]:
        if name in ("<<", "**") and huge(b):
            continue  # (an enormous result)
        try:
            r = fn()
            out.append((name, r if not isinstance(r, float) else round(r, 9)))
        except Exception as e:
            out.append((name, type(e).__name__, str(e)))
    return out


def in_place(a, b):
    x = a
    try:
        x += b
    except TypeError as e:
        x = str(e)
    y = a
    try:
        y *= 2
    except TypeError as e:
        y = str(e)
    z = a
    try:
        z -= b
    except TypeError as e:
        z = str(e)
    return x, y, z


values = ["ab", "c", 3, 2.5, -7, 10 ** 20, [1, 2], (3,), b"xy", bytearray(b"q"), {1, 2},
          frozenset({2, 3}), {"k": 1}, None, 1j, True, datetime.timedelta(days=1),
          datetime.date(2020, 2, 28)]
for a in values:
    for b in values:
        print(repr(a), repr(b), ops(a, b))
for a, b in [("s", "t"), ([1], [2]), ((1,), (2,)), (b"a", b"b"), (2, 0.5), (1.5, 2),
             (Counter("ab"), Counter("bc")), ("a", 1), ({1}, {2})]:
    print(in_place(a, b))
print("%s-%d-%.2f" % ("x", 42, 2.5), "%(k)s" % {"k": "v"}, "%s" % ("a",), "%r" % [1])
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __radd__(self, other):
        return "MyInt.__radd__"


class MyStr(str):
    def __mod__(self, other):
        return "MyStr.__mod__"

    def __rmul__(self, other):
        return "MyStr.__rmul__"


def mixed(n):
    return [1 + MyInt(2), MyInt(2) + 1, MyStr("x") % 3, 3 * MyStr("y"), "s" * 3,
            fractions.Fraction(1, 3) + 1, 1 + fractions.Fraction(1, 3), n * 1.5, 2 ** 0.5]


for i in range(3):
    print(mixed(i))


def text(n):
    s = ""
    parts = []
    for i in range(n):
        t = s + str(i)
        parts.append(t * 2 + "|" + "%03d" % i)
    return parts[-1], len("".join(parts))


print(text(50))
