"""Branches on a local, which compiled code tests where it is (no reference
taken): `if x:`, `if not x:`, `if x is None:`, `while x:`, for every kind of
value, objects whose __bool__/__len__ run Python code (and raise, or drop
the last other reference to themselves), unbound locals, and compares whose
operands are all locals or constants."""


class Truthy:
    def __init__(self, value, log):
        self.value, self.log = value, log

    def __bool__(self):
        self.log.append("bool")
        return self.value


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Raising:
    def __bool__(self):
        raise ValueError("no truth")


class BadLen:
    def __len__(self):
        return -1


holder = []


class DropsItself:
    """__bool__ drops the only reference besides the local's."""
    def __bool__(self):
        holder.clear()
        return True


def branches(x):
    out = []
    if x:
        out.append("T")
    if not x:
        out.append("N")
    if x is None:
        out.append("0")
    if x is not None:
        out.append("1")
    out.append("t" if x else "f")
    return "".join(out)


def loops(n):
    out = []
    x = n
    while x:  # POP_JUMP_BACKWARD_IF_TRUE on a local
        out.append(x)
        x = x - 1 if x > 0 else None
    y = [1, 2, 3]
    while y is not None:  # POP_JUMP_BACKWARD_IF_NOT_NONE
        y = y[1:] or None
        out.append(y)
    return out


def unbound(flag):
    if flag:
        v = 1
    try:
        if v:
            return "bound"
        return "falsy"
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


def deleted():
    v = 5
    del v
    try:
        if v is None:
            return "none"
        return "not none"
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


def raising(x):
    try:
        if x:
            return "T"
        return "F"
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def drops_itself():
    holder.append(DropsItself())
    x = holder[0]
    if x:
        return f"alive {type(x).__name__} {len(holder)}"
    return "false"


def compares(a, b):
    out = []
    if a < b:
        out.append("<")
    if a == b:
        out.append("=")
    while a > b:  # backward compare-and-branch
        a -= 1
        out.append(a)
    return out


VALUES = [0, 1, -1, 2**31, -(2**62), 2**100, "", "a", b"", b"x", [], [0], (), (None,), {}, {1: 2},
          set(), {0}, frozenset(), 0.0, -0.0, 1.5, float("nan"), 0j, 1j, None, True, False,
          Sized(0), Sized(3), object(), range(0), range(2), bytearray()]


def main():
    for round in range(3):  # compiled from the first call; the caches warm up
        log = []
        print(round, [branches(v) for v in VALUES])
        print([branches(Truthy(b, log)) for b in (True, False)], log)
        print(loops(3), loops(0), loops(None))
        print(unbound(True), unbound(False), deleted())
        print(raising(Raising()), raising(BadLen()), raising(Sized(2**40)))
        print(drops_itself())
        print(compares(1, 2), compares(2, 2), compares(5, 2), compares(2**40, 2**40 - 2),
              compares(1.5, 0.5), compares("a", "b"))


main()
