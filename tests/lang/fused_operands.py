"""Fast paths that read their operands straight from locals and constants
(a LOAD_FAST or LOAD_CONST fused into the instruction after it): unbound
and deleted locals in every operand position, reference counts after the
fast and the slow paths, locals rebound between uses, str += in place with
owned and borrowed operands, and int += that must not take the str path."""
import sys


class Slots:
    __slots__ = ("a", "b")


class Plain:
    def __init__(self):
        self.a = 1

    def meth(self):
        return self.a


def unbound(kind):
    """Each operand position of each fused fast path, with the local
    deleted first: UnboundLocalError from the right line."""
    x = 1
    o = Plain()
    lst = [1, 2, 3]
    if kind == "attr":
        del o
        return o.a
    if kind == "method":
        del o
        return o.meth()
    if kind == "store_owner":
        del o
        o.a = 2
    if kind == "store_value":
        del x
        o.a = x
    if kind == "lhs":
        del x
        return x + 1
    if kind == "rhs":
        del x
        return 1 + x
    if kind == "compare":
        del x
        if x < 3:
            return 1
    if kind == "subscr_container":
        del lst
        return lst[0]
    if kind == "subscr_index":
        del x
        return lst[x]
    if kind == "store_subscr":
        del x
        lst[x] = 5
    if kind == "is":
        del x
        return x is None
    if kind == "append":
        s = "a"
        del s
        s += "b"
    return "no error"


def refcounts():
    """References after fused loads, stores and subscripts (a borrowed
    operand must not be dropped, a stored one must be owned)."""
    o = Plain()
    value = object()
    before = sys.getrefcount(value)
    for _ in range(50):
        o.a = value
        _ = o.a
        _ = o.meth()
    lst = [None] * 3
    for i in range(50):
        lst[i % 3] = value
        _ = lst[i % 3]
    s = Slots()
    for _ in range(50):
        s.a = value
        s.b = s.a
    del _
    return sys.getrefcount(value) - before


def rebinding(n):
    """A local rebound between fused reads, and the read after it."""
    total = 0
    x = 0
    for i in range(n):
        if i % 7 == 0:
            x = float(i)
        elif i % 7 == 1:
            x = i
        elif i % 7 == 2:
            x = str(i)
        else:
            x = i * 2**40
        if x is not None and i < n:
            total += len(str(x)) if isinstance(x, str) else int(x) % 97
    return total


def appends(n):
    """`s += t` with owned and borrowed operands, and shared strs."""
    s = ""
    shared = ""
    t = "xy"
    for i in range(n):
        s += t
        s = s + str(i % 10)
        if i == n // 2:
            shared = s  # a second owner: no in-place append now
    total = 0
    for i in range(n):
        total += i  # the int path of `+ then STORE_FAST`
        total = total + 1
    f = 0.5
    for i in range(n):
        f += 0.25
    return len(s), len(shared), s[-12:], total, f


def mixed_types(values):
    out = []
    for v in values:
        for w in values:
            try:
                out.append((v + w, v < w if type(v) is type(w) else None, v is w))
            except TypeError as e:
                out.append(type(e).__name__)
    return out


def subscripts():
    t = (1, 2, 3)
    lst = [4, 5, 6]
    out = []
    for i in range(-4, 4):
        for seq in (t, lst):
            try:
                out.append(seq[i])
            except IndexError as e:
                out.append(str(e))
    k = 1
    lst[k] = "set"
    d = {1: "dict"}
    out.append(d[k])
    out.append(lst)
    return out


for kind in ["attr", "method", "store_owner", "store_value", "lhs", "rhs", "compare",
             "subscr_container", "subscr_index", "store_subscr", "is", "append", "none"]:
    for _ in range(3):
        try:
            r = unbound(kind)
        except UnboundLocalError as e:
            r = "UnboundLocalError: %s (line %d)" % (e, e.__traceback__.tb_next.tb_lineno)
        print(kind, r)
print("refcount delta", refcounts())
print(rebinding(300))
print(appends(200))
print(mixed_types([1, 2.5, "a", 2**70, True, None, -3]))
print(subscripts())
