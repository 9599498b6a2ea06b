"""Spectral norm: power iteration on an implicitly defined infinite matrix.

Float division and summation in nested loops over lists.
Checksum: the approximated spectral norm, rounded.
"""

import harness

DEFAULT_SIZE = 280
QUICK_SIZE = 90


def entry(i, j):
    """A[i][j] of the matrix 1 / ((i+j)(i+j+1)/2 + i + 1)."""
    ij = i + j
    return 1.0 / ((ij * (ij + 1) >> 1) + i + 1)


def times(vec):
    n = len(vec)
    return [sum(entry(i, j) * vec[j] for j in range(n)) for i in range(n)]


def times_transposed(vec):
    n = len(vec)
    return [sum(entry(j, i) * vec[j] for j in range(n)) for i in range(n)]


def times_ata(vec):
    return times_transposed(times(vec))


def run(size):
    u = [1.0] * size
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return "%.9f" % ((vbv / vv) ** 0.5)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
