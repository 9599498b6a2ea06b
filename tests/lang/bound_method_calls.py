"""Bound method objects called through a plain CALL (callbacks in lists and
dicts, methods passed around), which compiled code takes apart as the
interpreter does: the last reference to the method object, methods of C
functions and of callables, weak references to bound methods, errors."""
import types
import weakref


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, value, scale=1):
        self.total += value * scale
        return self.total

    def boom(self):
        raise KeyError("boom")


def run_callbacks(callbacks, n):
    out = []
    for i in range(n):
        for cb in callbacks:
            out.append(cb(i))
    return out


acc = Acc()
print(run_callbacks([acc.add] * 3, 4), acc.total)
print(run_callbacks([Acc().add, Acc().add], 3))          # the list holds the only references
table = {"add": acc.add, "len": types.MethodType(len, "abc"), "rep": types.MethodType(repr, 5)}
print([table[k]() if k != "add" else table[k](2) for k in table for _ in range(2)])
print([acc.add(1, scale=3) for _ in range(2)])          # keywords: the generic path
m = acc.boom
for _ in range(2):
    try:
        m()
    except KeyError as e:
        print("KeyError", e)
deaths = []
a2 = Acc()
r = weakref.ref(a2)
meth = a2.add
wm = weakref.WeakMethod(meth)
print([meth(1) for _ in range(3)], wm() is not None)
del meth, a2
print(wm() is None, r() is None)


def temporary_method(obj):
    return getattr(obj, "add")(7)                        # a method object that dies in the call


print([temporary_method(Acc()) for _ in range(3)])


# Methods called on function objects: [method, function, args] must not be
# taken for a call of the function itself.
def ident(x):
    return x


def methods_of_functions():
    return [ident.__eq__(ident), ident.__ne__(ident), ident.__eq__(1), ident(7),
            ident.__get__(None, object) is ident, ident.__call__(3)]


print(methods_of_functions(), methods_of_functions())
