"""Permutation counting: combinatorial tables computed with big integers.

Counts permutations of n by number of inversions (Mahonian numbers), by
number of cycles (Stirling numbers of the first kind), derangements, and
alternating permutations (Euler zigzag numbers) using dynamic programming.
The numbers grow to thousands of digits.  Checksum: a digest of the results.
"""

import harness

DEFAULT_SIZE = 230
QUICK_SIZE = 120


def mahonian_row(n):
    """Number of permutations of n elements with k inversions, for each k."""
    row = [1]
    for m in range(2, n + 1):
        new = [0] * (len(row) + m - 1)
        window = 0
        for k in range(len(new)):
            if k < len(row):
                window += row[k]
            if k - m >= 0:
                window -= row[k - m]
            new[k] = window
        row = new
    return row


def stirling_first_row(n):
    """Unsigned Stirling numbers of the first kind c(n, k), k = 0..n."""
    row = [1]
    for m in range(n):
        new = [0] * (len(row) + 1)
        for k, value in enumerate(row):
            new[k] += m * value
            new[k + 1] += value
        row = new
    return row


def derangements(n):
    d = [1, 0]
    for m in range(2, n + 1):
        d.append((m - 1) * (d[-1] + d[-2]))
    return d


def zigzag(n):
    """Euler zigzag numbers by the Seidel-Entringer triangle."""
    result = [1]
    row = [1]
    for _ in range(1, n + 1):
        new = [0]
        for value in reversed(row):
            new.append(new[-1] + value)
        row = new
        result.append(row[-1])
    return result


def run(size):
    parts = []
    mahonian = mahonian_row(size)
    parts.append(sum(mahonian))
    parts.append(max(mahonian))
    stirling = stirling_first_row(size * 2)
    parts.append(sum(stirling))
    parts.append(stirling[size])
    parts.append(sum(derangements(size * 4)))
    parts.append(sum(zigzag(size * 2)))
    text = ",".join(str(p) for p in parts)
    return "%d %s" % (len(text), harness.digest(text))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
