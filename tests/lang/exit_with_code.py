"""Prints results from hot functions, runs finally blocks and atexit handlers during sys.exit, then exits with status 3."""
import atexit
import sys


def collatz(n):
    steps = 0
    while n != 1:
        n = 3 * n + 1 if n % 2 else n // 2
        steps += 1
    return steps


def on_exit(tag):
    print("atexit handler", tag)
    sys.stdout.flush()


def main():
    best = max(range(1, 3000), key=collatz)
    print("longest collatz below 3000:", best, collatz(best))
    total = sum(collatz(i) for i in range(1, 2000))
    print("total steps", total)
    try:
        sys.exit(7)
    except SystemExit as e:
        print("caught SystemExit with code", e.code)
    try:
        raise SystemExit("string codes go to stderr")
    except SystemExit as e:
        print("caught again:", e.code)
    atexit.register(on_exit, "first-registered")
    atexit.register(on_exit, "second-registered")
    try:
        print("about to exit")
        sys.exit(3)
    finally:
        print("finally runs before exit")


main()
print("never printed")
