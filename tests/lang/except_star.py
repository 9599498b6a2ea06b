"""except*: matching parts of exception groups (CHECK_EG_MATCH), and what
the try statement re-raises at its end (PREP_RERAISE_STAR): re-raised parts
keep their nesting, newly raised ones become siblings."""
import traceback


def describe(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, e.message,
                                 ", ".join(describe(x) for x in e.exceptions))
    return repr(e)


def run(body):
    try:
        body()
    except BaseException as e:
        return describe(e), e.__traceback__ is not None
    return "no exception"


def reraise_part():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2),
                                    ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
    except* ValueError as g:
        print("caught", describe(g))
        raise
    except* KeyError:
        print("swallowed keys")


def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")
    except* TypeError as g:
        raise g.exceptions[0]


def naked():
    try:
        raise OSError("naked")
    except* OSError as g:
        print("wrapped", describe(g))
        raise


def naked_swallowed():
    seen = []
    try:
        raise KeyError("k")
    except* KeyError as g:
        seen.append(describe(g))
    return seen


def invalid_type():
    try:
        raise ExceptionGroup("eg", [ValueError()])
    except* ExceptionGroup:
        pass


def not_a_type():
    try:
        raise ExceptionGroup("eg", [ValueError()])
    except* 42:
        pass


def all_handled():
    for i in range(3):
        try:
            raise ExceptionGroup("eg%d" % i, [ValueError(i), TypeError(i)])
        except* (ValueError, TypeError) as g:
            print(i, describe(g))
    return "ok"


class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "'", excs)


def subclass_reraise():
    try:
        raise MyEG("mine", [ValueError(1), KeyError(2)])
    except* KeyError:
        pass


for body in (reraise_part, raise_new, naked, invalid_type, not_a_type, subclass_reraise):
    print(body.__name__, run(body))
print(naked_swallowed(), all_handled())
try:
    raise_new()
except ExceptionGroup as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
