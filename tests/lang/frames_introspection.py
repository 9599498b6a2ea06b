"""Frame introspection: sys._getframe, f_lineno, f_back chains, locals()/f_locals, inspect.currentframe/stack, traceback.extract_stack."""
import inspect
import sys
import traceback


def chain_names():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return names


def outer_a():
    return middle_b()


def middle_b():
    x_local = "in b"
    return inner_c()


def inner_c():
    caller = sys._getframe(1)
    return (chain_names(), caller.f_code.co_name, caller.f_locals.get("x_local"),
            sys._getframe(2).f_code.co_name, inspect.currentframe().f_code.co_name)


def lineno_progress():
    f = sys._getframe()
    lines = [f.f_lineno]
    lines.append(f.f_lineno)
    for _ in range(2):
        lines.append(f.f_lineno)
    lines.append(
        f.f_lineno
    )
    return [ln - lineno_progress.__code__.co_firstlineno for ln in lines]


def locals_snapshot(a, b=2, *args, **kw):
    c = a + b
    snap = locals()
    d = 5
    snap2 = dict(sys._getframe().f_locals)
    return sorted(snap), sorted(snap2), snap["c"], snap2["d"]


def closure_locals():
    free = 10

    def inner():
        bound = free + 1
        return sorted(locals().items())
    return inner()


def modify_caller_locals():
    f = sys._getframe(1)
    return f.f_locals["secret"]


def caller_with_secret():
    secret = "s3cr3t"
    return modify_caller_locals()


def inspect_stack_names():
    st = inspect.stack()
    names = [fi.function for fi in st]
    linenos = [fi.lineno for fi in st[:2]]
    ctx = st[0].code_context[0].strip() if st[0].code_context else None
    del st
    return names, linenos, ctx


def extract():
    stk = traceback.extract_stack()
    return [(fs.name, fs.lineno, fs.line) for fs in stk]


def via_lambda():
    return (lambda: extract())()


def code_info(fn):
    co = fn.__code__
    return (co.co_name, co.co_qualname, co.co_argcount, co.co_nlocals, co.co_varnames, co.co_firstlineno,
            [ln for _, _, ln in co.co_lines() if ln is not None][:3] and "has lines",
            len(list(co.co_positions())) > 0)


def gen_frame():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_back.f_code.co_name


def driver_one(g):
    return next(g)


def driver_two(g):
    return next(g)


def hot(n):
    tot = 0
    for i in range(n):
        f = sys._getframe()
        tot += f.f_lineno + len(f.f_code.co_name)
        tot += len(chain_names())
        tot += sys._getframe(1).f_lineno
    return tot


class K:
    def method(self):
        return inspect.currentframe().f_code.co_qualname, type(sys._getframe().f_locals["self"]).__name__

    @property
    def prop(self):
        return sys._getframe(1).f_code.co_name


def exc_frames():
    try:
        inner_raise()
    except ZeroDivisionError:
        tb = sys.exc_info()[2]
        out = []
        while tb:
            out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
            tb = tb.tb_next
        return out


def inner_raise():
    x = 1
    y = 0
    return x / y


def returns_from_two_lines(n, kept):
    kept.append(sys._getframe())
    doubled = n * 2
    if n > 1:
        return doubled
    plus_one = doubled + 1
    return plus_one


def finished_frames():
    """A finished frame keeps the line of the return it left by, and the
    locals it had (the shared return path records both)."""
    kept = []
    results = [returns_from_two_lines(n, kept) for n in (1, 2, 3)]
    return results, [(f.f_lineno, sorted(k for k in f.f_locals if k != "kept"),
                      f.f_locals.get("plus_one")) for f in kept]


def main():
    res = None
    for _ in range(300):
        res = outer_a()
    print(res)
    print(lineno_progress())
    print(locals_snapshot(1, 2, 3, k=4))
    print(closure_locals())
    print(caller_with_secret())
    print(inspect_stack_names())
    for row in extract():
        print(row)
    print(via_lambda()[-3:])
    print(code_info(locals_snapshot), code_info(hot))
    g = gen_frame()
    print(driver_one(g), driver_two(g))
    print(hot(500))
    print(K().method(), K().prop)
    print(exc_frames())
    print(finished_frames())
    f = sys._getframe()
    print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_back, f.f_globals is globals(),
          f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else "dict",
          type(f.f_lasti).__name__, f.f_code.co_filename == __file__)
    mod = sys._getframe(1)
    print(mod.f_code.co_name, sorted(k for k in mod.f_locals if k.startswith("lineno")))


main()
