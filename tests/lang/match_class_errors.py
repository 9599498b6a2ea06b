"""Class patterns: __match_args__, MATCH_SELF types, and every TypeError of match_class."""
class P:
    __match_args__ = ("x", "y")
    def __init__(s, x, y): s.x, s.y = x, y
class Bad:
    __match_args__ = ["x"]
class NoStr:
    __match_args__ = (1,)
def m(v):
    match v:
        case P(1, y=2): return "dup"
        case P(x, y): return ("P", x, y)
        case int(n): return ("int", n)
        case str(): return "str"
        case _: return "other"
for v in (P(3, 4), 5, "s", 2.0):
    print(m(v))
for cls in (Bad, NoStr):
    def g(v, cls=cls):
        match v:
            case cls(a): return a
    try:
        print(g(cls()))
    except TypeError as e:
        print("TypeError", e)
def h(v):
    match v:
        case P(1, x=1): return 1
try:
    h(P(1, 2))
except TypeError as e:
    print("TypeError", e)
def too_many(v):
    match v:
        case int(1, 2): return 1
try:
    too_many(1)
except TypeError as e:
    print("TypeError", e)
