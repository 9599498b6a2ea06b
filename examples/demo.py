"""A small program to show Pyston working: run it with `make demo`."""
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    pyston = sys.modules.get("pyston")
    print("fib(25) =", fib(25))
    print("JIT enabled:", bool(pyston and pyston.is_enabled()))


main()
