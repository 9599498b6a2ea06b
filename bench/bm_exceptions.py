"""Exception-heavy control flow.

Validation that raises from deep call stacks, a custom exception hierarchy
caught by base class, ``try``/``finally`` bookkeeping, exception chaining,
context managers that suppress errors, EAFP dict/attribute access and
iteration ended by ``StopIteration``.  Checksum: the tallies.
"""

import harness

DEFAULT_SIZE = 300000
QUICK_SIZE = 16000


class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field, value):
        AppError.__init__(self, "bad %s: %r" % (field, value))
        self.field = field


class NotFound(AppError):
    pass


class Suppress:
    """Context manager that swallows the given exception types."""

    def __init__(self, *types):
        self.types = types
        self.swallowed = 0

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is not None and issubclass(kind, self.types):
            self.swallowed += 1
            return True
        return False


def check_range(field, value, low, high):
    if not low <= value <= high:
        raise ValidationError(field, value)
    return value


def validate(record):
    check_range("age", record[0], 0, 120)
    check_range("score", record[1], 0, 1000)
    if record[2] % 13 == 0:
        raise NotFound("user %d" % record[2])
    return record[0] + record[1]


def process(record, counters):
    try:
        try:
            return validate(record)
        except ValueError as exc:
            raise AppError("conversion") from exc
        finally:
            counters["attempts"] += 1
    except ValidationError as exc:
        counters[exc.field] = counters.get(exc.field, 0) + 1
    except AppError:
        counters["other"] = counters.get("other", 0) + 1
    return 0


def parse_int(text):
    try:
        return int(text)
    except ValueError:
        return -1


def eafp_lookups(table, keys):
    found = missing = 0
    for key in keys:
        try:
            found += table[key]
        except KeyError:
            missing += 1
    return found, missing


def drain(iterator):
    total = 0
    while True:
        try:
            total += next(iterator)
        except StopIteration:
            return total


def run(size):
    rng = harness.Lcg(17)
    counters = {"attempts": 0}
    total = 0
    for i in range(size):
        record = (rng.below(140) - 5, rng.below(1100), i)
        total += process(record, counters)
    texts = [str(i) if i % 3 else "x%d" % i for i in range(size // 2)]
    parsed = sum(parse_int(t) for t in texts)
    table = {i: i for i in range(0, size, 2)}
    lookups = eafp_lookups(table, range(size))
    guard = Suppress(ZeroDivisionError, KeyError)
    for i in range(size // 4):
        with guard:
            total += 1000 // (i % 7)
    drained = drain(iter(range(size)))
    return "%d %s %d %s %d %d" % (total, sorted(counters.items()), parsed,
                                  lookups, guard.swallowed, drained)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
