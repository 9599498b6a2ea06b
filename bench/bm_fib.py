"""Fib: naive doubly recursive Fibonacci plus a mutual recursion.

Measures the cost of Python-to-Python calls and small-int arithmetic.
Checksum: the values computed.
"""

import harness

DEFAULT_SIZE = 32
QUICK_SIZE = 27


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def run(size):
    value = fib(size)
    parity = sum(1 for i in range(size * 20) if is_even(i % 300))
    return "%d %d" % (value, parity)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
