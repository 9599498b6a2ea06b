"""Recursion: memoised and plain recursion, mutual recursion, recursion
through methods and try/finally at every level, and infinite recursion
caught as RecursionError (the depth reached is printed: it must be the same
as CPython's) under a few recursion limits."""


def make(ctx):
    c = ctx
    d = c.defs
    name = c.fresh("rec")
    with d.block(f"def {name}_fib(n, memo):"):
        with d.block("if n < 2:"):
            d.line("return n")
        with d.block("if n not in memo:"):
            d.line(f"memo[n] = {name}_fib(n - 1, memo) + {name}_fib(n - 2, memo)")
        d.line("return memo[n]")
    with d.block(f"def {name}_even(n):"):
        d.line(f"return True if n == 0 else {name}_odd(n - 1)")
    with d.block(f"def {name}_odd(n):"):
        d.line(f"return False if n == 0 else {name}_even(n - 1)")
    with d.block(f"def {name}_fin(n, log):"):
        with d.block("try:"):
            with d.block("if n == 0:"):
                d.line("raise E1('bottom')")
            d.line(f"return {name}_fin(n - 1, log) + 1")
        with d.block("finally:"):
            with d.block("if n % 7 == 0:"):
                d.line("log.append(n)")
    with d.block(f"def {name}_inf(n):"):
        with d.block("try:"):
            d.line(f"return {name}_inf(n + 1)")
        with d.block("except RecursionError:"):
            d.line("return n")
    d.line("")
    with d.block(f"def {name}(i):"):
        d.line("log = []")
        d.line(f"r = [{name}_fib(i * {c.pick(['3', '7', '11'])}, {{}}), {name}_even(i * {c.pick(['5', '13'])})]")
        with d.block("try:"):
            d.line(f"r.append({name}_fin(i % {c.pick(['30', '100', '300'])}, log))")
        with d.block("except E1 as e:"):
            d.line("r.append((exc(e), log))")
        if c.chance(0.4):
            d.line("old = sys.getrecursionlimit()")
            d.line(f"sys.setrecursionlimit({c.pick(['200', '1000', '3000', '5000'])})")
            with d.block("try:"):
                d.line(f"r.append({name}_inf(0))")
            with d.block("finally:"):
                d.line("sys.setrecursionlimit(old)")
        d.line("return r")
    d.line("")
    c.call(name, f"{name}(i)")
