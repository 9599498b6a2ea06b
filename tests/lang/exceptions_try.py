"""try/except/else/finally with return/break/continue everywhere, nesting, re-raise, chaining, except*, tracebacks via traceback.format_exc()."""
import sys
import traceback


class AppError(Exception):
    def __init__(self, code, msg="app"):
        super().__init__(code, msg)
        self.code = code


class SubError(AppError):
    pass


def finally_return(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return "try"
    except ValueError:
        return "except"
    finally:
        if x == 2:
            return "finally-override"


def else_path(x):
    log = []
    try:
        log.append("try")
        if x % 3 == 0:
            raise KeyError(x)
    except KeyError as e:
        log.append(f"except {e!r}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


def loop_control(n):
    log = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            try:
                if i == 2:
                    raise IndexError("two")
                log.append(f"body{i}")
            finally:
                log.append(f"inner-fin{i}")
        except IndexError:
            log.append("caught")
            continue
        else:
            log.append(f"else{i}")
        finally:
            log.append(f"fin{i}")
    else:
        log.append("for-else")
    return log


def break_in_finally():
    for i in range(3):
        try:
            raise RuntimeError("swallowed")
        finally:
            break
    return i


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("x")
            out.append(i)
        finally:
            continue
    return out


def reraise(kind):
    try:
        try:
            if kind == 0:
                raise AppError(1)
            elif kind == 1:
                raise SubError(2, "sub")
            else:
                raise TypeError("plain")
        except AppError as e:
            if e.code == 2:
                raise
            raise RuntimeError("wrapped") from e
    except RuntimeError as e:
        return f"RuntimeError cause={e.__cause__!r} ctx_is_cause={e.__context__ is e.__cause__}"
    except SubError as e:
        return f"SubError {e.args} suppress={e.__suppress_context__}"
    except Exception as e:
        return f"{type(e).__name__} {e}"


def context_chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            {}["missing"]
    except KeyError as e:
        return [type(e).__name__, type(e.__context__).__name__, e.__cause__, e.__suppress_context__]


def from_none():
    try:
        try:
            int("x")
        except ValueError:
            raise LookupError("clean") from None
    except LookupError as e:
        return [e.__cause__, type(e.__context__).__name__, e.__suppress_context__]


def exc_var_cleared():
    e = "before"
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return f"UnboundLocalError: {err}"


def hot(n):
    tot = 0
    for i in range(n):
        try:
            if i % 5 == 0:
                raise ValueError(i)
            if i % 7 == 0:
                raise SubError(i)
            tot += 1
        except ValueError as e:
            tot += e.args[0] % 3
        except AppError as e:
            tot += e.code
        finally:
            tot += 2
    return tot


def level3(x):
    return {"a": 1}[x]


def level2(x):
    try:
        return level3(x)
    except KeyError as e:
        raise ValueError(f"bad key {x}") from e


def level1(x):
    return level2(x) + 1


def formatted_tracebacks():
    out = []
    try:
        level1("zz")
    except ValueError:
        out.append(traceback.format_exc())
    try:
        try:
            [][1]
        except IndexError:
            None.attr
    except AttributeError:
        out.append(traceback.format_exc())
    try:
        level1("q")
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        out.append(str([(f.name, f.lineno) for f in tb]))
        out.append("".join(traceback.format_exception_only(type(e), e)))
    return out


def groups():
    out = []
    try:
        raise ExceptionGroup("multi", [ValueError(1), TypeError(2), ValueError(3),
                                       ExceptionGroup("inner", [KeyError(4), OSError(5)])])
    except* ValueError as eg:
        out.append(("value", [repr(x) for x in eg.exceptions]))
    except* (TypeError, KeyError) as eg:
        out.append(("type/key", repr(eg)))
    except* OSError as eg:
        out.append(("os", str(eg), [type(x).__name__ for x in eg.exceptions]))
    try:
        try:
            raise ExceptionGroup("eg", [ValueError("a"), RuntimeError("b")])
        except* ValueError:
            out.append("handled a")
    except ExceptionGroup as rest:
        out.append(("rest", repr(rest)))
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        out.append(("wrapped naked", repr(eg)))
    eg = ExceptionGroup("x", [ValueError(1), KeyError(2), ValueError(3)])
    match, rest = eg.split(ValueError)
    out.append((repr(match), repr(rest), repr(eg.subgroup(lambda e: isinstance(e, KeyError)))))
    try:
        raise ExceptionGroup("top", [ExceptionGroup("mid", [ZeroDivisionError("z")]), NameError("n")])
    except ExceptionGroup:
        out.append(traceback.format_exc())
    return out


def exc_info_and_notes():
    out = []
    try:
        raise ValueError("with note")
    except ValueError as e:
        e.add_note("note one")
        e.add_note("note two")
        t, v, tb = sys.exc_info()
        out.append((t.__name__, str(v), e.__notes__, tb.tb_lineno - exc_info_and_notes.__code__.co_firstlineno))
        out.append("".join(traceback.format_exception(e)))
    out.append(sys.exc_info())

    def gen_handler():
        try:
            raise KeyError("g")
        except KeyError:
            yield sys.exc_info()[0].__name__
            yield sys.exc_info()[0].__name__
    g = gen_handler()
    out.append(next(g))
    out.append(sys.exc_info()[0])
    out.append(next(g))
    return out


def main():
    print([finally_return(x) for x in range(4)])
    for x in range(4):
        print(else_path(x))
    print(loop_control(3), loop_control(6))
    print(break_in_finally(), continue_in_finally())
    print([reraise(k) for k in range(3)])
    print(context_chain(), from_none(), exc_var_cleared())
    t = 0
    for _ in range(5):
        t += hot(400)
    print("hot", t)
    for s in formatted_tracebacks():
        print(s)
    for g in groups():
        print(g)
    for x in exc_info_and_notes():
        print(x)
    print(issubclass(SubError, AppError), SubError.__mro__[2].__name__, repr(AppError(3)), str(AppError(3, "m")),
          repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(StopIteration(5).value),
          OSError(2, "nf").errno, str(OSError(2, "nf")), BaseException.__subclasses__().__len__() > 3)


main()
