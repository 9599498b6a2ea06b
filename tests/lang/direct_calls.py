"""Python-to-Python calls that compiled code makes directly (it pushes the
callee's frame itself): frames that escape, f_back, tracebacks, defaults and
code replaced after the call site warmed up, recursion depth."""
import sys
import traceback


def leaf(a, b=10, c=20):
    return a + b + c


def escape():
    return sys._getframe()


def caller_of_escape():
    x = "caller local"
    f = escape()
    return f, x


def grab_caller():
    return sys._getframe(1).f_code.co_name, sys._getframe(1).f_locals.get("marker")


def outer():
    marker = 42
    return grab_caller()


def raiser(n):
    if n == 0:
        raise ValueError("bottom")
    return raiser(n - 1)


def catcher():
    try:
        raiser(3)
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        return names


def keep_locals(a, b):
    c = a * b
    return locals()


def depth(n):
    return depth(n + 1) if n < 200 else n


for _ in range(3):
    print(leaf(1), leaf(1, 2), leaf(1, 2, 3))

# a frame object that outlives its call keeps its locals and its f_back
frames = [caller_of_escape() for _ in range(3)]
for f, x in frames:
    print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_locals["x"], x, f.f_lineno)
    print(f.f_back.f_back.f_code.co_name)
print(outer(), outer())
print(catcher())
print(keep_locals(3, 4), keep_locals("a", 2))
print(depth(0))

# defaults and code replaced after the site is warm
def site():
    return leaf(1)

for _ in range(3):
    print(site())
leaf.__defaults__ = (100, 200)
print(site())
leaf.__code__ = (lambda a, b=1, c=2: a * b * c).__code__
print(site())
leaf.__defaults__ = None
try:
    site()
except TypeError as e:
    print("TypeError", e)

# a wrong number of arguments raises the interpreter's TypeError
def two(a, b):
    return a, b

for call in [lambda: two(1, 2), lambda: two(1), lambda: two(1, 2, 3)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

# the recursion limit is met at the same depth
sys.setrecursionlimit(120)
count = 0
def recurse():
    global count
    count += 1
    recurse()
try:
    recurse()
except RecursionError as e:
    print("RecursionError", count, e)
sys.setrecursionlimit(1000)

# an uncaught error's traceback through direct calls
def a1():
    return b1()
def b1():
    return {}["missing"]
try:
    a1()
except KeyError:
    print(traceback.format_exc().replace(__file__, "FILE"))

# defaults filled in by the direct call: each frame holds references of its
# own (none leak), a shorter tuple no longer covers the call
marker = object()


def with_defaults(a, b=marker, c=[]):
    c.append(a)
    return b is marker, len(c)


def call_with_defaults(n):
    return [with_defaults(i) for i in range(n)] + [with_defaults(1, 2)]


before = sys.getrefcount(marker)
print(call_with_defaults(5)[-3:], sys.getrefcount(marker) - before)
print(call_with_defaults(50)[-2:], sys.getrefcount(marker) - before)
with_defaults.__defaults__ = ("only c",)
try:
    call_with_defaults(2)
except TypeError as e:
    print("TypeError", e)
with_defaults.__defaults__ = (1, "b", [])  # longer than the parameters: the last ones count
print(with_defaults(0), with_defaults(0, 5))
