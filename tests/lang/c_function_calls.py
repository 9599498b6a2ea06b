"""Calls of builtin functions and of C types' methods, which tier 1 makes
without vectorcall when they take no argument, one, or a fastcall vector,
and of builtin types through their own vectorcall (range(), list(), ...):
wrong argument counts, unbound methods on the wrong type and on
subclasses, keywords, errors from inside the function, and C recursion
through them."""
import sys


class MyStr(str):
    def upper(self):
        return "MyStr.upper"


class MyList(list):
    pass


def attempt(f):
    try:
        return f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def calls():
    s, lst, d = "Hello World", [3, 1, 2], {"a": 1}
    out = [len(s), len(lst), abs(-3), repr(s), s.upper(), s.lower(), s.split(),
           s.split("o"), s.replace("l", "L"), s.startswith("He"), ",".join(["a", "b"]),
           s.find("o", 5), lst.index(1), d.get("a"), d.get("z", 0), isinstance(s, str),
           getattr(s, "upper")(), divmod(7, 2), min(3, 1, 2), max(lst), sorted(lst),
           str.upper(s), list.copy(lst), dict.keys(d), MyStr("x").upper(),
           str.upper(MyStr("abc")), MyList([1]).copy(), hash("") == hash(""),
           chr(65), ord("A"), hex(255), round(2.5), s.strip("Hd"), lst.count(1)]
    lst.append(4)
    lst.sort(key=None)
    lst.sort(reverse=True)
    out.append(lst)
    out.append(attempt(lambda: len()))
    out.append(attempt(lambda: len(1, 2)))
    out.append(attempt(lambda: len(5)))
    out.append(attempt(lambda: s.upper(1)))
    out.append(attempt(lambda: str.upper(5)))
    out.append(attempt(lambda: str.upper()))
    out.append(attempt(lambda: list.append([], 1, 2)))
    out.append(attempt(lambda: lst.pop(10)))
    out.append(attempt(lambda: d.pop("zz")))
    out.append(attempt(lambda: s.split(None, 1, 2)))
    out.append(attempt(lambda: chr(-1)))
    out.append(attempt(lambda: s.join([1])))
    out.append(attempt(lambda: ord("ab")))
    return out


class MyRange:
    pass


def type_calls():
    """Builtin types called with their vectorcall; their errors; Python
    classes and subclasses of builtin types (no vectorcall of their own)."""
    out = [list(range(3)), range(2, 9, 3), tuple("ab"), str(12), int("7"), float("1.5"),
           bool(0), set("aa"), frozenset([1]), dict(a=1), list(reversed([1, 2])),
           type(3).__name__, bytes(2), complex(1, 2), MyList("ab"), type(MyRange()).__name__,
           MyStr(5), int("ff", 16), str(b"x", "ascii")]
    out.append(attempt(lambda: int("x")))
    out.append(attempt(lambda: range()))
    out.append(attempt(lambda: range(1, 2, 0)))
    out.append(attempt(lambda: list(1, 2)))
    out.append(attempt(lambda: type(1, 2)))
    out.append(attempt(lambda: float([])))
    return out


def deep(n):
    """C recursion: repr of a nested list goes through C calls only."""
    x = []
    for _ in range(n):
        x = [x]
    return attempt(lambda: len(repr(x)))


for _ in range(3):
    print(calls())
    print(type_calls())
print(deep(100))
print(deep(100000))
sys.setrecursionlimit(200)
print(deep(1000))

# C static methods (METH_STATIC) get a NULL self, not their class
try:
    from _testcapi import MethStatic, MethClass, MethInstance
except ImportError:
    MethStatic = None
if MethStatic is not None:
    for _ in range(3):
        print(MethStatic.meth_noargs(), MethStatic.meth_o(1), MethStatic.meth_fastcall(1, 2),
              MethClass.meth_noargs(), type(MethInstance().meth_o(2)[0]).__name__)
print(str.maketrans("ab", "cd"), bytes.maketrans(b"a", b"b")[97])


# the keyword-taking fastcall form called without keywords (sorted, print,
# list.sort, dict.pop...), and methods on instances of a subclass
class MyDict(dict):
    pass


def fastcall_keywords():
    d = MyDict(a=1, b=2)
    items = [3, 1, 2]
    items.sort()
    out = [sorted([5, 4]), sorted(items), max(3, 9), min([4, 2]), d.get("a"), d.get("z", 0),
           dict.get(d, "b"), d.pop("a"), list.copy(MyList([1])), str.upper(MyStr("x")),
           MyStr("ab").lower(), int.to_bytes(5, 2, "big"), "a,b".split(","),
           bytes.hex(b"\x01"), round(2.5), divmod(7, 2), getattr(d, "keys")()]
    print("fastcall+keywords", out, d)
    print("x", "y", sep="")
    for bad in (lambda: dict.get([], 1), lambda: sorted(), lambda: d.pop(),
                lambda: list.sort(MyDict()), lambda: str.upper(MyList())):
        print(attempt(bad))


for _ in range(3):
    fastcall_keywords()
