"""weakref: refs, callbacks, proxies, WeakValueDictionary/WeakKeyDictionary/WeakSet, finalize, WeakMethod; deterministic gc parts (is_tracked, collect of cycles)."""
import gc
import weakref

events = []


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return f"method of {self.name}"

    def __repr__(self):
        return f"Obj({self.name})"


def basic_refs():
    o = Obj("a")
    r = weakref.ref(o, lambda ref: events.append("callback a"))
    out = [r() is o, r().name, weakref.getweakrefcount(o)]
    r2 = weakref.ref(o)
    out.append(weakref.getweakrefcount(o))
    del o
    out.append((r(), r2(), list(events)))
    events.clear()
    return out


def proxies():
    o = Obj("p")
    p = weakref.proxy(o)
    out = [p.name, p.method(), repr(type(p).__name__)]
    del o
    try:
        p.name
    except ReferenceError as e:
        out.append(f"ReferenceError: {e}")
    return out


def weak_dicts():
    cache = weakref.WeakValueDictionary()
    keep = []
    for i in range(10):
        o = Obj(f"v{i}")
        cache[i] = o
        if i % 3 == 0:
            keep.append(o)
    del o
    out = [sorted(cache.keys())]
    keep.pop()
    out.append(sorted(cache.keys()))
    wk = weakref.WeakKeyDictionary()
    ks = [Obj(f"k{i}") for i in range(4)]
    for k in ks:
        wk[k] = k.name.upper()
    del ks[1:3]
    out.append(sorted(v for v in wk.values()))
    ws = weakref.WeakSet(ks)
    ks.clear()
    out.append(len(ws))
    return out


def finalizers():
    o = Obj("f")
    f = weakref.finalize(o, events.append, "finalized f")
    out = [f.alive]
    del o
    out.append((f.alive, list(events)))
    o2 = Obj("g")
    f2 = weakref.finalize(o2, events.append, "finalized g")
    out.append(f2.detach()[0] is o2)
    del o2
    o3 = Obj("h")
    f3 = weakref.finalize(o3, lambda: events.append("h called explicitly"))
    f3()
    f3()
    out.append(list(events))
    events.clear()
    return out


def weak_method():
    o = Obj("m")
    wm = weakref.WeakMethod(o.method)
    plain = weakref.ref(o.method)
    out = [wm()(), plain()]
    del o
    out.append(wm())
    return out


def not_weakrefable():
    out = []
    for v in (1, "s", (1,), [1], {}):
        try:
            weakref.ref(v)
            out.append(f"{type(v).__name__} ok")
        except TypeError as e:
            out.append(f"TypeError: {e}")

    class Slotted:
        __slots__ = ("a",)

    class SlottedWeak:
        __slots__ = ("a", "__weakref__")
    for cls in (Slotted, SlottedWeak):
        try:
            weakref.ref(cls())
            out.append(f"{cls.__name__} ok")
        except TypeError as e:
            out.append(f"TypeError: {e}")
    return out


class CycleNode:
    def __init__(self, name):
        self.name = name
        self.peer = None


def gc_cycles():
    gc.collect()
    out = [gc.is_tracked(1), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked("s"),
           gc.is_tracked(Obj("t"))]
    gc.disable()  # keep automatic collections from firing at allocation-count-dependent points
    try:
        a, b = CycleNode("a"), CycleNode("b")
        a.peer, b.peer = b, a
        ra, rb = weakref.ref(a, lambda r: events.append("cycle a gone")), weakref.ref(b)
        del a, b
        out.append((ra() is not None, rb() is not None, gc.isenabled()))
        gc.collect()
        out.append((ra(), rb(), list(events)))
    finally:
        gc.enable()
    events.clear()
    out.append(gc.isenabled())
    lst = []
    lst.append(lst)
    out.append(len(gc.get_referents(lst)) == 1 and gc.get_referents(lst)[0] is lst)
    return out


def hot(n):
    alive = 0
    for i in range(n):
        o = Obj(i)
        r = weakref.ref(o)
        if r() is o:
            alive += 1
        del o
        if r() is None:
            alive += 1
    return alive


def main():
    for fn in (basic_refs, proxies, weak_dicts, finalizers, weak_method, not_weakrefable, gc_cycles):
        print(fn.__name__, fn())
    print("hot", hot(2000))


main()
