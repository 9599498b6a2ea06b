"""Binary operators of Python classes, which tier 1 calls directly (same
class, or an int or float on the right): NotImplemented and the right
operand's slot after it, subclasses with __radd__, in-place forms, an int
subclass, errors and their tracebacks, and the operator replaced or deleted
after the site warmed up."""
import sys
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, (int, float)): return V(self.x + o)
        return NotImplemented
    def __sub__(self, o):
        return NotImplemented
    def __mul__(self, o):
        if o == 0: raise ValueError("zero")
        return V(self.x * o)
    def __repr__(self): return "V(%r)" % (self.x,)
class W(V):
    def __radd__(self, o): return "W.__radd__"
class IntLike(int):
    def __add__(self, o): return NotImplemented
class WithR:
    def __rsub__(self, o): return "WithR.__rsub__"
class Seq:
    def __add__(self, o): return NotImplemented
    def __len__(self): return 0
def run():
    out = []
    a, b = V(1), V(2)
    for rhs in [b, 3, 2.5, "s", W(5), None, WithR()]:
        for op in ["+", "-", "*", "+=", "-=", "*="]:
            x = a
            try:
                if op == "+": r = a + rhs
                elif op == "-": r = a - rhs
                elif op == "*": r = a * rhs
                elif op == "+=": x += rhs; r = x
                elif op == "-=": x -= rhs; r = x
                else: x *= rhs; r = x
            except Exception as e:
                r = "%s: %s" % (type(e).__name__, e)
            out.append((op, repr(rhs)[:12], repr(r)))
    try: a * 0
    except ValueError as e: out.append(("tb", e.__traceback__.tb_next.tb_frame.f_code.co_name))
    i = IntLike(3)
    out.append(i + 4)
    out.append(i + i)
    s = Seq()
    try: s + s
    except TypeError as e: out.append(str(e))
    # monkeypatching the operator after warm-up
    V.__add__ = lambda self, o: "patched"
    out.append(a + b)
    del V.__add__
    try: a + b
    except TypeError as e: out.append(str(e))
    out.append(sys.getrefcount(a))
    return out
for _ in range(3):
    print(run())
    V.__add__ = lambda self, o: V(self.x + (o.x if isinstance(o, V) else o))
