"""Generator pipelines and generator-based coroutines.

Chains of generator functions and generator expressions (``yield from``,
filtering, windowing, itertools glue), plus ``send``-driven coroutines that
keep running statistics.  Checksum: the pipeline results.
"""

import itertools

import harness

DEFAULT_SIZE = 600000
QUICK_SIZE = 60000


def numbers(count):
    value = 1
    for _ in range(count):
        value = (value * 1103515245 + 12345) & 0x7FFFFFFF
        yield value


def scaled(source, divisor):
    for value in source:
        yield value % divisor


def evens_then_odds(source):
    """Split each chunk of 8 into evens and odds, delegating with yield from."""
    while True:
        chunk = list(itertools.islice(source, 8))
        if not chunk:
            return
        yield from (v for v in chunk if v % 2 == 0)
        yield from (v for v in chunk if v % 2)


def windows(source, width):
    window = []
    for value in source:
        window.append(value)
        if len(window) == width:
            yield tuple(window)
            del window[0]


def running_stats():
    """A coroutine: send values in, receive (count, total, maximum) back."""
    count = total = 0
    maximum = None
    received = yield None
    while True:
        count += 1
        total += received
        if maximum is None or received > maximum:
            maximum = received
        received = yield (count, total, maximum)


def dedupe_runs(source):
    previous = object()
    for value in source:
        if value != previous:
            yield value
            previous = value


def run(size):
    stats = running_stats()
    next(stats)
    pipeline = windows(evens_then_odds(scaled(numbers(size), 1000)), 3)
    sums = (a + b + c for a, b, c in pipeline)
    result = None
    for value in dedupe_runs(v // 10 for v in sums):
        result = stats.send(value)
    pairs = sum(1 for _ in zip(numbers(size // 2), itertools.count()))
    grouped = [(k, len(list(g))) for k, g in
               itertools.groupby(sorted(scaled(numbers(size // 4), 7)))]
    return "%s %d %s" % (result, pairs, grouped)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
