"""Deep recursion with a raised recursion limit: tens of thousands of Python
frames, which stock CPython 3.11 runs without using the C stack.  Under the
eval-frame hook every call recurses in C, and the JIT raises RecursionError
when the C stack runs low (a documented limit, tests/test_tier1.py), so the
program prints only whether the result was right or RecursionError came:
what must never happen is a crash or a wrong value."""


def make(ctx):
    c = ctx
    d = c.defs
    name = c.fresh("deep")
    depth = c.pick([20000, 30000, 50000])
    with d.block(f"def {name}_down(n):"):
        d.line(f"return {name}_down(n - 1) + 1 if n else 0")
    with d.block(f"def {name}(i):"):
        d.line("old = sys.getrecursionlimit()")
        d.line(f"sys.setrecursionlimit({depth + 1000})")
        with d.block("try:"):
            d.line(f"return {name}_down({depth} + i) == {depth} + i")
        with d.block("except RecursionError:"):
            d.line("return True")
        with d.block("finally:"):
            d.line("sys.setrecursionlimit(old)")
    d.line("")
    c.call(name, f"{name}(i) if i % 10 == 0 else None")
