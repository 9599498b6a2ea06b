"""Locals read where they may or may not be bound: the compiled code drops
LOAD_FAST's check only where every path has bound the local (branches,
loops that may not run, handlers entered from anywhere in their try, del)."""


def branch(flag):
    if flag:
        x = "set"
    try:
        return x
    except UnboundLocalError as e:
        return "unbound: " + str(e)


def loop_may_not_run(items):
    for item in items:
        last = item
    try:
        return last
    except UnboundLocalError:
        return "no items"


def while_with_break(n):
    i = 0
    while i < n:
        if i == 3:
            found = i
            break
        i += 1
    else:
        return ("exhausted", i)
    return ("found", found)


def assigned_in_try(fail_at):
    try:
        a = 1
        if fail_at == 1:
            raise ValueError("one")
        b = 2
        if fail_at == 2:
            raise ValueError("two")
        c = 3
    except ValueError:
        names = []
        for name in ("a", "b", "c"):
            try:
                names.append((name, eval(name, {}, {"a": a} if name == "a" else {})))
            except NameError:
                names.append((name, None))
        try:
            return ("handled", a, b)
        except UnboundLocalError as e:
            return ("handled", a, str(e))
    finally:
        pass
    return ("ok", a, b, c)


def deleted(n):
    total = 0
    for i in range(n):
        value = i * 2
        total += value
        del value
        try:
            total += value
        except UnboundLocalError:
            total += 1000
    return total


def rebound_after_delete(n):
    x = 1
    out = []
    for i in range(n):
        if i % 2:
            del x
        else:
            x = i
        try:
            out.append(x)
        except UnboundLocalError:
            out.append(None)
            x = -1
    return out


def with_statement():
    class Manager:
        def __enter__(self):
            return "entered"

        def __exit__(self, *args):
            return True  # swallows the error

    with Manager() as got:
        late = "late"
        raise KeyError("k")
    try:
        return got, late
    except UnboundLocalError as e:
        return got, str(e)


def with_statement_early():
    class Manager:
        def __enter__(self):
            return "entered"

        def __exit__(self, *args):
            return True

    with Manager() as got:
        raise KeyError("k")
        late = "late"  # never runs
    try:
        return got, late
    except UnboundLocalError as e:
        return got, str(e)


def arguments_and_defaults(a, b=2, *rest, c=3, **kw):
    d = a + b + c + len(rest) + len(kw)
    return a, b, c, d, rest, sorted(kw)


def closure_cell(flag):
    if flag:
        captured = "cell"

    def inner():
        return captured

    try:
        return inner()
    except NameError as e:
        return str(e)


def main():
    for _ in range(3):
        print(branch(True), branch(False))
        print(loop_may_not_run([1, 2, 3]), loop_may_not_run([]))
        print(while_with_break(10), while_with_break(2))
        print(assigned_in_try(0), assigned_in_try(1), assigned_in_try(2))
        print(deleted(5))
        print(rebound_after_delete(6))
        print(with_statement(), with_statement_early())
        print(arguments_and_defaults(1), arguments_and_defaults(1, 5, 6, 7, c=9, z=1))
        print(closure_cell(True), closure_cell(False))


main()
