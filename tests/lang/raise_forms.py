"""Every form of `raise`: class or instance, `from` a class, an instance or
None, bare re-raise, and the TypeErrors for things that are not exceptions."""
import traceback


class NotReally(Exception):
    def __new__(cls):
        return 42


def forms():
    yield lambda: (_ for _ in ()).throw(ValueError)
    yield lambda: exec("raise KeyError")
    cases = [
        (ValueError, None), (ValueError("v"), None), (ValueError, KeyError),
        (ValueError("v"), KeyError("k")), (ValueError, None), (5, None),
        (ValueError, 5), (NotReally, None),
    ]
    for exc, cause in cases:
        def f(exc=exc, cause=cause):
            if cause is None:
                raise exc
            raise exc from cause
        yield f


def main():
    for i, f in enumerate(forms()):
        for _ in range(3):
            try:
                f()
            except BaseException as e:
                result = (type(e).__name__, str(e), type(e.__cause__).__name__,
                          e.__suppress_context__)
        print(i, result)
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise ValueError("outer") from None
    except ValueError as e:
        print("from None:", e.__suppress_context__, repr(e.__context__))
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ZeroDivisionError:
        print("".join(traceback.format_exc().splitlines(True)[-3:]), end="")


main()
