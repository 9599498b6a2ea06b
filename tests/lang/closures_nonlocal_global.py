"""Closures, cell variables, nonlocal and global declarations, late binding, closures outliving frames."""

counter = 0
registry = {}


def bump(n=1):
    global counter
    counter += n
    return counter


def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    def reset():
        nonlocal count
        old, count = count, start
        return old
    return inc, get, reset


def make_adders():
    adders = []
    for i in range(5):
        def add(x, i=i):
            return x + i
        adders.append(add)
    late = []
    for i in range(5):
        late.append(lambda x: x + i)
    return adders, late


def nested_levels(a):
    def l1(b):
        def l2(c):
            def l3(d):
                nonlocal a
                a += 1
                return a + b + c + d
            return l3
        return l2
    return l1


def cell_and_arg(x):
    def get():
        return x
    x = x * 2
    r1 = get()
    x = "changed"
    return r1, get()


def global_define():
    global DEFINED_LATER
    DEFINED_LATER = "yes"
    registry["k%d" % len(registry)] = bump


def unbound_closure():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        r = f"{type(e).__name__}: {e}"
    v = 1
    return r, inner()


def shadow():
    counter = "local"

    def g():
        global counter
        return counter
    return counter, g()


def class_scope_closure():
    val = "outer"

    class K:
        val = "class"
        got = val

        def m(self):
            return val
    return K.got, K().m()


def closure_introspection():
    a, b = 1, 2

    def f():
        return a + b
    return (f.__code__.co_freevars, [c.cell_contents for c in f.__closure__],
            make_counter.__code__.co_cellvars)


def main():
    inc, get, reset = make_counter(10)
    tot = 0
    for i in range(2000):
        tot += inc(i % 3)
        if i % 500 == 499:
            tot += reset()
        bump()
    print("counter", tot, get(), counter)
    adders, late = make_adders()
    print([a(10) for a in adders], [f(10) for f in late])
    l1 = nested_levels(100)
    s = 0
    for i in range(300):
        s += l1(i)(2)(3)
    print("nested", s, l1(0)(0)(0))
    print(cell_and_arg(5), unbound_closure(), shadow(), class_scope_closure())
    for _ in range(3):
        global_define()
    print(DEFINED_LATER, sorted(registry), registry["k0"](0))
    print(closure_introspection())
    c1 = make_counter(0)
    c2 = make_counter(100)
    for _ in range(10):
        c1[0]()
        c2[0](2)
    print(c1[1](), c2[1]())
    # closure in a loop inside a hot function
    def compose(fs):
        def run(x):
            for f in fs:
                x = f(x)
            return x
        return run
    pipeline = compose([lambda v: v + 1, lambda v: v * 3, lambda v: v - 2])
    print(sum(pipeline(i) for i in range(1000)))
    try:
        exec("def bad():\n    nonlocal zz\n")
    except SyntaxError as e:
        print("SyntaxError", e.msg)


main()
