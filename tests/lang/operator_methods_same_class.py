"""Binary operators of a Python class with an instance of that class on
the left and one of it, an int or a float on the right, many times at one
site: compiled code then calls the operator method itself.  Results, NotImplemented (a TypeError for the same class),
errors from the method, the method replaced after warm-up, and the
references to the operands and to the method, which must balance."""
import sys


class P:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
    def __add__(self, o): return P(self.v + o.v)
    def __sub__(self, o): return NotImplemented
    def __mul__(self, o):
        if isinstance(o, (int, float)): return P(self.v * o)
        if o.v == 13: raise ValueError("thirteen")
        return P(self.v * o.v)
    def __truediv__(self, o):
        return NotImplemented
def loop(n):
    out = []
    x, one = P(0), P(1)
    errors = 0
    for i in range(n):
        x = x + one
        x += one
        try:
            x - one
        except TypeError as e:
            msg = str(e)
            errors += 1
        try:
            P(i) * P(i)
        except ValueError as e:
            out.append(str(e))
        x = x * 1
        y = P(2) * 0.5
        for rhs in (2, 2.5, one):
            try:
                P(1) / rhs
            except TypeError as e:
                errors += 1
                msg2 = str(e)
    out.append((x.v, y.v, msg, msg2, errors, sys.getrefcount(one), sys.getrefcount(P.__dict__["__add__"])))
    P.__add__ = lambda self, o: "replaced"
    out.append(x + one)
    return out
for _ in range(2):
    print(loop(50))
    P.__add__ = lambda self, o: P(self.v + o.v)
