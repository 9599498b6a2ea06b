"""A signal that arrives while a generator is suspended in `yield from` is
raised inside the innermost generator, not at the delegating one's loop
(JUMP_BACKWARD_NO_INTERRUPT must not check the eval breaker)."""
import _testcapi


def inner():
    try:
        yield
    except KeyboardInterrupt:
        return "inner caught it"
    return "no signal"


def outer():
    return (yield from inner())


def main():
    for _ in range(3):
        gen = outer()
        gen.send(None)
        try:
            _testcapi.raise_SIGINT_then_send_None(gen)
        except BaseException as exc:
            print(type(exc).__name__, exc)


main()
