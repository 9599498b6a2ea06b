"""Comparisons that the inline fast paths (word ints, floats, str ==) do not
take: compiled code calls PyObject_RichCompare itself.  Values and
branches, reflected and NotImplemented methods, non-bool results, errors
and their messages, comparisons that raise."""


class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return "V%s" % (self.parts,)


class Weird:
    def __eq__(self, other):
        return "weird-eq"

    def __gt__(self, other):
        raise ValueError("no ordering")

    __hash__ = None

    def __repr__(self):
        return "Weird()"


def compare_all(a, b):
    out = []
    for name, fn in [("<", lambda: a < b), ("<=", lambda: a <= b), ("==", lambda: a == b),
                     ("!=", lambda: a != b), (">", lambda: a > b), (">=", lambda: a >= b)]:
        try:
            out.append((name, fn()))
        except Exception as e:
            out.append((name, type(e).__name__, str(e)))
    return out


def branches(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a == b:
        out.append("eq")
    if not a > b:
        out.append("not gt")
    out.append("chain" if 0 < len(out) <= 3 else "none")
    return out


values = [(1, 2), (1, 2, 0), [1], [1, 2], "a", "b", 2 ** 70, 2.5, 3, None, Version(1, 2),
          Version(1, 3), Weird(), frozenset({1}), {1, 2}, b"x", 1j]
for a in values:
    for b in values:
        print(repr(a), repr(b), compare_all(a, b))
for a, b in [((1, 2), (1, 3)), ("x", "y"), (2 ** 80, 2 ** 81), (Version(2), Version(1)), ([1], [1]),
             (1, 1.0), (2, 2.5)]:
    print(branches(a, b))
for a, b in [(Weird(), 1), (1, Weird())]:
    try:
        branches(a, b)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)
print(sorted([Version(3), Version(1, 5), Version(1)]), max((2, "b"), (2, "a")), min("xyz", "xy"))
