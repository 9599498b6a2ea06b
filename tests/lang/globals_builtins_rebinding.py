"""Rebinding globals and builtins (len, abs, sorted, print) mid-loop, globals shadowing builtins, deleted globals, exec with custom builtins."""
import builtins

FACTOR = 2


def scaled(x):
    return x * FACTOR


def uses_len(seq):
    return len(seq)


def uses_abs_and_max(a, b):
    return max(abs(a), abs(b))


def helper():
    return "original helper"


def call_helper():
    return helper()


def loop_global_rebind():
    global FACTOR
    out = []
    total = 0
    for i in range(1000):
        if i == 400:
            FACTOR = 3
        if i == 800:
            FACTOR = 2.5
        total += scaled(i)
    out.append(total)
    FACTOR = 2
    return out


def loop_builtin_replace():
    orig_len = builtins.len
    results = []
    total = 0
    for i in range(900):
        if i == 300:
            builtins.len = lambda s: 1000
        if i == 600:
            builtins.len = orig_len
        total += uses_len([1, 2, 3])
    results.append(total)
    return results


def loop_global_shadows_builtin():
    g = globals()
    total = 0
    for i in range(900):
        if i == 300:
            g["abs"] = lambda v: 0
        if i == 600:
            del g["abs"]
        total += uses_abs_and_max(-i, 3)
    return total


def loop_function_replace():
    global helper
    orig = helper
    seen = []
    for i in range(500):
        if i == 250:
            helper = lambda: "replaced helper"
        seen.append(call_helper())
    helper = orig
    return seen.count("original helper"), seen.count("replaced helper"), call_helper()


def deleted_global():
    global TEMP
    TEMP = 1

    def reader():
        return TEMP
    vals = []
    for i in range(300):
        if i == 150:
            del TEMP
        try:
            vals.append(reader())
        except NameError as e:
            vals.append(str(e))
    return vals[149], vals[150], len(set(vals))


def exec_with_custom_globals():
    code = compile("def f(x):\n    return len(x) + K\n", "<generated>", "exec")
    ns1 = {"K": 1}
    ns2 = {"K": 100, "__builtins__": {"len": lambda x: -1}}
    exec(code, ns1)
    exec(code, ns2)
    r = []
    for i in range(300):
        r.append(ns1["f"]("ab") + ns2["f"]("ab"))
    ns1["K"] = 5
    r.append(ns1["f"]("ab"))
    return sum(r), r[-1]


def builtin_del_and_restore():
    saved = builtins.sorted
    del builtins.sorted
    try:
        sorted([2, 1])
        r = "no error?"
    except NameError as e:
        r = f"NameError: {e}"
    finally:
        builtins.sorted = saved
    return r, sorted([2, 1])


def eval_globals():
    g = {"x": 10}
    out = [eval("x + 1", g), eval("y * 2", g, {"y": 4})]
    exec("z = x * 3", g)
    out.append(g["z"])
    out.append(sorted(k for k in g if k != "__builtins__"))
    return out


def main():
    print(loop_global_rebind(), FACTOR)
    print(loop_builtin_replace(), len([1]))
    print(loop_global_shadows_builtin(), abs(-5), "abs" in globals())
    print(loop_function_replace())
    print(deleted_global())
    print(exec_with_custom_globals())
    print(builtin_del_and_restore())
    print(eval_globals())
    # rebinding print itself
    import io
    buf = io.StringIO()
    real_print = builtins.print
    builtins.print = lambda *a, **k: real_print("[wrapped]", *a, file=buf, **k)
    for i in range(3):
        print("hello", i)
    builtins.print = real_print
    print(buf.getvalue().splitlines())
    # module-level global updated via globals() dict in a hot loop
    for i in range(500):
        globals()["COUNTER_" + str(i % 5)] = i
    print(sorted((k, v) for k, v in globals().items() if k.startswith("COUNTER_")))


main()
