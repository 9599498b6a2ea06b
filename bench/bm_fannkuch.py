"""Fannkuch: flip prefixes of every permutation of 1..n.

Small-integer list manipulation: permutations are generated in place by a
counting (Heap's-style) rotation scheme, then each one is "pancake flipped"
until its first element is 1.  Checksum: the signed flip checksum and the
maximum number of flips.
"""

import harness

DEFAULT_SIZE = 10
QUICK_SIZE = 8


def count_flips(perm):
    """Flip the prefix of length perm[0] until perm[0] == 0."""
    perm = perm[:]
    flips = 0
    first = perm[0]
    while first:
        perm[:first + 1] = perm[first::-1]
        flips += 1
        first = perm[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    counts = list(range(n + 1))
    checksum = max_flips = 0
    sign = 1
    while True:
        flips = count_flips(perm)
        max_flips = max(max_flips, flips)
        checksum += flips * sign
        sign = -sign
        # Next permutation by rotating prefixes of increasing length.
        r = 1
        while True:
            if r == n:
                return checksum, max_flips
            perm.insert(r, perm.pop(0))
            counts[r] -= 1
            if counts[r] > 0:
                break
            counts[r] = r
            r += 1


def run(size):
    return "%d %d" % fannkuch(size)


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
