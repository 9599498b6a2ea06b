"""Object lifetime under reference counting: __del__ ordering on rebinding, del, scope exit, containers, exceptions; resurrection; cycles via gc (sorted)."""
import gc
import sys

log = []


class Res:
    def __init__(self, name):
        self.name = name
        log.append(f"+{name}")

    def __del__(self):
        log.append(f"-{self.name}")


def scope_exit():
    a = Res("a")
    b = Res("b")
    log.append("body end")
    return "ret"


def rebinding():
    x = Res("x1")
    x = Res("x2")
    log.append("rebound")
    x = None
    log.append("cleared")


def del_stmt():
    r = Res("d")
    alias = r
    del r
    log.append("after del r")
    del alias
    log.append("after del alias")


def container_order():
    lst = [Res(f"l{i}") for i in range(3)]
    log.append("list built")
    lst.pop(1)
    log.append("popped")
    lst.clear()
    log.append("cleared list")
    d = {"k": Res("dv")}
    d["k"] = Res("dv2")
    log.append("dict replaced")
    del d
    t = (Res("t0"), Res("t1"))
    log.append("tuple built")
    t = None


def temporaries():
    n = len(Res("tmp").name)
    log.append(f"temp len {n}")
    s = str([Res("in_list").name])
    log.append("after str")
    return n


def exception_holds():
    def inner():
        local = Res("frame_local")
        raise ValueError("boom")
    try:
        inner()
    except ValueError as e:
        log.append("in except")
    log.append("after except")


class Phoenix:
    saved = []

    def __init__(self, n):
        self.n = n

    def __del__(self):
        log.append(f"phoenix del {self.n}")
        if self.n < 2:
            self.n += 1
            Phoenix.saved.append(self)


def resurrection():
    p = Phoenix(0)
    del p
    log.append(f"saved {len(Phoenix.saved)}")
    q = Phoenix.saved.pop()
    log.append(f"got back n={q.n}")
    del q
    log.append(f"saved {len(Phoenix.saved)}")
    Phoenix.saved.clear()
    log.append("final clear")


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        cycle_log.append(self.name)


cycle_log = []


def cycles():
    gc.collect()
    gc.disable()
    try:
        a, b = Node("ca"), Node("cb")
        a.other, b.other = b, a
        c = Node("self")
        c.other = c
        del a, b, c
        log.append(f"cycle nodes alive before collect: {len(cycle_log)}")
        gc.collect()
        log.append(f"after collect: {sorted(cycle_log)}")
    finally:
        gc.enable()


def hot_churn(n):
    count = 0
    for i in range(n):
        r = Res("h")
        count += len(r.name)
    return count


def main():
    print(scope_exit(), log)
    log.clear()
    rebinding()
    print(log)
    log.clear()
    del_stmt()
    print(log)
    log.clear()
    container_order()
    print(log)
    log.clear()
    temporaries()
    print(log)
    log.clear()
    exception_holds()
    print(log)
    log.clear()
    resurrection()
    print(log)
    log.clear()
    cycles()
    print(log)
    log.clear()
    c = hot_churn(1000)
    print(c, len(log), log.count("+h"), log.count("-h"), log[:4], log[-2:])
    log.clear()
    r = Res("refcount")
    base = sys.getrefcount(r)
    holders = [r] * 5
    print(sys.getrefcount(r) - base)
    del holders
    print(sys.getrefcount(r) - base)
    del r
    print(log)
    log.clear()
    glob = Res("module_level_at_exit")
    globals()["glob_holder"] = glob
    print("end of main")


main()
