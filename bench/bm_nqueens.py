"""N-queens: count every placement of N non-attacking queens by backtracking.

Recursion with list and set bookkeeping, plus a generator-based solver
that yields each solution.  Checksum: solution counts and a digest of the
first solutions.
"""

import harness

DEFAULT_SIZE = 10
QUICK_SIZE = 8


def count_solutions(n, row=0, cols=None, diag1=None, diag2=None):
    """Count placements recursively using sets of attacked lines."""
    if cols is None:
        cols, diag1, diag2 = set(), set(), set()
    if row == n:
        return 1
    total = 0
    for col in range(n):
        if col in cols or row + col in diag1 or row - col in diag2:
            continue
        cols.add(col)
        diag1.add(row + col)
        diag2.add(row - col)
        total += count_solutions(n, row + 1, cols, diag1, diag2)
        cols.remove(col)
        diag1.remove(row + col)
        diag2.remove(row - col)
    return total


def solutions(n, placed=()):
    """Yield each solution as a tuple of column indices, one per row."""
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        if all(col != c and abs(col - c) != row - r
               for r, c in enumerate(placed)):
            yield from solutions(n, placed + (col,))


def run(size):
    counted = count_solutions(size + 1)
    listed = list(solutions(size))
    first = ";".join(",".join(map(str, s)) for s in listed[:10])
    return "%d %d %s" % (counted, len(listed), harness.digest(first))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
